/**
 * A run's figures (R15): per programme — seats, applicants, first choices, admitted (and by
 * adjustment), the cutoff score and the rank of the last admitted —, per junior high, and the
 * placements one by one (paginated, filtered by programme, junior high or outcome).
 */
import { useMemo, useState } from 'react';
import { Flex, Select, Table, Tooltip, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useRunPlacements, type PlacementFilters } from '../api';
import { admissionMessages } from '../messages';
import type { RunDetail, RunJuniorHigh, RunPlacement, RunProgramme } from '../types';
import { useChoiceText } from './Tags';

export const runTableMessages = defineMessages({
  ...admissionMessages,
  seats: ['可录名额', 'Seats'],
  line: ['控制线', 'Line'],
  applicants: ['报考人数', 'Applicants'],
  firstChoice: ['第一志愿', 'First choice'],
  admitted: ['录取', 'Admitted'],
  adjustment: ['其中调剂', 'By adjustment'],
  cutoff: ['最低录取分', 'Cutoff score'],
  lastRank: ['末位名次', 'Last rank'],
  cutoffKey: ['末位考生排序依据（分数/同分科目/随机号/报名号）', 'The last admitted’s key (score/tie-breaks/lottery/exam number)'],
  rate: ['录取率', 'Admitted share'],
  outcome: ['结果', 'Outcome'],
  o_admitted: ['已录取', 'Admitted'],
  o_unplaced: ['未录取', 'Not admitted'],
  allOutcomes: ['全部结果', 'All outcomes'],
});

export function ProgrammeTable({ rows, testId = 'ad-run-programmes' }: { rows: readonly RunProgramme[]; testId?: string }) {
  const { t } = useI18n(runTableMessages);
  return (
    <Table<RunProgramme>
      size="small"
      rowKey="programmeId"
      dataSource={rows as RunProgramme[]}
      scroll={{ x: 'max-content' }}
      pagination={rows.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
      data-testid={testId}
      onRow={(p) => ({ 'data-testid': 'ad-run-programme', 'data-programme-id': p.programmeId }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('programme'), key: 'p', fixed: 'left' as const, render: (_: unknown, p) => <span>{p.schoolName} · {p.majorName}<Typography.Text type="secondary" style={{ fontSize: 12 }}>（{p.campusName}）</Typography.Text></span> },
        { title: t('seats'), dataIndex: 'seats', align: 'right' as const },
        { title: t('line'), dataIndex: 'minScore', align: 'right' as const, render: (v: number | null) => v ?? '—' },
        { title: t('applicants'), dataIndex: 'applicants', align: 'right' as const },
        { title: t('firstChoice'), dataIndex: 'firstChoice', align: 'right' as const },
        { title: t('admitted'), dataIndex: 'admitted', align: 'right' as const, render: (v: number, p) => <Typography.Text strong type={v < p.seats ? undefined : 'success'}>{v}</Typography.Text> },
        { title: t('adjustment'), dataIndex: 'admittedAdjustment', align: 'right' as const },
        { title: t('cutoff'), dataIndex: 'cutoffScore', align: 'right' as const, render: (v: number | null, p) => (v === null ? '—' : <Tooltip title={`${t('cutoffKey')}: ${p.cutoffKey}`}><span data-testid="ad-cutoff">{v}</span></Tooltip>) },
        { title: t('lastRank'), dataIndex: 'lastRank', align: 'right' as const, render: (v: number | null) => v ?? '—' },
      ]}
    />
  );
}

export function JuniorHighTable({ rows }: { rows: readonly RunJuniorHigh[] }) {
  const { t } = useI18n(runTableMessages);
  return (
    <Table<RunJuniorHigh>
      size="small"
      rowKey={(r) => r.juniorHighId ?? `none-${r.name}`}
      dataSource={rows as RunJuniorHigh[]}
      scroll={{ x: 'max-content' }}
      pagination={rows.length > 30 ? { pageSize: 30, size: 'small', showSizeChanger: false } : false}
      data-testid="ad-run-junior-highs"
      columns={[
        { title: t('juniorHigh'), dataIndex: 'name' },
        { title: t('applicants'), dataIndex: 'applicants', align: 'right' as const },
        { title: t('admitted'), dataIndex: 'admitted', align: 'right' as const },
        { title: t('rate'), key: 'r', align: 'right' as const, render: (_: unknown, r) => (r.applicants ? `${((r.admitted / r.applicants) * 100).toFixed(1)}%` : '—') },
      ]}
    />
  );
}

export function PlacementsTable({ run }: { run: RunDetail }) {
  const { t } = useI18n(runTableMessages);
  const choice = useChoiceText();
  const [f, setF] = useState<PlacementFilters>({ page: 1, pageSize: 20 });
  const q = useRunPlacements(run.id, f);
  const set = (x: Partial<PlacementFilters>) => setF((o) => ({ ...o, ...x, page: 1 }));
  const programmeOptions = useMemo(() => run.programmes.map((p) => ({ value: p.programmeId, label: `${p.schoolName} · ${p.majorName}（${p.campusName}）` })), [run.programmes]);
  const jhOptions = useMemo(() => run.juniorHighs.filter((j) => j.juniorHighId !== null).map((j) => ({ value: j.juniorHighId!, label: j.name })), [run.juniorHighs]);
  return (
    <div data-testid="ad-placements">
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Select style={{ width: 260, maxWidth: '100%' }} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('allProgrammes')} value={f.programmeId} onChange={(v?: number) => set({ programmeId: v })} options={programmeOptions} data-testid="ad-placements-programme" />
        <Select style={{ width: 200, maxWidth: '100%' }} allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('allJuniorHighs')} value={f.juniorHighId} onChange={(v?: number) => set({ juniorHighId: v })} options={jhOptions} data-testid="ad-placements-junior-high" />
        <Select style={{ width: 140 }} allowClear placeholder={t('allOutcomes')} value={f.outcome} onChange={(v?: 'admitted' | 'unplaced') => set({ outcome: v })}
          options={[{ value: 'admitted', label: t('o_admitted') }, { value: 'unplaced', label: t('o_unplaced') }]} data-testid="ad-placements-outcome" />
      </Flex>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Table<RunPlacement>
        size="small"
        rowKey="examNo"
        loading={q.isFetching}
        dataSource={q.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: f.page, pageSize: f.pageSize, total: q.data?.total ?? 0, size: 'small', showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setF((o) => ({ ...o, page, pageSize })) }}
        onRow={(p) => ({ 'data-testid': 'ad-placement', 'data-exam-no': p.examNo }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('rank'), dataIndex: 'rank', align: 'right' as const },
          { title: t('examNo'), dataIndex: 'examNo' },
          { title: t('name'), dataIndex: 'studentName' },
          { title: t('juniorHigh'), dataIndex: 'juniorHighName', render: (v: string | null) => v ?? '—' },
          { title: t('score'), dataIndex: 'score', align: 'right' as const },
          { title: t('programme'), dataIndex: 'programme', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('o_unplaced')}</Typography.Text> },
          { title: t('choice'), key: 'c', render: (_: unknown, p) => (p.programmeId ? choice(p.choiceRank) : '—') },
        ]}
      />
    </div>
  );
}
