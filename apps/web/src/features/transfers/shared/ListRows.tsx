/** Combined lists (汇总名单, R14) as rows: a table on a wide screen, cards on a phone. */
import type { ReactNode } from 'react';
import { Button, Empty, Flex, Grid, Pagination, Spin, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { transferMessages } from '../messages';
import type { TransferList, TransferListPage } from '../types';
import { SealBadges } from './SealMark';
import { ListStatusTag } from './StatusTags';

type Props = {
  page: TransferListPage | undefined;
  loading: boolean;
  p: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  actions?: (l: TransferList) => ReactNode;
  testId?: string;
};

export function ListRows({ page, loading, p, onPage, actions, testId = 'etl-rows' }: Props) {
  const { t } = useI18n(transferMessages);
  const phone = !Grid.useBreakpoint().md;
  const cell = (l: TransferList) => (
    <Flex gap={6} wrap>
      <Link to={`/early-transfer-lists/${l.id}`} data-testid="etl-open"><Button size="small">{t('open')}</Button></Link>
      {actions?.(l)}
    </Flex>
  );
  const filing = (l: TransferList) => (l.filingNumber ? `${l.filingNumber}${l.filedOn ? ` · ${l.filedOn}` : ''}` : '—');

  if (phone) {
    return (
      <Spin spinning={loading}>
        <div data-testid={testId}>
          {page && page.items.length === 0 && <Empty description={t('emptyLists')} />}
          {page?.items.map((l) => (
            <div key={l.id} data-testid="etl-row" data-list-id={l.id} data-status={l.status} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Typography.Text strong style={{ display: 'block' }}>{l.juniorHighName} → {l.schoolName}</Typography.Text>
              <Flex gap={4} wrap align="center" style={{ margin: '6px 0' }}>
                <ListStatusTag status={l.status} />
                <Typography.Text style={{ fontSize: 12 }}>{t('count')}：{l.count}</Typography.Text>
                <SealBadges seals={l.seals} />
              </Flex>
              {l.filingNumber && <Typography.Text style={{ fontSize: 12, display: 'block' }}>{t('filingNumber')}：{filing(l)}</Typography.Text>}
              {l.reason && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('reason')}：{l.reason}</Typography.Text>}
              {cell(l)}
            </div>
          ))}
        </div>
        <Pagination style={{ marginTop: 8 }} size="small" simple current={p.page} pageSize={p.pageSize} total={page?.total ?? 0} hideOnSinglePage onChange={onPage} />
      </Spin>
    );
  }
  return (
    <Table<TransferList>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items}
      scroll={{ x: 1000 }}
      data-testid={testId}
      onRow={(l) => ({ 'data-testid': 'etl-row', 'data-list-id': l.id, 'data-status': l.status }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={t('emptyLists')} /> }}
      pagination={{ current: p.page, pageSize: p.pageSize, total: page?.total ?? 0, onChange: onPage, hideOnSinglePage: true }}
      columns={[
        { title: t('juniorHigh'), dataIndex: 'juniorHighName', width: 170, ellipsis: true },
        { title: t('school'), dataIndex: 'schoolName', width: 180, ellipsis: true },
        { title: t('count'), dataIndex: 'count', width: 70 },
        { title: t('status'), dataIndex: 'status', width: 170, render: (_: unknown, l: TransferList) => <ListStatusTag status={l.status} /> },
        { title: t('seal'), key: 's', width: 150, render: (_: unknown, l: TransferList) => <SealBadges seals={l.seals} /> },
        { title: t('filingNumber'), key: 'f', width: 190, render: (_: unknown, l: TransferList) => filing(l) },
        { title: t('createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
        { title: t('actions'), key: 'a', width: 170, fixed: 'right' as const, render: (_: unknown, l: TransferList) => cell(l) },
      ]}
    />
  );
}
