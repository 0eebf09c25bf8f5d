/** Visits as a table: when, who visits whom, how long, the state, and conflicts or overruns flagged. */
import type { ReactNode } from 'react';
import { Button, Empty, Flex, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useI18n } from '../../../app/i18n';
import { visitMessages } from '../messages';
import type { Visit } from '../types';
import { VisitStatusTag } from './VisitStatusTag';

type Props = {
  visits: readonly Visit[] | undefined;
  loading?: boolean;
  empty: ReactNode;
  onOpen: (v: Visit) => void;
  hide?: ('school' | 'juniorHigh')[];
  /** Extra buttons per row (the queue's approve/refuse). */
  actions?: (v: Visit) => ReactNode;
  pagination?: TableProps<Visit>['pagination'];
  testId?: string;
};

/** Flags a visit that needs a second look: overlapping another at the junior high, or overrunning. */
export function VisitFlags({ v }: { v: Visit }) {
  const { t } = useI18n(visitMessages);
  return (
    <>
      {v.conflicts.length > 0 && v.status !== 'refused' && v.status !== 'cancelled' && (
        <Tooltip title={t('conflictWith', { n: v.conflicts.length })}>
          <Tag color="volcano" data-testid="visit-conflict">{t('conflict')}</Tag>
        </Tooltip>
      )}
      {v.overrun && (
        <Tooltip title={t('overrunText', { actual: v.actualMinutes ?? '?' })}>
          <Tag color="magenta" data-testid="visit-overrun">{t('overrun')}</Tag>
        </Tooltip>
      )}
    </>
  );
}

/** Rows worth a second look are tinted: a pending or approved visit that overlaps another, or an overrun. */
const flagged = (v: Visit) => v.overrun || (v.conflicts.length > 0 && ['requested', 'proposed', 'approved'].includes(v.status));

/** On a phone a table is too wide: each visit is a line to tap, with its state and the row's buttons. */
function VisitLines({ visits, loading, empty, onOpen, hide = [], actions, testId }: Props) {
  const { t } = useI18n(visitMessages);
  if (loading && !visits) return <Typography.Text type="secondary">{t('loading')}</Typography.Text>;
  if (!visits?.length) return <Empty description={empty} />;
  return (
    <Flex vertical gap={8} data-testid={testId}>
      {visits.map((v) => (
        <div key={v.id} data-visit-id={v.id} data-status={v.status} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8, background: flagged(v) ? '#fff7e6' : undefined }}>
          <Flex justify="space-between" gap={8} onClick={() => onOpen(v)} style={{ cursor: 'pointer' }}>
            <div>
              <Typography.Text strong>{v.date} {v.start}–{v.end}</Typography.Text>
              {!hide.includes('school') && <div>{v.schoolName}</div>}
              {!hide.includes('juniorHigh') && <div>→ {v.juniorHighName}</div>}
            </div>
            <Flex vertical align="end" gap={2}><VisitStatusTag status={v.status} /><VisitFlags v={v} /></Flex>
          </Flex>
          {actions && <div style={{ marginTop: 6 }}>{actions(v)}</div>}
        </div>
      ))}
    </Flex>
  );
}

export function VisitTable(props: Props) {
  const { visits, loading, empty, onOpen, hide = [], actions, pagination, testId = 'visit-table' } = props;
  const { t } = useI18n(visitMessages);
  const screens = Grid.useBreakpoint();
  if (screens.md === false) return <VisitLines {...props} testId={testId} />;
  return (
    <Table<Visit>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={visits as Visit[] | undefined}
      scroll={{ x: 960 }}
      data-testid={testId}
      locale={{ emptyText: <Empty description={empty} /> }}
      pagination={pagination ?? { pageSize: 20, hideOnSinglePage: true, showTotal: (n) => <Typography.Text type="secondary">{t('total', { n })}</Typography.Text> }}
      onRow={(v) => ({ 'data-visit-id': v.id, 'data-status': v.status, style: flagged(v) ? { background: '#fff7e6' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('slot'), key: 'slot', width: 190,
          render: (_: unknown, v) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(v)} data-testid="visit-open">
              {v.date} {v.start}–{v.end}
            </Button>
          ),
        },
        ...(hide.includes('school') ? [] : [{ title: t('school'), dataIndex: 'schoolName', ellipsis: true }]),
        ...(hide.includes('juniorHigh') ? [] : [{ title: t('juniorHigh'), dataIndex: 'juniorHighName', ellipsis: true }]),
        { title: t('time'), dataIndex: 'minutes', width: 100, render: (n: number, v: Visit) => (v.actualMinutes !== null ? `${t('minutes', { n })} / ${v.actualMinutes}` : t('minutes', { n })) },
        { title: t('staff'), key: 'staff', ellipsis: true, render: (_: unknown, v: Visit) => v.staff.map((s) => s.name).join('、') },
        {
          title: t('status'), key: 'status', width: 200,
          render: (_: unknown, v: Visit) => (
            <Flex gap={2} wrap>
              <VisitStatusTag status={v.status} />
              <VisitFlags v={v} />
              {v.checkedInAt && !v.checkedOutAt && <Tag color="blue">{t('checkedIn')}</Tag>}
            </Flex>
          ),
        },
        { title: t('serial'), key: 'serial', width: 200, render: (_: unknown, v: Visit) => v.permit?.serial ?? '—' },
        {
          title: t('actions'), key: 'actions', width: actions ? 190 : 80, fixed: 'right' as const,
          render: (_: unknown, v: Visit) => (
            <Flex gap={4} wrap>
              {actions?.(v)}
              <Button size="small" onClick={() => onOpen(v)}>{t('open')}</Button>
            </Flex>
          ),
        },
      ]}
    />
  );
}
