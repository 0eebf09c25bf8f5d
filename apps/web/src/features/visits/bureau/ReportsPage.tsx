/**
 * `/visits/reports` for the district bureau: junior highs' reports of unauthorised recruiting
 * (R19: no approval, intermediaries, money for students), to acknowledge. The complaints and
 * discipline work will build the full handling on these records.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Segmented, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { CampaignSelect } from '../../publicity/shared/CampaignSelect';
import { useAcknowledgeReport, useVisitReports } from '../api';
import { visitMessages } from '../messages';
import { useVisitCampaign } from '../shared/campaign';
import type { VisitReport } from '../types';

const m = defineMessages({
  ...visitMessages,
  title: ['违规上报', 'Reports of unauthorised recruiting'],
  hint: ['初中学校上报的无审批进校、中介机构招生、支付生源费等情况（R19）。受理后记入审计日志，转入后续查处。', 'What junior highs report: visits without approval, intermediaries, money offered for students (R19). Acknowledging records it for follow-up.'],
  kind: ['类型', 'Kind'],
  reporter: ['上报学校', 'Reported by'],
  subject: ['涉及学校或人员', 'School or person'],
  occurredAt: ['发生时间', 'When'],
  description: ['经过', 'What happened'],
  permitCode: ['出示的许可', 'Permit shown'],
  reportedAt: ['上报时间', 'Reported'],
  acknowledge: ['受理', 'Acknowledge'],
  acknowledged: ['已受理', 'Acknowledged'],
  empty: ['没有上报记录', 'No report'],
  all: ['全部', 'All'],
});

const color: Record<VisitReport['status'], string> = { open: 'red', acknowledged: 'blue', closed: 'default' };

export function ReportsPage() {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const c = useVisitCampaign();
  const [status, setStatus] = useState<VisitReport['status'] | 'all'>('open');
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const q = useVisitReports({ campaignId: c.campaign?.id, status: status === 'all' ? undefined : status, ...p }, !!c.campaign);
  const ack = useAcknowledgeReport();
  return (
    <div data-testid="visit-reports-page">
      <PageHeader title={t('title')} extra={<CampaignSelect campaigns={c.campaigns} value={c.campaign?.id ?? null} onChange={c.pick} />}>
        <Typography.Text type="secondary">{t('hint')}</Typography.Text>
      </PageHeader>
      {c.error && <ApiErrorAlert error={c.error} onRetry={c.refetch} />}
      {ack.isError && <ApiErrorAlert error={ack.error} />}
      <Card size="small" extra={<Segmented value={status} onChange={(s) => { setStatus(s as typeof status); setP((x) => ({ ...x, page: 1 })); }} options={[{ value: 'open', label: t('rep_open') }, { value: 'acknowledged', label: t('rep_acknowledged') }, { value: 'all', label: t('all') }]} />}>
        {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<VisitReport>
          rowKey="id"
          size="middle"
          loading={q.isFetching || c.isPending}
          dataSource={q.data?.items}
          scroll={{ x: 1300 }}
          data-testid="visit-reports-table"
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          expandable={{ expandedRowRender: (r) => <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Paragraph> }}
          pagination={{ current: p.page, pageSize: p.pageSize, total: q.data?.total ?? 0, hideOnSinglePage: true, onChange: (page, pageSize) => setP({ page, pageSize }) }}
          columns={[
            { title: t('occurredAt'), dataIndex: 'occurredAt', width: 170, render: formatDateTime },
            { title: t('kind'), dataIndex: 'kind', width: 130, render: (k: VisitReport['kind']) => <Tag color={k === 'other' ? 'default' : 'volcano'}>{t(`kind_${k}`)}</Tag> },
            { title: t('reporter'), dataIndex: 'juniorHighName', width: 170, ellipsis: true },
            { title: t('subject'), dataIndex: 'schoolText', width: 190, ellipsis: true, render: (s: string) => s || '—' },
            { title: t('description'), dataIndex: 'description', ellipsis: true },
            { title: t('permitCode'), dataIndex: 'permitCode', width: 110, render: (code: string | null) => (code ? <a href={`/verify/${encodeURIComponent(code)}`} target="_blank" rel="noopener">{t('open')}</a> : '—') },
            { title: t('status'), dataIndex: 'status', width: 90, render: (s: VisitReport['status']) => <Tag color={color[s]}>{t(`rep_${s}`)}</Tag> },
            { title: t('reportedAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
            {
              title: t('actions'), key: 'a', width: 90, fixed: 'right' as const,
              render: (_: unknown, r) =>
                r.status === 'open' && can('visit.approve') ? (
                  <Button size="small" type="primary" loading={ack.isPending && ack.variables === r.id} onClick={() => ack.mutate(r.id, { onSuccess: () => message.success(t('acknowledged')) })} data-testid="acknowledge-report">{t('acknowledge')}</Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}

