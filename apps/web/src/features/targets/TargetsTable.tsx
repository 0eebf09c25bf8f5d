/**
 * The junior highs of one version (Annex 2): graduates, sending target, share of
 * graduates against the ratio (R12) and the note, with a total row. Where the role may
 * write and the version is the draft, a row opens the inline adjustment beneath it.
 */
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { requiredForRatio } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { AdjustPanel } from './AdjustPanel';
import { num, pct, ratioLabel } from './format';
import { targetsMessages } from './messages';
import type { TargetRow } from './types';

const m = defineMessages({
  ...targetsMessages,
  adjust: ['调整', 'Adjust'],
  bounds: ['最低 / 最高', 'Min / max'],
  empty: ['还没有送培目标。', 'No sending targets yet.'],
});

type Props = {
  rows: TargetRow[];
  ratio: number;
  campaignId: number;
  /** The draft's rows and a role with targets.write: rows can be adjusted inline. */
  adjustable?: boolean;
  adjusting?: number | null;
  onAdjust?: (organizationId: number | null) => void;
  emptyText?: string;
  loading?: boolean;
};

const rowAttrs = (r: TargetRow) => ({ 'data-testid': `target-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>;

export function TargetsTable({ rows, ratio, campaignId, adjustable = false, adjusting = null, onAdjust, emptyText, loading }: Props) {
  const { t } = useI18n(m);
  const r = ratioLabel(ratio);
  const hasBounds = rows.some((x) => x.min !== null || x.max !== null);
  const columns: TableColumnsType<TargetRow> = [
    {
      title: t('school'),
      dataIndex: 'name',
      render: (name: string, x) => (
        <>
          <span>{name}</span> <Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.code}</Typography.Text>
        </>
      ),
    },
    { title: t('graduates'), dataIndex: 'graduates', width: 120, align: 'right', render: num },
    { title: t('target'), dataIndex: 'target', width: 110, align: 'right', render: (v: number) => <strong data-testid="row-target">{num(v)}</strong> },
    {
      title: t('share'),
      dataIndex: 'share',
      width: 170,
      render: (s: number | null, x) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <span style={{ display: 'inline-block', minWidth: 48, fontVariantNumeric: 'tabular-nums', color: x.belowRatio ? '#cf1322' : undefined }}>{pct(s)}</span>
          {x.belowRatio && (
            <Tooltip title={t('requiredFor', { ratio: r, n: requiredForRatio(x.graduates, ratio) })}>
              <Tag color="red" icon={<WarningOutlined />} data-testid="below-ratio" style={{ marginInlineStart: 6 }}>{t('belowRatio', { ratio: r })}</Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    ...(hasBounds
      ? [{ title: t('bounds'), key: 'bounds', width: 110, render: (_: unknown, x: TargetRow) => (x.min === null && x.max === null ? '—' : `${x.min ?? '—'} / ${x.max ?? '—'}`) }]
      : []),
    { title: t('note'), dataIndex: 'note', ellipsis: true, render: (v: string) => v || '' },
    ...(adjustable
      ? [{
          title: t('actions'),
          key: 'actions',
          width: 80,
          render: (_: unknown, x: TargetRow) => (
            <Button type="link" size="small" data-testid={`adjust-${x.code}`} onClick={() => onAdjust?.(adjusting === x.organizationId ? null : x.organizationId)}>
              {t('adjust')}
            </Button>
          ),
        }]
      : []),
  ];

  const graduates = rows.reduce((a, x) => a + x.graduates, 0);
  const targets = rows.reduce((a, x) => a + x.target, 0);
  return (
    <Table<TargetRow>
      size="small"
      rowKey="organizationId"
      data-testid="targets-table"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      sticky
      onRow={rowAttrs}
      locale={{ emptyText: emptyText ?? t('empty') }}
      expandable={
        adjustable
          ? {
              showExpandColumn: false,
              expandedRowKeys: adjusting === null ? [] : [adjusting],
              expandedRowRender: (x) => <AdjustPanel key={x.organizationId} campaignId={campaignId} row={x} onClose={() => onAdjust?.(null)} />,
            }
          : undefined
      }
      summary={() =>
        rows.length > 0 && (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row data-testid="targets-total-row" style={{ background: '#fafafa', fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t('sum')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{num(graduates)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{num(targets)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={columns.length - 3}>{graduates ? pct(targets / graduates) : '—'}</Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
