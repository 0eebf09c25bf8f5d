import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { checkPassword } from '@zhizhao/domain';
import { useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { generatePassword, PasswordRules } from '../../components/PasswordRules';
import { applyApiError, type FormProblem } from '../../lib/forms';
import type { User } from '../../lib/types';
import { useResetPassword } from './api';
import { userMessages } from './messages';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n(userMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ initialPassword: string }>();
  const password = Form.useWatch('initialPassword', form) ?? '';
  const reset = useResetPassword();
  const [problem, setProblem] = useState<FormProblem | null>(null);

  const onFinish = ({ initialPassword }: { initialPassword: string }) => {
    setProblem(null);
    reset.mutate(
      { id: user.id, initialPassword },
      { onSuccess: () => { message.success(t('resetDone')); onClose(); }, onError: (e) => setProblem(applyApiError(form, e, { PASSWORD_POLICY: 'initialPassword' })) },
    );
  };

  return (
    <Modal open title={`${t('resetPassword')} · ${user.displayName}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={reset.isPending}>
      <Typography.Paragraph type="secondary">{user.username} · {user.organizationName}</Typography.Paragraph>
      {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('initialPassword')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="initialPassword"
              noStyle
              rules={[{ required: true, message: t('required') }, { validator: async (_, v: string) => { if (v && checkPassword(v, user.username).length) throw new Error(t('brokenRules')); } }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ initialPassword: generatePassword() })}>{t('generate')}</Button>
          </Space.Compact>
        </Form.Item>
        <PasswordRules password={password} username={user.username} />
      </Form>
    </Modal>
  );
}
