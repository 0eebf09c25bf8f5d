/**
 * 录取 (R15): per batch, its runs. 试录取 computes the batch on the locked scores and confirmed
 * applications (a background job: polled, it survives a restart); a ready run can be examined,
 * compared with other lines, and published. The batch and the run shown are in the address.
 */
import { useMemo } from 'react';
import { App, Button, Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { useBatches, useRuns, useStartRun } from '../api';
import { RunDetailView } from '../components/RunDetailView';
import { ShortHash } from '../components/ShortHash';
import { RunStatusTag } from '../components/Tags';
import { admissionMessages } from '../messages';
import type { AdmissionRun } from '../types';

const m = defineMessages({
  ...admissionMessages,
  hint: ['试录取按已锁定的成绩和已确认的志愿计算本批次，可反复进行；确认无误后发布。发布的结果与其录取依据校验值一同保存，相同依据重算结果完全一致。', 'A dry run computes the batch from the locked scores and confirmed applications, as often as needed; then publish. A published result is kept with the hash of its inputs: the same inputs give the same result.'],
  pickBatch: ['选择批次', 'Choose a batch'],
  dryRun: ['试录取', 'Dry run'],
  started: ['已开始试录取', 'Dry run started'],
  runs: ['本批次的计算', 'Runs of this batch'],
  runId: ['编号', 'Run'],
  applicants: ['考生', 'Applicants'],
  admitted: ['录取', 'Admitted'],
  inputs: ['录取依据', 'Inputs'],
  notCurrent: ['依据已变化', 'Inputs changed'],
  noBatches: ['请先在“批次”中设置批次', 'Define the batches first'],
  noRuns: ['本批次尚未试录取', 'No run of this batch yet'],
  open: ['查看', 'Open'],
  viewing: ['正在查看', 'Shown'],
});

export function RunsTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const batches = useBatches(campaignId);
  const runs = useRuns(campaignId);
  const start = useStartRun();
  const items = batches.data?.items ?? [];
  const asked = Number(params.get('batch'));
  // By default: the first batch not yet published (the one to work on), else the last.
  const batch = items.find((b) => b.id === asked) ?? items.find((b) => b.status === 'open') ?? items[items.length - 1];
  const batchRuns = useMemo(() => (runs.data?.items ?? []).filter((r) => r.batchId === batch?.id).sort((a, b) => b.id - a.id), [runs.data, batch?.id]);
  const askedRun = Number(params.get('run'));
  // The run asked for (just started: maybe not in the list yet), else the batch's published one, else its newest.
  const shownRun = askedRun > 0 ? askedRun : (batch?.publishedRunId ?? batchRuns[0]?.id ?? null);
  const set = (k: string, v: number | null) => setParams((p) => { if (v) p.set(k, String(v)); else p.delete(k); if (k === 'batch') p.delete('run'); return p; }, { replace: true });
  const onStarted = (r: AdmissionRun) => set('run', r.id);
  const onDryRun = () => batch && start.mutate({ batchId: batch.id }, { onSuccess: (r) => { message.success(t('started')); onStarted(r); } });

  if (batches.isError) return <ApiErrorAlert error={batches.error} onRetry={() => batches.refetch()} />;
  if (batches.data && items.length === 0) return <Empty description={t('noBatches')} />;

  return (
    <Flex vertical gap={12} data-testid="ad-runs">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('hint')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center">
        <Select
          style={{ width: 260, maxWidth: '100%' }}
          placeholder={t('pickBatch')}
          loading={batches.isPending}
          value={batch?.id}
          onChange={(v: number) => set('batch', v)}
          options={items.map((b) => ({ value: b.id, label: `${b.seq}. ${b.name}（${t(`batch_${b.status}`)}）` }))}
          data-testid="ad-run-batch"
        />
        {can('admission.run') && batch?.status === 'open' && (
          <Button type="primary" icon={<PlayCircleOutlined />} loading={start.isPending} onClick={onDryRun} data-testid="ad-run-start">{t('dryRun')}</Button>
        )}
      </Flex>
      {start.isError && <ApiErrorAlert error={start.error} />}
      {runs.isError && <ApiErrorAlert error={runs.error} onRetry={() => runs.refetch()} />}
      {batch && (
        <Card size="small" title={t('runs')}>
          <Table<AdmissionRun>
            size="small"
            rowKey="id"
            loading={runs.isPending}
            dataSource={batchRuns}
            scroll={{ x: 'max-content' }}
            pagination={batchRuns.length > 5 ? { pageSize: 5, size: 'small', showSizeChanger: false } : false}
            locale={{ emptyText: t('noRuns') }}
            data-testid="ad-run-rows"
            onRow={(r) => ({ 'data-testid': 'ad-run-row', 'data-run-id': r.id, 'data-status': r.status, style: r.id === shownRun ? { background: '#e6f4ff' } : undefined }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('runId'), dataIndex: 'id', render: (v: number) => `#${v}` },
              { title: t('status'), key: 's', render: (_: unknown, r) => <Flex gap={4} wrap><RunStatusTag status={r.status} />{r.current === false && r.status === 'ready' && <Tag color="orange">{t('notCurrent')}</Tag>}</Flex> },
              { title: t('applicants'), dataIndex: 'applicants', align: 'right' as const },
              { title: t('admitted'), dataIndex: 'admitted', align: 'right' as const },
              { title: t('createdAt'), key: 'c', render: (_: unknown, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}{r.createdBy ? ` · ${r.createdBy}` : ''}</span> },
              { title: t('inputs'), key: 'h', render: (_: unknown, r) => <ShortHash value={r.inputsHash} /> },
              { title: t('actions'), key: 'a', render: (_: unknown, r) => (r.id === shownRun ? <Tag>{t('viewing')}</Tag> : <Button size="small" onClick={() => set('run', r.id)} data-testid="ad-run-open">{t('open')}</Button>) },
            ]}
          />
        </Card>
      )}
      {shownRun && <RunDetailView key={shownRun} runId={shownRun} batch={batch} onRunStarted={onStarted} />}
    </Flex>
  );
}
