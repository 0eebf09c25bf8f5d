/**
 * One run of a batch (R15): progress while it works (phase, done/total, polled), then its totals,
 * the publish button, the files an auditor re-runs `admit` on, the per-programme and per-junior-
 * high tables, the placements, and — while the batch is open — the what-if of other lines.
 */
import { App, Alert, Button, Card, Collapse, Descriptions, Flex, Progress, Skeleton, Statistic, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { downloadRunFile, lettersPending, runBusy, runFiles, useRun } from '../api';
import type { AdmissionBatch, AdmissionRun } from '../types';
import { PublishRun } from './PublishRun';
import { JuniorHighTable, PlacementsTable, ProgrammeTable, runTableMessages } from './RunTables';
import { ShortHash } from './ShortHash';
import { RunStatusTag } from './Tags';
import { WhatIfPanel } from './WhatIfPanel';

const m = defineMessages({
  ...runTableMessages,
  runN: ['第 {id} 次计算 · {batch}', 'Run {id} · {batch}'],
  progress: ['进度：{phase} {done}/{total}', 'Progress: {phase} {done}/{total}'],
  t_applicants: ['参加本批次', 'In this batch'],
  t_admitted: ['录取', 'Admitted'],
  t_adjusted: ['其中调剂', 'By adjustment'],
  t_unplaced: ['未录取', 'Not admitted'],
  t_admittedBefore: ['前批次已录取', 'Admitted earlier'],
  t_noChoiceInBatch: ['无本批次志愿', 'No choice in batch'],
  t_noScore: ['无成绩', 'No score'],
  inputsHash: ['录取依据校验值', 'Inputs hash'],
  resultsHash: ['结果校验值', 'Results hash'],
  lines: ['分数线', 'Lines'],
  batchLine: ['批次 {v}', 'Batch {v}'],
  programmeLinesN: ['专业控制线 {n} 条', '{n} programme lines'],
  publishedAt: ['发布时间', 'Published'],
  files: ['复核文件（admit 格式）', 'Files for re-running (admit format)'],
  byProgramme: ['各专业', 'By programme'],
  byJuniorHigh: ['各初中', 'By junior high'],
  placements: ['逐人结果', 'Placements'],
  whatIf: ['调整分数线（预览）', 'Change a line (preview)'],
  failed: ['录取计算失败', 'The run failed'],
  letters: ['录取通知书签发中：{done}/{total}', 'Signing the admission letters: {done}/{total}'],
});

export function RunDetailView({ runId, batch, onRunStarted }: { runId: number; batch: AdmissionBatch | undefined; onRunStarted: (r: AdmissionRun) => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const q = useRun(runId);
  if (q.isError) return <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card size="small"><Skeleton active /></Card>;
  const r = q.data;
  const busy = runBusy(r.status);
  const pct = r.progress.total ? Math.round((r.progress.done / r.progress.total) * 100) : 0;
  const done = r.status === 'ready' || r.status === 'published';
  const totals = (['applicants', 'admitted', 'adjusted', 'unplaced', 'admittedBefore', 'noChoiceInBatch', 'noScore'] as const);

  return (
    <Flex vertical gap={12} data-testid="ad-run" data-run-id={r.id} data-status={r.status} data-current={String(r.current)}>
      <Card size="small" title={<Flex gap={8} align="center" wrap><span>{t('runN', { id: r.id, batch: r.batch })}</span><RunStatusTag status={r.status} /></Flex>}>
        {busy && (
          <div data-testid="ad-run-progress">
            <Progress percent={pct} status="active" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('progress', { phase: r.progress.phase, done: r.progress.done, total: r.progress.total })}</Typography.Text>
          </div>
        )}
        {lettersPending(r) && (
          <div data-testid="ad-run-letters">
            <Progress percent={Math.round((r.progress.done / r.progress.total) * 100)} status="active" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('letters', { done: r.progress.done, total: r.progress.total })}</Typography.Text>
          </div>
        )}
        {r.status === 'failed' && <Alert type="error" showIcon title={t('failed')} description={r.error ?? undefined} data-testid="ad-run-error" />}
        {done && (
          <Flex gap={20} wrap style={{ marginBottom: 12 }}>
            {totals.map((k) => <Statistic key={k} title={t(`t_${k}`)} value={r.totals[k]} styles={{ content: { fontSize: 20 } }} data-testid={`ad-total-${k}`} />)}
          </Flex>
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'c', label: t('createdAt'), children: `${formatDateTime(r.createdAt)}${r.createdBy ? ` · ${r.createdBy}` : ''}` },
          { key: 'l', label: t('lines'), children: [r.minScore !== null ? t('batchLine', { v: r.minScore }) : null, r.programmeLines.length ? t('programmeLinesN', { n: r.programmeLines.length }) : null].filter(Boolean).join('；') || '—' },
          ...(r.publishedAt ? [{ key: 'p', label: t('publishedAt'), children: formatDateTime(r.publishedAt) }] : []),
          { key: 'i', label: t('inputsHash'), children: <ShortHash value={r.inputsHash} testId="ad-run-inputs-hash" /> },
          { key: 'r', label: t('resultsHash'), children: <ShortHash value={r.resultsHash} testId="ad-run-results-hash" /> },
        ]} />
        {done && (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            <PublishRun run={r} />
            <Flex gap={8} wrap align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('files')}</Typography.Text>
              {runFiles.map((f) => (
                <Button key={f} size="small" icon={<DownloadOutlined />} onClick={() => downloadRunFile(r.id, f).catch((e: Error) => message.error(e.message))} data-testid="ad-run-file" data-file={f}>{f}</Button>
              ))}
            </Flex>
          </Flex>
        )}
      </Card>
      {done && (
        <Collapse
          defaultActiveKey={['p']}
          items={[
            { key: 'p', label: t('byProgramme'), children: <ProgrammeTable rows={r.programmes} /> },
            { key: 'j', label: t('byJuniorHigh'), children: <JuniorHighTable rows={r.juniorHighs} /> },
            { key: 'x', label: t('placements'), children: <PlacementsTable run={r} /> },
            ...(can('admission.run') && batch?.status === 'open' ? [{ key: 'w', label: t('whatIf'), children: <WhatIfPanel run={r} onRunStarted={onRunStarted} /> }] : []),
          ]}
          destroyOnHidden
          data-testid="ad-run-sections"
        />
      )}
    </Flex>
  );
}
