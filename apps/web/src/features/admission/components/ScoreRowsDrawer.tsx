/** The rows of one score version (paginated, searchable by name or exam number): what the engine reads. */
import { useDeferredValue, useState } from 'react';
import { Drawer, Input, Table, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useScoreRows } from '../api';
import { admissionMessages } from '../messages';
import type { ScoreRow, ScoreSet } from '../types';

const m = defineMessages({ ...admissionMessages, rowsTitle: ['成绩版本 v{v}（{n} 行）', 'Score version v{v} ({n} rows)'], tiebreaks: ['同分比较科目：{s}', 'Ties broken by: {s}'] });

export function ScoreRowsDrawer({ set, onClose }: { set: ScoreSet; onClose: () => void }) {
  const { t } = useI18n(m);
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const rows = useScoreRows(set.id, { ...p, q: q || undefined });
  return (
    <Drawer open onClose={onClose} size={760} title={t('rowsTitle', { v: set.version, n: set.rows })} destroyOnHidden data-testid="ad-score-rows">
      {set.tiebreakNames.length > 0 && <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('tiebreaks', { s: set.tiebreakNames.join(' > ') })}</Typography.Paragraph>}
      <Input.Search allowClear placeholder={t('searchPh')} value={search} onChange={(e) => { setSearch(e.target.value); setP((o) => ({ ...o, page: 1 })); }} style={{ marginBottom: 12, maxWidth: 320 }} data-testid="ad-score-rows-search" />
      {rows.isError && <ApiErrorAlert error={rows.error} onRetry={() => rows.refetch()} />}
      <Table<ScoreRow>
        size="small"
        rowKey="examNo"
        loading={rows.isFetching}
        dataSource={rows.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: p.page, pageSize: p.pageSize, total: rows.data?.total ?? 0, size: 'small', showTotal: (n) => t('total', { n }), onChange: (page, pageSize) => setP({ page, pageSize }) }}
        columns={[
          { title: t('examNo'), dataIndex: 'examNo', fixed: 'left' as const },
          { title: t('name'), dataIndex: 'studentName' },
          { title: t('juniorHigh'), dataIndex: 'juniorHighName', render: (v: string | null) => v ?? '—' },
          { title: t('totalScore'), dataIndex: 'total', align: 'right' as const, render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
          ...set.subjects.map((s) => ({ title: s, key: `s-${s}`, align: 'right' as const, render: (_: unknown, r: ScoreRow) => r.subjects[s] ?? '—' })),
        ]}
      />
    </Drawer>
  );
}
