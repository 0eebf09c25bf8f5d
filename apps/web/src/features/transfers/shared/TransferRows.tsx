/**
 * Forms (Annex 4) as rows: a table on a wide screen, a list of cards on a phone (no page-wide
 * horizontal scroll at 390 px). The caller says which columns its party needs and what each
 * row offers.
 */
import type { ReactNode } from 'react';
import { Button, Empty, Flex, Grid, Pagination, Spin, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { transferMessages } from '../messages';
import type { EarlyTransfer, EarlyTransferPage } from '../types';
import { SealBadges } from './SealMark';
import { TransferStatusTag } from './StatusTags';

type Props = {
  page: EarlyTransferPage | undefined;
  loading: boolean;
  p: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
  hide?: { juniorHigh?: boolean; school?: boolean };
  actions?: (x: EarlyTransfer) => ReactNode;
  extra?: (x: EarlyTransfer) => ReactNode;
  testId?: string;
};

export function TransferRows({ page, loading, p, onPage, hide = {}, actions, extra, testId = 'et-rows' }: Props) {
  const { t } = useI18n(transferMessages);
  const phone = !Grid.useBreakpoint().md;
  const open = (x: EarlyTransfer) => <Link to={`/early-transfers/${x.id}`} data-testid="et-open"><Button size="small">{t('open')}</Button></Link>;
  const cell = (x: EarlyTransfer) => <Flex gap={6} wrap>{open(x)}{actions?.(x)}</Flex>;

  if (phone) {
    return (
      <Spin spinning={loading}>
        <div data-testid={testId}>
          {page && page.items.length === 0 && <Empty description={t('empty')} />}
          {page?.items.map((x) => (
            <div key={x.id} data-testid="et-row" data-transfer-id={x.id} data-status={x.status} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{x.studentName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{x.examNo} · {x.className}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', wordBreak: 'break-all' }}>
                {[hide.juniorHigh ? null : x.juniorHighName, hide.school ? null : x.schoolName, `${x.majorName}（${x.campusName}）`].filter(Boolean).join(' → ')}
              </Typography.Text>
              <Flex gap={4} wrap align="center" style={{ margin: '6px 0' }}>
                <TransferStatusTag status={x.status} />
                <SealBadges seals={x.seals} />
                {x.filingNumber && <Typography.Text style={{ fontSize: 12 }}>{x.filingNumber}</Typography.Text>}
              </Flex>
              {x.reason && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('reason')}：{x.reason}</Typography.Text>}
              {extra?.(x)}
              {cell(x)}
            </div>
          ))}
        </div>
        <Pagination style={{ marginTop: 8 }} size="small" simple current={p.page} pageSize={p.pageSize} total={page?.total ?? 0} hideOnSinglePage onChange={onPage} />
      </Spin>
    );
  }
  return (
    <Table<EarlyTransfer>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={page?.items}
      scroll={{ x: 1100 }}
      data-testid={testId}
      onRow={(x) => ({ 'data-testid': 'et-row', 'data-transfer-id': x.id, 'data-status': x.status }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={t('empty')} /> }}
      pagination={{ current: p.page, pageSize: p.pageSize, total: page?.total ?? 0, showTotal: (n) => t('total', { n }), onChange: onPage, hideOnSinglePage: true }}
      columns={[
        { title: t('name'), dataIndex: 'studentName', width: 100, fixed: 'left' as const },
        { title: t('examNo'), dataIndex: 'examNo', width: 120 },
        { title: t('className'), dataIndex: 'className', width: 90 },
        ...(hide.juniorHigh ? [] : [{ title: t('juniorHigh'), dataIndex: 'juniorHighName', width: 160, ellipsis: true }]),
        ...(hide.school ? [] : [{ title: t('school'), dataIndex: 'schoolName', width: 170, ellipsis: true }]),
        { title: t('major'), key: 'major', width: 180, render: (_: unknown, x: EarlyTransfer) => `${x.majorName}（${x.campusName}）` },
        { title: t('requestedOn'), dataIndex: 'requestedOn', width: 110 },
        { title: t('status'), dataIndex: 'status', width: 150, render: (_: unknown, x: EarlyTransfer) => <><TransferStatusTag status={x.status} />{extra?.(x)}</> },
        { title: t('seal'), key: 'seals', width: 150, render: (_: unknown, x: EarlyTransfer) => <SealBadges seals={x.seals} /> },
        { title: t('filingNumber'), key: 'filing', width: 170, render: (_: unknown, x: EarlyTransfer) => (x.filingNumber ? `${x.filingNumber}${x.filedOn ? ` · ${x.filedOn}` : ''}` : '—') },
        { title: t('actions'), key: 'a', width: 210, fixed: 'right' as const, render: (_: unknown, x: EarlyTransfer) => cell(x) },
      ]}
    />
  );
}
