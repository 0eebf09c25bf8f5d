/** The majors of the schools in scope: filter by school, name and category; edit where allowed. */
import { useState } from 'react';
import { Button, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrgSelect } from '../../../components/OrgSelect';
import { useCan, useSession } from '../../../lib/session';
import { publicityMessages } from '../messages';
import { feesText } from '../shared/fees';
import type { Major, MajorCategory } from '../types';
import { useMajors, type MajorFilters } from './api';

const m = defineMessages({
  ...publicityMessages,
  searchPlaceholder: ['专业名称或代码', 'Major name or code'],
  emptySchool: ['还没有招生专业。请新建，或下载模板填好后导入。', 'No major yet. Create one, or fill in the template and import it.'],
  empty: ['没有符合条件的专业', 'No major matches'],
  inactive: ['已停用', 'Inactive'],
});

export function MajorsTable({ filters, onFilters, onEdit }: { filters: MajorFilters; onFilters: (f: MajorFilters) => void; onEdit: (m: Major) => void }) {
  const { t } = useI18n(m);
  const can = useCan();
  const isSchool = useSession().organization.kind === 'vocational_school';
  const list = useMajors(filters);
  const [q, setQ] = useState(filters.q ?? '');
  const patch = (p: Partial<MajorFilters>) => onFilters({ ...filters, ...p, page: 1 });
  const filtered = !!(filters.q || filters.category || filters.organizationId);

  const columns: TableColumnsType<Major> = [
    ...(isSchool ? [] : [{ title: t('school'), dataIndex: 'schoolName', width: 180 }]),
    { title: t('campus'), dataIndex: 'campusName', width: 140 },
    { title: t('major'), dataIndex: 'name', render: (v: string, r) => <>{v} <Typography.Text type="secondary">{r.code}</Typography.Text>{!r.active && <Tag style={{ marginInlineStart: 6 }}>{t('inactive')}</Tag>}</> },
    { title: t('category'), dataIndex: 'category', width: 90, render: (c: MajorCategory) => <Tag color={c === 'art' ? 'magenta' : 'blue'}>{t(`cat_${c}`)}</Tag> },
    { title: t('lengthYears'), dataIndex: 'lengthYears', width: 70, render: (n: number) => t('years', { n }) },
    { title: t('internship'), dataIndex: 'internship', width: 180, ellipsis: true },
    { title: t('fees'), dataIndex: 'fees', render: (f: Major['fees']) => feesText(f) },
    ...(can('major.write') ? [{ title: t('actions'), width: 80, fixed: 'right' as const, render: (_: unknown, r: Major) => <Button type="link" size="small" onClick={() => onEdit(r)} data-testid="major-edit">{t('edit')}</Button> }] : []),
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {!isSchool && <OrgSelect kinds={['vocational_school']} placeholder={t('school')} value={filters.organizationId ?? null} onChange={(id) => patch({ organizationId: id ?? undefined })} />}
        <Input.Search allowClear placeholder={t('searchPlaceholder')} style={{ width: 220 }} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => patch({ q: v.trim() || undefined })} />
        <Select<MajorCategory>
          allowClear
          placeholder={t('category')}
          style={{ width: 130 }}
          value={filters.category}
          onChange={(category) => patch({ category })}
          options={[{ value: 'general', label: t('cat_general') }, { value: 'art', label: t('cat_art') }]}
        />
      </Flex>
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      <Table<Major>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items}
        scroll={{ x: 1000 }}
        data-testid="majors-table"
        locale={{ emptyText: <Empty description={filtered ? t('empty') : isSchool ? t('emptySchool') : t('empty')} /> }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => <Typography.Text type="secondary">{t('total', { n })}</Typography.Text>,
          onChange: (page, pageSize) => onFilters({ ...filters, page, pageSize }),
        }}
      />
    </>
  );
}
