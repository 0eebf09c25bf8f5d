/**
 * Create an account (with an initial password the user must change) or edit its
 * name, role and whether it is active. Roles offered fit the organisation's kind.
 */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { roleLabels, roleOrgKinds, roles, type OrgKind, type Role } from '@zhizhao/contracts/roles';
import { checkPassword } from '@zhizhao/domain';
import { useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { OrgSelect } from '../../components/OrgSelect';
import { generatePassword, PasswordRules } from '../../components/PasswordRules';
import { applyApiError, type FormProblem } from '../../lib/forms';
import type { User } from '../../lib/types';
import { useCreateUser, useUpdateUser } from './api';
import { userMessages } from './messages';

type Values = { username: string; displayName: string; role: Role; organizationId: number; initialPassword: string; active: boolean };

const rolesFor = (kinds: readonly OrgKind[]) => roles.filter((r) => roleOrgKinds[r].some((k) => kinds.includes(k)));

export function UserFormModal({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t, l } = useI18n(userMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  // Editing keeps the organisation, so the roles are those of the user's current kind of organisation.
  const [orgKind, setOrgKind] = useState<OrgKind | null>(null);
  const username = Form.useWatch('username', form) ?? user?.username ?? '';
  const password = Form.useWatch('initialPassword', form) ?? '';
  const roleOptions = (user ? rolesFor(roleOrgKinds[user.role]) : orgKind ? rolesFor([orgKind]) : []).map((r) => ({ value: r, label: l(roleLabels[r]) }));
  const pending = create.isPending || update.isPending;
  const codes = { USERNAME_TAKEN: 'username', ROLE_NOT_FOR_ORG: 'role', PASSWORD_POLICY: 'initialPassword', USER_CANNOT_CHANGE_SELF: user ? 'active' : 'role' };

  const onFinish = (v: Values) => {
    setProblem(null);
    const onError = (e: Error) => setProblem(applyApiError(form, e, codes));
    if (user) {
      update.mutate({ id: user.id, displayName: v.displayName, role: v.role, active: v.active }, { onSuccess: () => { message.success(t('saved')); onClose(); }, onError });
    } else {
      const { active: _active, ...body } = v;
      create.mutate(body, { onSuccess: () => { message.success(t('created')); onClose(); }, onError });
    }
  };

  const req = { required: true, message: t('required') };
  return (
    <Modal open width={560} title={user ? `${t('editTitle')} · ${user.username}` : t('create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={pending} data-testid="user-form">
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={pending} initialValues={user ? { displayName: user.displayName, role: user.role, active: user.active } : { active: true }}>
        {!user && (
          <Form.Item name="organizationId" label={t('organization')} rules={[req]}>
            <OrgSelect
              allowClear={false}
              onChange={(_, org) => {
                setOrgKind(org?.kind ?? null);
                form.setFieldsValue({ role: undefined });
              }}
            />
          </Form.Item>
        )}
        {!user && (
          <Form.Item name="username" label={t('username')} extra={t('usernameRule')} rules={[req, { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: t('usernameRule') }]}>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('displayName')} rules={[req, { whitespace: true, message: t('required') }, { max: 50 }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={[req]}>
          <Select options={roleOptions} placeholder={!user && !orgKind ? t('chooseOrgFirst') : undefined} notFoundContent={t('chooseOrgFirst')} />
        </Form.Item>
        {user && (
          <Form.Item name="active" label={t('status')} valuePropName="checked">
            <Switch checkedChildren={t('active')} unCheckedChildren={t('inactive')} />
          </Form.Item>
        )}
        {!user && (
          <>
            <Form.Item label={t('initialPassword')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item
                  name="initialPassword"
                  noStyle
                  dependencies={['username']}
                  rules={[req, { validator: async (_, v: string) => { if (v && checkPassword(v, username).length) throw new Error(t('brokenRules')); } }]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
                <Button onClick={() => form.setFieldsValue({ initialPassword: generatePassword() })}>{t('generate')}</Button>
              </Space.Compact>
            </Form.Item>
            <PasswordRules password={password} username={username} />
          </>
        )}
      </Form>
    </Modal>
  );
}
