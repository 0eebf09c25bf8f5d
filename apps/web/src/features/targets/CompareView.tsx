/** Two versions side by side, per school: from, to and the difference. */
import { useState } from 'react';
import { Flex, Switch, Table, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useCompare } from './api';
import { num } from './format';
import { targetsMessages } from './messages';
import type { CompareResult } from './types';

const m = defineMessages({
  ...targetsMessages,
  delta: ['变化', 'Change'],
  onlyChanged: ['只看有变化的学校', 'Only schools that changed'],
  summary: ['{n} 所学校变化；合计 {from} → {to}', '{n} schools changed; total {from} → {to}'],
});

type Row = CompareResult['rows'][number];

export function CompareView({ campaignId, from, to }: { campaignId: number; from: number; to: number }) {
  const { t } = useI18n(m);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const q = useCompare(campaignId, { from, to });
  if (q.isError) return <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const rows = q.data?.rows ?? [];
  const changed = rows.filter((r) => r.delta !== 0);
  const sum = (k: 'from' | 'to') => rows.reduce((a, r) => a + (r[k] ?? 0), 0);
  return (
    <div data-testid="compare-view">
      <Flex justify="space-between" align="center" style={{ margin: '8px 0' }}>
        <Typography.Text strong data-testid="compare-summary">{q.data ? t('summary', { n: changed.length, from: num(sum('from')), to: num(sum('to')) }) : t('loading')}</Typography.Text>
        <span><Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} /> <Typography.Text type="secondary">{t('onlyChanged')}</Typography.Text></span>
      </Flex>
      <Table<Row>
        size="small"
        rowKey="organizationId"
        loading={q.isPending}
        dataSource={onlyChanged ? changed : rows}
        pagination={false}
        scroll={{ y: 360 }}
        onRow={(r) => ({ 'data-testid': `compare-row-${r.organizationId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('school'), dataIndex: 'name', ellipsis: true },
          { title: t('version', { n: from }), dataIndex: 'from', width: 120, align: 'right', render: num },
          { title: t('version', { n: to }), dataIndex: 'to', width: 120, align: 'right', render: num },
          { title: t('delta'), dataIndex: 'delta', width: 110, align: 'right', render: (d: number) => (d === 0 ? '0' : <Tag color={d > 0 ? 'green' : 'volcano'} style={{ marginInlineEnd: 0 }}>{d > 0 ? `+${d}` : d}</Tag>) },
        ]}
      />
    </div>
  );
}
