import type { ReactNode } from 'react';
import { Button, Empty, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../lib/format';
import { publicityMessages } from '../messages';
import { StatusTag } from '../shared/StatusTag';
import type { BrochurePage, BrochureSummary } from '../types';

const m = defineMessages({ ...publicityMessages, reviewer: ['审查机关', 'Reviewer'], versionCol: ['版本', 'Version'], open: ['打开', 'Open'] });

type Props = {
  data: BrochurePage | undefined;
  loading: boolean;
  empty: ReactNode;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  showSchool?: boolean;
};

export function BrochureTable({ data, loading, empty, page, pageSize, onPage, showSchool = true }: Props) {
  const { t } = useI18n(m);
  return (
    <Table<BrochureSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items}
      scroll={{ x: 900 }}
      data-testid="brochure-table"
      locale={{ emptyText: <Empty description={empty} /> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        hideOnSinglePage: true,
        showTotal: (n) => <Typography.Text type="secondary">{t('total', { n })}</Typography.Text>,
        onChange: onPage,
      }}
      columns={[
        ...(showSchool ? [{ title: t('school'), dataIndex: 'school', render: (v: string, b: BrochureSummary) => <Link to={`/brochures/${b.id}`} data-testid="brochure-row-link">{v}</Link> }] : []),
        { title: t('year'), dataIndex: 'year', width: 80 },
        { title: t('versionCol'), dataIndex: 'version', width: 90, render: (n: number, b) => (showSchool ? t('version', { n }) : <Link to={`/brochures/${b.id}`} data-testid="brochure-row-link">{t('version', { n })}</Link>) },
        { title: t('status'), dataIndex: 'status', width: 140, render: (s: BrochureSummary['status']) => <StatusTag status={s} /> },
        { title: t('reviewer'), dataIndex: 'reviewerKind', width: 140, render: (k: BrochureSummary['reviewerKind']) => t(`reviewer_${k}`) },
        { title: t('filingNumber'), dataIndex: 'filingNumber', width: 200, render: (v: string | null) => v ?? '—' },
        { title: t('submittedAt'), dataIndex: 'submittedAt', width: 170, render: formatDateTime },
        { title: t('updatedAt'), dataIndex: 'updatedAt', width: 170, render: formatDateTime },
        { title: t('actions'), width: 80, fixed: 'right' as const, render: (_: unknown, b: BrochureSummary) => <Link to={`/brochures/${b.id}`}><Button type="link" size="small">{t('open')}</Button></Link> },
      ]}
    />
  );
}
