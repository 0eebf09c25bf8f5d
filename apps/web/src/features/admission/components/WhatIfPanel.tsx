/**
 * 调整分数线 (R15: "the effect of changing a line before deciding"): change the batch line or a
 * programme's own line, 预览 computes the batch again without storing anything, and the two are
 * shown side by side per programme (admitted, cutoff), differences highlighted. The bureau may
 * then dry-run with those lines (a run keeps the lines it ran with; publishing publishes them).
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, InputNumber, Table, Typography } from 'antd';
import { ExperimentOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { usePreview, useStartRun } from '../api';
import type { AdmissionRun, RunDetail, RunProgramme } from '../types';
import { runTableMessages } from './RunTables';

const m = defineMessages({
  ...runTableMessages,
  hint: ['修改批次控制线或某个专业的控制线，点击“预览”即可看到各专业录取人数和最低录取分的变化（只计算，不保存）。满意后可按这些分数线重新试录取。', 'Change the batch line or a programme’s line and click Preview to see each programme’s admitted and cutoff change (computed, not stored). Then dry-run with those lines if you like.'],
  batchLine: ['批次控制线', 'Batch line'],
  ownLine: ['专业控制线', 'Programme line'],
  none: ['不设', 'None'],
  preview: ['预览', 'Preview'],
  runWith: ['按这些分数线试录取', 'Dry-run with these lines'],
  started: ['已开始试录取', 'Dry run started'],
  current: ['当前', 'Now'],
  previewCol: ['预览', 'Preview'],
  changedN: ['{n} 个专业有变化', '{n} programmes change'],
  noChange: ['与当前结果相同', 'Same as now'],
  totalAdmitted: ['录取总数：{a} → {b}', 'Admitted: {a} → {b}'],
  stale: ['分数线已修改，请重新预览', 'Lines changed: preview again'],
  reset: ['恢复', 'Reset'],
});

type Row = RunProgramme & { preview: RunProgramme | null };

const diffStyle = { background: '#fffbe6' };

function Pair({ a, b, shown }: { a: number | null; b: number | null | undefined; shown: boolean }) {
  if (!shown) return <>{a ?? '—'}</>;
  const changed = (a ?? null) !== (b ?? null);
  return (
    <span data-changed={changed ? 'true' : 'false'} style={{ whiteSpace: 'nowrap' }}>
      {a ?? '—'} → <Typography.Text strong={changed} type={changed ? 'warning' : undefined}>{b ?? '—'}</Typography.Text>
    </span>
  );
}

export function WhatIfPanel({ run, onRunStarted }: { run: RunDetail; onRunStarted: (r: AdmissionRun) => void }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const preview = usePreview();
  const start = useStartRun();
  const ownOf = useMemo(() => new Map(run.programmeLines.map((l) => [l.programmeId, l.minScore])), [run.programmeLines]);
  const [batchLine, setBatchLine] = useState<number | null>(run.minScore);
  const [own, setOwn] = useState<Record<number, number | null>>({});
  const [asked, setAsked] = useState<string | null>(null);

  const lines = () => {
    const merged = new Map(ownOf);
    for (const [id, v] of Object.entries(own)) {
      if (v === null) merged.delete(Number(id));
      else merged.set(Number(id), v);
    }
    return { batchId: run.batchId, minScore: batchLine, programmeLines: [...merged].map(([programmeId, minScore]) => ({ programmeId, minScore })) };
  };
  const key = JSON.stringify(lines());
  const result = preview.data && asked ? preview.data : null;
  const stale = !!result && asked !== key;
  const byId = useMemo(() => new Map((result?.programmes ?? []).map((p) => [p.programmeId, p])), [result]);
  const rows: Row[] = run.programmes.map((p) => ({ ...p, preview: byId.get(p.programmeId) ?? null }));
  const changed = result ? rows.filter((r) => r.preview && (r.preview.admitted !== r.admitted || r.preview.cutoffScore !== r.cutoffScore)).length : 0;
  const edited = batchLine !== run.minScore || Object.keys(own).length > 0;

  const onPreview = () => {
    const k = key;
    preview.mutate(lines(), { onSuccess: () => setAsked(k) });
  };
  const onRun = () => start.mutate(lines(), { onSuccess: (r) => { message.success(t('started')); onRunStarted(r); } });
  const ownValue = (p: RunProgramme) => (p.programmeId in own ? own[p.programmeId]! : (ownOf.get(p.programmeId) ?? null));

  return (
    <div data-testid="ad-whatif">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hint')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Text>{t('batchLine')}</Typography.Text>
        <InputNumber min={0} max={10000} step={0.5} value={batchLine} placeholder={t('none')} onChange={(v) => setBatchLine(typeof v === 'number' ? v : null)} style={{ width: 120 }} data-testid="ad-whatif-batch-line" />
        <Button type="primary" icon={<ExperimentOutlined />} loading={preview.isPending} onClick={onPreview} data-testid="ad-whatif-preview">{t('preview')}</Button>
        {edited && <Button onClick={() => { setBatchLine(run.minScore); setOwn({}); }}>{t('reset')}</Button>}
        {result && !stale && edited && <Button icon={<PlayCircleOutlined />} loading={start.isPending} onClick={onRun} data-testid="ad-whatif-run">{t('runWith')}</Button>}
      </Flex>
      {preview.isError && <ApiErrorAlert error={preview.error} />}
      {start.isError && <ApiErrorAlert error={start.error} />}
      {stale && <Alert type="warning" showIcon title={t('stale')} style={{ marginBottom: 8 }} />}
      {result && !stale && (
        <Alert
          type={changed ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="ad-whatif-summary"
          data-changed={changed}
          title={changed ? t('changedN', { n: changed }) : t('noChange')}
          description={t('totalAdmitted', { a: run.totals.admitted, b: result.totals.admitted })}
        />
      )}
      <Table<Row>
        size="small"
        rowKey="programmeId"
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
        data-testid="ad-whatif-rows"
        onRow={(r) => {
          const diff = !!result && !stale && !!r.preview && (r.preview.admitted !== r.admitted || r.preview.cutoffScore !== r.cutoffScore);
          return { 'data-testid': 'ad-whatif-row', 'data-programme-id': r.programmeId, 'data-changed': diff ? 'true' : 'false', style: diff ? diffStyle : undefined } as React.HTMLAttributes<HTMLElement>;
        }}
        columns={[
          { title: t('programme'), key: 'p', render: (_: unknown, p) => <span>{p.schoolName} · {p.majorName}<Typography.Text type="secondary" style={{ fontSize: 12 }}>（{p.campusName}）</Typography.Text></span> },
          { title: t('seats'), dataIndex: 'seats', align: 'right' as const },
          {
            title: t('ownLine'), key: 'l', render: (_: unknown, p) => (
              <InputNumber size="small" min={0} max={10000} step={0.5} placeholder={t('none')} value={ownValue(p)} style={{ width: 100 }}
                onChange={(v) => setOwn((o) => ({ ...o, [p.programmeId]: typeof v === 'number' ? v : null }))} data-testid="ad-whatif-line" data-programme-id={p.programmeId} />
            ),
          },
          { title: `${t('admitted')}（${t('current')} → ${t('previewCol')}）`, key: 'a', align: 'right' as const, render: (_: unknown, r) => <Pair a={r.admitted} b={r.preview?.admitted} shown={!!result && !stale} /> },
          { title: `${t('cutoff')}（${t('current')} → ${t('previewCol')}）`, key: 'c', align: 'right' as const, render: (_: unknown, r) => <Pair a={r.cutoffScore} b={r.preview?.cutoffScore} shown={!!result && !stale} /> },
        ]}
      />
    </div>
  );
}
