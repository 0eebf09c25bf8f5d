/** The adjustments of one version (R2: each with its reason and author). */
import { Table, Tag } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { formatDateTime } from '../../lib/format';
import { targetsMessages } from './messages';
import type { Adjustment } from './types';

const m = defineMessages({
  ...targetsMessages,
  mode: ['方式', 'How'],
  targetChange: ['送培目标', 'Target'],
  totalChange: ['送培总目标', 'Total'],
  none: ['本版本没有调整。', 'No adjustment in this version.'],
});

export function AdjustmentsList({ adjustments }: { adjustments: Adjustment[] }) {
  const { t } = useI18n(m);
  return (
    <Table<Adjustment>
      size="small"
      data-testid="adjustments"
      rowKey={(a) => `${a.at}|${a.organizationId}`}
      dataSource={adjustments}
      pagination={adjustments.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('none') }}
      columns={[
        { title: t('at'), dataIndex: 'at', width: 170, render: formatDateTime },
        { title: t('school'), dataIndex: 'name', width: 170, ellipsis: true },
        { title: t('mode'), dataIndex: 'mode', width: 150, render: (v: Adjustment['mode']) => <Tag color={v === 'rebalance' ? 'blue' : 'purple'}>{t(v)}</Tag> },
        { title: t('targetChange'), key: 'target', width: 110, render: (_, a) => `${a.oldTarget} → ${a.newTarget}` },
        { title: t('totalChange'), key: 'total', width: 120, render: (_, a) => (a.oldTotal === a.newTotal ? a.newTotal : `${a.oldTotal} → ${a.newTotal}`) },
        { title: t('reason'), dataIndex: 'reason' },
        { title: t('by'), dataIndex: 'by', width: 110, render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
