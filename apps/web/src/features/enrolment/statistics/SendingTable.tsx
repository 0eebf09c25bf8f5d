/**
 * The rows of 送培统计 (R18): per vocational school and source junior high, admitted, early
 * transfer, registered, no-shows (by reason on hover) and pending, the junior high's
 * acknowledgement and any correction with its reason. A table that scrolls within itself.
 */
import type { ReactNode } from 'react';
import { Table, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { enrolmentMessages } from '../messages';
import type { SendingCounts, SendingRow } from '../types';
import { AckTag, NoShowCell } from './Tags';

export type StatsSide = 'bureau' | 'school' | 'juniorHigh';
const figures = ['admitted', 'earlyTransfer', 'registered', 'noShow', 'pending'] as const;
export const rowKey = (r: Pick<SendingRow, 'schoolId' | 'juniorHighId'>) => `${r.schoolId}:${r.juniorHighId}`;

type Props = {
  rows: SendingRow[];
  side: StatsSide;
  loading?: boolean;
  /** Figures shown instead of the row's (a school's corrections before it submits). */
  shown?: (r: SendingRow) => (SendingCounts & { reason?: string }) | null;
  actions?: (r: SendingRow) => ReactNode;
  testId?: string;
};

export function SendingTable({ rows, side, loading, shown, actions, testId = 'st-rows' }: Props) {
  const { t } = useI18n(enrolmentMessages);
  const sums = Object.fromEntries(figures.map((f) => [f, rows.reduce((s, r) => s + (shown?.(r)?.[f] ?? r[f]), 0)])) as SendingCounts;
  const correction = (r: SendingRow) => {
    const mine = shown?.(r);
    if (mine?.reason) return <Tag color="orange">{mine.reason}</Tag>;
    if (!r.correction) return null;
    return (
      <Tooltip title={t('computedWas', { ...r.correction.computed })}>
        <Typography.Text style={{ fontSize: 12, cursor: 'help' }} data-testid="st-correction">{r.correction.reason}</Typography.Text>
      </Tooltip>
    );
  };
  const notes = (r: SendingRow) => (
    <div style={{ fontSize: 12, maxWidth: 260 }}>
      {r.ackNote && <div><Typography.Text type="secondary">{t('disputeNote')}：</Typography.Text>{r.ackNote}</div>}
      {r.answer && <div><Typography.Text type="secondary">{t('answer')}：</Typography.Text>{r.answer}</div>}
    </div>
  );
  return (
    <Table<SendingRow>
      size="small"
      rowKey={rowKey}
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, size: 'small', showTotal: (n) => t('total', { n }) } : false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      onRow={(r) => ({ 'data-testid': 'st-row', 'data-key': rowKey(r), 'data-school-id': r.schoolId, 'data-junior-high-id': r.juniorHighId, 'data-ack': r.ack ?? 'live' }) as React.HTMLAttributes<HTMLElement>}
      summary={() => rows.length > 1 ? (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={side === 'bureau' ? 2 : 1}><Typography.Text strong>{t('all')}</Typography.Text></Table.Summary.Cell>
          {figures.map((f, i) => <Table.Summary.Cell key={f} index={i + 1} align="right"><Typography.Text strong>{sums[f]}</Typography.Text></Table.Summary.Cell>)}
        </Table.Summary.Row>
      ) : null}
      columns={[
        ...(side === 'school' ? [] : [{ title: t('school'), dataIndex: 'schoolName', fixed: 'left' as const }]),
        ...(side === 'juniorHigh' ? [] : [{ title: t('juniorHigh'), dataIndex: 'juniorHighName', fixed: side === 'school' ? ('left' as const) : undefined }]),
        ...figures.map((f) => ({
          title: t(f), key: f, align: 'right' as const,
          render: (_: unknown, r: SendingRow) => {
            const v = shown?.(r)?.[f] ?? r[f];
            const changed = v !== r[f];
            const cell = f === 'noShow' && !changed ? <NoShowCell row={r} /> : v;
            return <span data-field={f} style={changed ? { color: '#d46b08', fontWeight: 600 } : undefined}>{cell}</span>;
          },
        })),
        { title: t('ack'), key: 'ack', render: (_: unknown, r: SendingRow) => <AckTag ack={r.ack} /> },
        { title: t('correction'), key: 'c', render: (_: unknown, r: SendingRow) => correction(r) ?? '—' },
        { title: t('note'), key: 'n', render: (_: unknown, r: SendingRow) => (r.ackNote || r.answer ? notes(r) : '—') },
        ...(actions ? [{ title: t('actions'), key: 'a', render: (_: unknown, r: SendingRow) => actions(r) }] : []),
      ]}
    />
  );
}
