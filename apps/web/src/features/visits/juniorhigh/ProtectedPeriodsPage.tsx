/**
 * `/visits/protected-periods`: the lesson time a junior high protects from visits (R10:
 * “不得影响正常教学秩序”) — every week on a weekday, or on one date (an exam day) — from–to,
 * with a label. Requests falling in them are refused with the rule.
 */
import { useEffect } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Segmented, Select, Skeleton, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { applyApiError } from '../../../lib/forms';
import { useCan, useSession } from '../../../lib/session';
import { useProtectedPeriods, useSaveProtectedPeriods } from '../api';
import { lengthOf } from '../shared/format';
import type { ProtectedPeriodValue } from '../types';

const m = defineMessages({
  title: ['教学保护时段', 'Protected lesson time'],
  hint: ['进校宣传不得影响正常教学（R10）。在下列时段内的进校申请将被拒绝；学校申请时即可看到冲突。', 'Visits must not disturb teaching (R10). Requests in these periods are refused, and the school sees the clash when it asks.'],
  every: ['每周', 'Weekly'],
  once: ['指定日期', 'On a date'],
  weekday: ['星期', 'Weekday'],
  date: ['日期', 'Date'],
  start: ['开始', 'From'],
  end: ['结束', 'To'],
  label: ['说明', 'Label'],
  labelPh: ['如：上午第 1–4 节、期中考试', 'e.g. morning lessons, mid-term exam'],
  add: ['添加时段', 'Add a period'],
  empty: ['尚未设置保护时段', 'No protected period yet'],
  saved: ['已保存', 'Saved'],
  badOrder: ['结束须晚于开始', 'The end must be after the start'],
  w1: ['周一', 'Mon'], w2: ['周二', 'Tue'], w3: ['周三', 'Wed'], w4: ['周四', 'Thu'], w5: ['周五', 'Fri'], w6: ['周六', 'Sat'], w7: ['周日', 'Sun'],
});

type Row = { mode: 'weekday' | 'date'; weekday?: number; date?: string; start: string; end: string; label?: string };

const toRow = (p: ProtectedPeriodValue): Row => ({ mode: p.date ? 'date' : 'weekday', weekday: p.weekday ?? undefined, date: p.date ?? undefined, start: p.start, end: p.end, label: p.label });
const fromRow = (r: Row): ProtectedPeriodValue => ({
  weekday: r.mode === 'weekday' ? (r.weekday ?? null) : null,
  date: r.mode === 'date' ? (r.date ?? null) : null,
  start: r.start,
  end: r.end,
  label: (r.label ?? '').trim(),
});

export function ProtectedPeriodsPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const me = useSession();
  const can = useCan();
  const q = useProtectedPeriods(me.organization.id);
  const save = useSaveProtectedPeriods(me.organization.id);
  const [form] = Form.useForm<{ periods: Row[] }>();
  const editable = can('visit.gate');

  useEffect(() => {
    if (q.data) form.setFieldsValue({ periods: q.data.periods.map(toRow) });
  }, [q.data, form]);

  return (
    <div data-testid="protected-periods-page">
      <PageHeader title={t('title')}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {save.isError && <ApiErrorAlert error={save.error} />}
      {q.isPending ? (
        <Skeleton active />
      ) : (
        <Card size="small" style={{ maxWidth: 900 }}>
          <Form form={form} disabled={!editable} onFinish={(v) => save.mutate((v.periods ?? []).map(fromRow), { onSuccess: () => message.success(t('saved')), onError: (e) => applyApiError(form, e) })}>
            <Form.List name="periods">
              {(fields, { add, remove }) => (
                <>
                  {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />}
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} wrap align="start" data-testid="protected-period" style={{ borderBottom: '1px solid #f0f0f0', paddingTop: 8 }}>
                      <Form.Item name={[f.name, 'mode']} initialValue="weekday">
                        <Segmented options={[{ value: 'weekday', label: t('every') }, { value: 'date', label: t('once') }]} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['periods', f.name, 'mode']) === 'date' ? (
                            <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: t('required') }]}>
                              <Input type="date" style={{ width: 150 }} aria-label={t('date')} />
                            </Form.Item>
                          ) : (
                            <Form.Item name={[f.name, 'weekday']} rules={[{ required: true, message: t('required') }]}>
                              <Select style={{ width: 90 }} placeholder={t('weekday')} options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`w${d}` as 'w1') }))} />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                      <Form.Item name={[f.name, 'start']} rules={[{ required: true, message: t('required') }]}>
                        <Input type="time" style={{ width: 120 }} aria-label={t('start')} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'end']}
                        dependencies={[['periods', f.name, 'start']]}
                        rules={[
                          { required: true, message: t('required') },
                          { validator: (_, end: string) => { const n = lengthOf(form.getFieldValue(['periods', f.name, 'start']), end); return n !== null && n <= 0 ? Promise.reject(new Error(t('badOrder'))) : Promise.resolve(); } },
                        ]}
                      >
                        <Input type="time" style={{ width: 120 }} aria-label={t('end')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'label']} style={{ flex: 1, minWidth: 160 }}>
                        <Input placeholder={t('labelPh')} maxLength={40} aria-label={t('label')} />
                      </Form.Item>
                      {editable && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                    </Flex>
                  ))}
                  {editable && (
                    <Flex gap={8} style={{ marginTop: 12 }}>
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ mode: 'weekday', weekday: 1, start: '08:00', end: '11:40', label: '' })} disabled={fields.length >= 100}>{t('add')}</Button>
                      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="protected-periods-save">{t('save')}</Button>
                    </Flex>
                  )}
                </>
              )}
            </Form.List>
          </Form>
          {!editable && <Alert type="info" style={{ marginTop: 12 }} title={t('forbiddenText')} />}
        </Card>
      )}
    </div>
  );
}
