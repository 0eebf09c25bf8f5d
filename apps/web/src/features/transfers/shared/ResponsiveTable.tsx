/**
 * A small table that becomes a list of cards on a phone (each row as "label: value" lines, the
 * first column as the card's title), so a 390 px screen never scrolls sideways.
 */
import type { ReactNode } from 'react';
import { Empty, Flex, Grid, Table, Typography } from 'antd';

export type Col<T> = { key: string; title: ReactNode; render: (row: T) => ReactNode; width?: number; align?: 'left' | 'right' | 'center' };

export function ResponsiveTable<T>({ rows, cols, rowKey, testId, rowTestId, minWidth, loading }: {
  rows: readonly T[]; cols: Col<T>[]; rowKey: (row: T) => string | number; testId?: string; rowTestId?: string; minWidth?: number; loading?: boolean;
}) {
  const phone = !Grid.useBreakpoint().md;
  if (phone) {
    const [head, ...rest] = cols;
    return (
      <div data-testid={testId}>
        {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        {rows.map((r) => (
          <div key={rowKey(r)} data-testid={rowTestId} data-key={rowKey(r)} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
            {head && <Typography.Text strong style={{ display: 'block' }}>{head.render(r)}</Typography.Text>}
            <Flex gap="2px 12px" wrap style={{ fontSize: 13 }}>
              {rest.map((c) => (
                <span key={c.key} style={{ maxWidth: '100%', overflowWrap: 'anywhere' }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.title}：</Typography.Text>{c.render(r)}
                </span>
              ))}
            </Flex>
          </div>
        ))}
      </div>
    );
  }
  return (
    <Table<T>
      rowKey={(r) => rowKey(r)}
      size="small"
      loading={loading}
      dataSource={rows as T[]}
      pagination={false}
      scroll={minWidth ? { x: minWidth } : undefined}
      data-testid={testId}
      onRow={(r) => ({ 'data-testid': rowTestId, 'data-key': rowKey(r) }) as React.HTMLAttributes<HTMLElement>}
      columns={cols.map((c) => ({ key: c.key, title: c.title, width: c.width, align: c.align, render: (_: unknown, r: T) => c.render(r) }))}
    />
  );
}
