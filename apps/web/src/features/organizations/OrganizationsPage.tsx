import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { orgKindLabels, orgKinds, type OrgKind } from '@zhizhao/contracts/roles';
import { useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../../lib/session';
import type { Organization } from '../../lib/types';
import { downloadExport, downloadTemplate, useOrgList, useSetOrgActive, type OrgFilters } from './api';
import { ImportModal } from './ImportModal';
import { OrgDetailDrawer } from './OrgDetailDrawer';
import { OrgFormDrawer } from './OrgFormDrawer';
import { orgMessages } from './messages';

export function OrganizationsPage() {
  const { t, l } = useI18n(orgMessages);
  const { message, modal } = App.useApp();
  const can = useCan();
  const [filters, setFilters] = useState<OrgFilters>({ page: 1, pageSize: 20 });
  const list = useOrgList(filters);
  const setActive = useSetOrgActive();
  const [form, setForm] = useState<{ mode: 'create' } | { mode: 'edit'; org: Organization } | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const filtered = !!(filters.kind || filters.q || filters.active);

  const patch = (p: Partial<OrgFilters>) => setFilters((f) => ({ ...f, ...p, page: 1 }));
  const download = (fn: () => Promise<void>) => fn().catch((e: Error) => message.error(e.message));
  const toggle = (o: Organization) =>
    modal.confirm({
      title: o.active ? t('deactivate') : t('activate'),
      content: t(o.active ? 'confirmDeactivate' : 'confirmActivate', { name: o.name }),
      okButtonProps: { danger: o.active },
      onOk: () =>
        setActive
          .mutateAsync({ id: o.id, active: !o.active })
          .then(() => message.success(t(o.active ? 'deactivated' : 'activated')))
          .catch((e: Error) => message.error(e.message)),
    });

  const columns: TableColumnsType<Organization> = [
    { title: t('code'), dataIndex: 'code', width: 120 },
    { title: t('name'), dataIndex: 'name', render: (v: string, o) => <a onClick={() => setDetailId(o.id)}>{v}</a> },
    { title: t('kind'), dataIndex: 'kind', width: 110, render: (k: OrgKind) => l(orgKindLabels[k]) },
    {
      title: `${t('runBy')} / ${t('ownership')}`,
      width: 130,
      render: (_, o) =>
        o.kind === 'vocational_school' ? (
          <>
            {o.runBy && <Tag color={o.runBy === 'district' ? 'geekblue' : 'purple'}>{t(`run_${o.runBy}`)}</Tag>}
            {o.ownership && <Tag>{t(`own_${o.ownership}`)}</Tag>}
          </>
        ) : (
          '—'
        ),
    },
    { title: t('contactName'), dataIndex: 'contactName', width: 100, render: (v: string, o) => (v ? <span title={o.contactPhone}>{v}</span> : '—') },
    { title: t('status'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>) },
    {
      title: t('actions'),
      width: 150,
      fixed: 'right',
      render: (_, o) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setDetailId(o.id)}>{t('view')}</Button>
          {/* A district reads a city-run school standing in it but never changes it (the server says which it runs). */}
          {can('org.write') && o.manageable !== false && <Button type="link" size="small" onClick={() => setForm({ mode: 'edit', org: o })}>{t('edit')}</Button>}
          {can('org.write') && o.manageable !== false && (
            <Button type="link" size="small" danger={o.active} onClick={() => toggle(o)}>
              {o.active ? t('deactivate') : t('activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="organizations">
      <PageHeader
        title={t('title')}
        extra={
          <>
            {can('org.import') && <Button icon={<FileExcelOutlined />} onClick={() => download(downloadTemplate)}>{t('template')}</Button>}
            {can('org.import') && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>{t('import')}</Button>}
            {can('org.import') && <Button icon={<DownloadOutlined />} onClick={() => download(() => downloadExport({ kind: filters.kind, q: filters.q, active: filters.active }))}>{t('export')}</Button>}
            {can('org.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })}>{t('create')}</Button>}
          </>
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<OrgKind>
            allowClear
            placeholder={t('kind')}
            style={{ width: 150 }}
            value={filters.kind}
            onChange={(kind) => patch({ kind })}
            options={orgKinds.map((k) => ({ value: k, label: l(orgKindLabels[k]) }))}
          />
          <Input.Search allowClear placeholder={t('searchPlaceholder')} style={{ width: 240 }} onSearch={(q) => patch({ q: q.trim() || undefined })} />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('status')}
            style={{ width: 120 }}
            value={filters.active}
            onChange={(active) => patch({ active })}
            options={[{ value: 'true', label: t('active') }, { value: 'false', label: t('inactive') }]}
          />
        </Flex>
        {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
        <Table<Organization>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={filtered ? t('emptyFiltered') : t('empty')} /> }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => <Typography.Text type="secondary">{t('total', { n })}</Typography.Text>,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
        />
      </Card>
      {form && <OrgFormDrawer mode={form.mode} org={form.mode === 'edit' ? form.org : undefined} onClose={() => setForm(null)} />}
      <OrgDetailDrawer id={detailId} onClose={() => setDetailId(null)} />
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </div>
  );
}
