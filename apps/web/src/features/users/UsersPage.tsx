import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { roleLabels, roles, type Role } from '@zhizhao/contracts/roles';
import { useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { OrgSelect } from '../../components/OrgSelect';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, isFuture } from '../../lib/format';
import { useCan } from '../../lib/session';
import type { User } from '../../lib/types';
import { useUnlockUser, useUserList, type UserFilters } from './api';
import { userMessages } from './messages';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

export function UsersPage() {
  const { t, l } = useI18n(userMessages);
  const { message } = App.useApp();
  const can = useCan();
  const [filters, setFilters] = useState<UserFilters>({ page: 1, pageSize: 20 });
  const list = useUserList(filters);
  const unlock = useUnlockUser();
  const [form, setForm] = useState<{ user?: User } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const patch = (p: Partial<UserFilters>) => setFilters((f) => ({ ...f, ...p, page: 1 }));
  const filtered = !!(filters.organizationId || filters.role || filters.q);

  const columns: TableColumnsType<User> = [
    { title: t('username'), dataIndex: 'username', width: 150 },
    { title: t('displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('role'), dataIndex: 'role', width: 150, render: (r: Role) => l(roleLabels[r]) },
    { title: t('organization'), dataIndex: 'organizationName', ellipsis: true },
    {
      title: t('status'),
      width: 180,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>}
          {isFuture(u.lockedUntil) && (
            <Tooltip title={t('lockedUntil', { t: formatDateTime(u.lockedUntil) })}>
              <Tag color="red">{t('locked')}</Tag>
            </Tooltip>
          )}
          {u.mustChangePassword && <Tag color="orange">{t('mustChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('lastLogin'), dataIndex: 'lastLoginAt', width: 160, render: formatDateTime },
    ...(can('user.write')
      ? [
          {
            title: t('actions'),
            width: 190,
            fixed: 'right' as const,
            render: (_: unknown, u: User) => (
              u.manageable === false ? null : <Space size={0}>
                <Button type="link" size="small" onClick={() => setForm({ user: u })}>{t('edit')}</Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>{t('resetPassword')}</Button>
                {isFuture(u.lockedUntil) && (
                  <Button
                    type="link"
                    size="small"
                    loading={unlock.isPending && unlock.variables === u.id}
                    onClick={() => unlock.mutate(u.id, { onSuccess: () => message.success(t('unlocked')), onError: (e) => message.error(e.message) })}
                  >
                    {t('unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="users">
      <PageHeader title={t('title')} extra={can('user.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>{t('create')}</Button>} />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <OrgSelect placeholder={t('organization')} value={filters.organizationId} onChange={(id) => patch({ organizationId: id ?? undefined })} style={{ width: 260 }} />
          <Select<Role>
            allowClear
            placeholder={t('role')}
            style={{ width: 180 }}
            value={filters.role}
            onChange={(role) => patch({ role })}
            options={roles.map((r) => ({ value: r, label: l(roleLabels[r]) }))}
          />
          <Input.Search allowClear placeholder={t('searchPlaceholder')} style={{ width: 220 }} onSearch={(q) => patch({ q: q.trim() || undefined })} />
        </Flex>
        {list.isError && <ApiErrorAlert error={list.error} onRetry={() => list.refetch()} />}
        <Table<User>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items}
          scroll={{ x: 1000 }}
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
      {form && <UserFormModal user={form.user} onClose={() => setForm(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </div>
  );
}
