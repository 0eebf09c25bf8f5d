/** R1: every change of a district's two targets, with author, time and reason. */
import { Table } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { formatDateTime } from '../../lib/format';
import { targetsMessages } from './messages';
import type { DistrictTargets } from './types';

const m = defineMessages({ ...targetsMessages, none: ['还没有变更记录。', 'No change recorded yet.'] });

type Change = DistrictTargets['history'][number];

export function DistrictTargetHistory({ history, loading }: { history: Change[]; loading?: boolean }) {
  const { t } = useI18n(m);
  return (
    <Table<Change>
      size="small"
      data-testid="district-target-history"
      rowKey={(c) => `${c.changedAt}|${c.nDistrict}|${c.nTotal}`}
      loading={loading}
      dataSource={history}
      pagination={history.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: t('none') }}
      columns={[
        { title: t('at'), dataIndex: 'changedAt', width: 170, render: formatDateTime },
        { title: t('nDistrict'), dataIndex: 'nDistrict', width: 140, align: 'right' },
        { title: t('nTotal'), dataIndex: 'nTotal', width: 110, align: 'right' },
        { title: t('reason'), dataIndex: 'reason' },
        { title: t('by'), dataIndex: 'changedBy', width: 120, render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}
