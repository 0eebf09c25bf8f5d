/**
 * `/applications/pressure` 压力反映: what students and guardians report to the district bureau
 * (pressed into a choice, kept from the exam). Only the bureau sees who reported; it
 * acknowledges each report (recorded in the audit log) and follows it up.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Segmented, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useAcknowledgePressure, usePressureReports } from '../api';
import { studentMessages } from '../messages';
import { useAppCampaign } from '../shared';
import type { PressureReport } from '../types';

const m = defineMessages({
  ...studentMessages,
  title: ['压力反映', 'Pressure reports'],
  hint: ['学生或家长反映被迫选择志愿、被劝阻参加中考等情况。反映人信息仅区教育局可见；受理记入审计日志。', 'Students or guardians report being pressed into a choice or kept from the exam. Only the bureau sees who reported; acknowledging is audited.'],
  kind: ['类型', 'Kind'],
  kind_pressure_choice: ['被迫选择志愿', 'Pressed into a choice'],
  kind_kept_from_exam: ['被劝阻参加中考', 'Kept from the exam'],
  kind_other: ['其他', 'Other'],
  reporter: ['反映人', 'Reporter'],
  description: ['情况', 'What happened'],
  reportedAt: ['反映时间', 'Reported'],
  open: ['待受理', 'Open'],
  acknowledged: ['已受理', 'Acknowledged'],
  acknowledge: ['受理', 'Acknowledge'],
  empty: ['没有反映', 'No report'],
});

export function PressurePage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const c = useAppCampaign();
  const [status, setStatus] = useState<'open' | 'acknowledged' | 'all'>('open');
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const q = usePressureReports({ campaignId: c.campaign?.id, status: status === 'all' ? undefined : status, ...p });
  const ack = useAcknowledgePressure();
  return (
    <div data-testid="pressure-page">
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={c.campaign?.id ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {ack.isError && <ApiErrorAlert error={ack.error} />}
      <Card size="small" extra={<Segmented value={status} onChange={(s) => { setStatus(s as typeof status); setP((x) => ({ ...x, page: 1 })); }} options={[{ value: 'open', label: t('open') }, { value: 'acknowledged', label: t('acknowledged') }, { value: 'all', label: t('all') }]} />}>
        {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<PressureReport>
          rowKey="id"
          size="middle"
          loading={q.isFetching || c.isPending}
          dataSource={q.data?.items}
          scroll={{ x: 1200 }}
          data-testid="pressure-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Paragraph> }}
          pagination={{ current: p.page, pageSize: p.pageSize, total: q.data?.total ?? 0, hideOnSinglePage: true, onChange: (page, pageSize) => setP({ page, pageSize }) }}
          columns={[
            { title: t('reportedAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
            { title: t('kind'), dataIndex: 'kind', width: 140, render: (k: PressureReport['kind']) => <Tag color={k === 'other' ? 'default' : 'volcano'}>{t(`kind_${k}`)}</Tag> },
            { title: t('juniorHigh'), dataIndex: 'juniorHighName', width: 160, ellipsis: true, render: (x: string | null) => x ?? '—' },
            { title: t('name'), key: 'student', width: 170, render: (_: unknown, r) => `${r.studentName}（${r.examNo}）` },
            { title: t('reporter'), key: 'rep', width: 160, render: (_: unknown, r) => `${t(`by_${r.reporter}`)} ${r.phoneMasked}` },
            { title: t('description'), dataIndex: 'description', ellipsis: true },
            { title: t('status'), dataIndex: 'status', width: 90, render: (s: PressureReport['status']) => <Tag color={s === 'open' ? 'red' : 'blue'}>{t(s)}</Tag> },
            {
              title: t('actions'), key: 'a', width: 90, fixed: 'right' as const,
              render: (_: unknown, r) => r.status === 'open' ? (
                <Button size="small" type="primary" loading={ack.isPending && ack.variables === r.id} onClick={() => ack.mutate(r.id, { onSuccess: () => message.success(t('acknowledged')) })} data-testid="pressure-ack">{t('acknowledge')}</Button>
              ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}
