/**
 * `/visits/report`: “两分钟上报” (R19) — a junior high reports, from its phone, a visit without
 * a valid permit, an intermediary, or money offered for students. Four fields and a button;
 * the school may be picked from those that asked to visit or typed; when defaults to now.
 */
import { useMemo, useState } from 'react';
import { AutoComplete, Button, Card, Form, Input, Radio, Result, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { applyApiError } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { codeFromInput } from '../../publicity/public/api';
import { useAllVisits, useCreateVisitReport, useVisitReports } from '../api';
import { visitMessages } from '../messages';
import { useVisitCampaign } from '../shared/campaign';
import type { VisitReport, VisitReportKind } from '../types';

const m = defineMessages({
  ...visitMessages,
  title: ['两分钟上报', 'Report in two minutes'],
  hint: ['未经区教育局批准进校招生、中介机构招生、向个人支付“生源费”，一律上报（R19）。', 'Report any recruiting without the district’s approval, any intermediary, any money offered for students (R19).'],
  kind: ['什么情况', 'What kind'],
  schoolLabel: ['哪所学校或什么人', 'Which school or who'],
  schoolPh: ['选择或直接输入', 'Pick or type'],
  when: ['什么时间', 'When'],
  what: ['发生了什么', 'What happened'],
  whatPh: ['如：两名自称某职校的人员在校门口向学生发传单，未出示许可证', 'e.g. two people from a school handed out leaflets at the gate without a permit'],
  whatRule: ['请简要写明经过（至少 2 个字）', 'Say briefly what happened (2 characters at least)'],
  permit: ['出示的许可证验证码（可选）', 'Permit code shown (optional)'],
  permitPh: ['粘贴验证码或验证链接', 'Paste the code or the link'],
  submit: ['立即上报', 'Report now'],
  done: ['已上报区教育局', 'Sent to the district bureau'],
  doneText: ['上报记录已保存并记入审计日志，区教育局将跟进处理。', 'The report is saved and audited; the district bureau follows it up.'],
  again: ['再报一条', 'Report another'],
  back: ['返回进校宣传', 'Back to campus visits'],
  mine: ['本校上报记录', 'Our reports'],
  noCampaign: ['尚未建立本年度招生活动，暂不能上报。', 'There is no campaign this year yet, so nothing can be reported.'],
});

type Values = { kind: VisitReportKind; school?: string; when: string; description: string; permitCode?: string };

const kinds: VisitReportKind[] = ['no_permit', 'intermediary', 'payment', 'other'];

export function ReportPage() {
  const { t } = useI18n(m);
  const me = useSession();
  const c = useVisitCampaign();
  const [form] = Form.useForm<Values>();
  const create = useCreateVisitReport();
  const [done, setDone] = useState<VisitReport | null>(null);
  const visits = useAllVisits({ campaignId: c.campaign?.id, juniorHighId: me.organization.id }, !!c.campaign);
  const mine = useVisitReports({ campaignId: c.campaign?.id, page: 1, pageSize: 10 }, !!c.campaign);
  // The schools the junior high knows from requests, to pick; anything else is typed.
  const schools = useMemo(() => {
    const byName = new Map<string, number>();
    for (const v of visits.data ?? []) byName.set(v.schoolName, v.schoolId);
    return byName;
  }, [visits.data]);
  const now = dayjs(c.now ?? undefined).format('YYYY-MM-DDTHH:mm');

  const onFinish = (v: Values) => {
    const school = (v.school ?? '').trim();
    create.mutate(
      {
        campaignId: c.campaign!.id,
        kind: v.kind,
        schoolId: schools.get(school) ?? null,
        schoolText: school,
        occurredAt: dayjs(v.when).toISOString(),
        description: v.description.trim(),
        permitCode: v.permitCode?.trim() ? codeFromInput(v.permitCode) : null,
      },
      { onSuccess: (r) => { setDone(r); form.resetFields(); }, onError: (e) => applyApiError(form, e, {}) },
    );
  };

  return (
    <div data-testid="visit-report-page" style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {!c.isPending && !c.campaign && !c.error && <ApiErrorAlert error={null} extra={[t('noCampaign')]} />}
      {done ? (
        <Card>
          <Result
            status="success"
            title={t('done')}
            subTitle={t('doneText')}
            data-testid="report-done"
            extra={[
              <Button key="again" type="primary" onClick={() => { setDone(null); create.reset(); }}>{t('again')}</Button>,
              <Link key="back" to="/visits"><Button>{t('back')}</Button></Link>,
            ]}
          />
        </Card>
      ) : (
        <Card size="small">
          {create.isError && <ApiErrorAlert error={create.error} />}
          <Form form={form} layout="vertical" size="large" onFinish={onFinish} initialValues={{ kind: 'no_permit', when: now }} disabled={!c.campaign} key={now}>
            <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
              <Radio.Group buttonStyle="solid" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }} data-testid="report-kind">
                {kinds.map((k) => (
                  <Radio.Button key={k} value={k} style={{ textAlign: 'center', borderRadius: 6, borderInlineStartWidth: 1 }}><span data-testid={`report-kind-${k}`}>{t(`kind_${k}`)}</span></Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="school" label={t('schoolLabel')}>
              <AutoComplete
                options={[...schools.keys()].map((s) => ({ value: s }))}
                placeholder={t('schoolPh')}
                maxLength={100}
                filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                data-testid="report-school"
              />
            </Form.Item>
            <Form.Item name="when" label={t('when')} rules={[{ required: true, message: t('required') }]}>
              <Input type="datetime-local" data-testid="report-when" />
            </Form.Item>
            <Form.Item name="description" label={t('what')} rules={[{ required: true, whitespace: true, min: 2, message: t('whatRule') }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder={t('whatPh')} data-testid="report-description" />
            </Form.Item>
            <Form.Item name="permitCode" label={t('permit')}>
              <Input placeholder={t('permitPh')} autoComplete="off" spellCheck={false} data-testid="report-permit" />
            </Form.Item>
            <Button type="primary" danger htmlType="submit" block loading={create.isPending} data-testid="report-submit" style={{ height: 48 }}>{t('submit')}</Button>
          </Form>
        </Card>
      )}
      {(mine.data?.items.length ?? 0) > 0 && (
        <Card size="small" title={t('mine')} style={{ marginTop: 16 }}>
          <Table<VisitReport>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={mine.data!.items}
            columns={[
              { title: t('when'), dataIndex: 'occurredAt', render: (s: string) => formatDateTime(s).slice(0, 16) },
              { title: t('kind'), dataIndex: 'kind', render: (k: VisitReportKind) => t(`kind_${k}`) },
              { title: t('status'), dataIndex: 'status', render: (s: VisitReport['status']) => <Tag color={s === 'open' ? 'red' : 'blue'}>{t(`rep_${s}`)}</Tag> },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
