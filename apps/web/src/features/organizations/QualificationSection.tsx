/**
 * R4: a vocational school enrolls in a year only when the provincial authority has
 * published it as qualified for that year. Bureau users record that per year.
 */
import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Switch, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useClock } from '../../lib/clock';
import { applyApiError, type FormProblem } from '../../lib/forms';
import { useCan } from '../../lib/session';
import type { OrganizationDetail } from '../../lib/types';
import { useSetQualification } from './api';

const m = defineMessages({
  title: ['年度招生资格（R4）', 'Yearly enrollment qualification (R4)'],
  hint: ['没有当年招生资格的学校不能招生、宣传或接收学生。', 'A school without the year’s qualification cannot enroll, publicise or receive students.'],
  year: ['年度', 'Year'],
  qualified: ['具备资格', 'Qualified'],
  notQualified: ['不具备', 'Not qualified'],
  note: ['备注（如省厅公布文号）', 'Note (e.g. the provincial notice)'],
  set: ['登记', 'Record'],
  empty: ['尚未登记任何年度的资格', 'No year recorded yet'],
});

type Values = { year: number; qualified: boolean; note?: string };

export function QualificationSection({ org }: { org: OrganizationDetail }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const clock = useClock();
  const [form] = Form.useForm<Values>();
  const set = useSetQualification();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const thisYear = Number((clock.data?.today ?? new Date().toISOString()).slice(0, 4));
  const rows = [...org.qualifications].sort((a, b) => b.year - a.year);

  const onFinish = (v: Values) => {
    setProblem(null);
    set.mutate(
      { orgId: org.id, year: v.year, qualified: v.qualified, note: v.note ?? '' },
      { onSuccess: () => message.success(t('saved')), onError: (e) => setProblem(applyApiError(form, e)) },
    );
  };

  return (
    <section style={{ marginTop: 24 }} data-testid="qualifications">
      <Typography.Title level={5}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('year'), dataIndex: 'year', width: 80 },
          { title: t('qualified'), dataIndex: 'qualified', width: 110, render: (q: boolean) => (q ? <Tag color="green">{t('qualified')}</Tag> : <Tag color="red">{t('notQualified')}</Tag>) },
          { title: t('note'), dataIndex: 'note', render: (n: string) => n || '—' },
        ]}
      />
      {can('org.write') && (
        <>
          {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} style={{ marginTop: 12 }} />}
          <Form form={form} layout="inline" initialValues={{ year: thisYear, qualified: true }} onFinish={onFinish} style={{ marginTop: 12, rowGap: 8 }} disabled={set.isPending}>
            <Form.Item name="year" rules={[{ required: true, message: t('required') }]}>
              <InputNumber min={2000} max={2100} style={{ width: 96 }} aria-label={t('year')} />
            </Form.Item>
            <Form.Item name="qualified" valuePropName="checked">
              <Switch checkedChildren={t('qualified')} unCheckedChildren={t('notQualified')} />
            </Form.Item>
            <Form.Item name="note" rules={[{ max: 200 }]} style={{ flex: 1, minWidth: 160 }}>
              <Input placeholder={t('note')} maxLength={200} />
            </Form.Item>
            <Flex>
              <Button type="primary" htmlType="submit" loading={set.isPending}>{t('set')}</Button>
            </Flex>
          </Form>
        </>
      )}
    </section>
  );
}
