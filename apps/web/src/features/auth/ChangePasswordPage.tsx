import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Spin, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import type { PasswordProblem } from '@zhizhao/domain';
import { checkPassword, passwordProblemLabels } from '@zhizhao/domain';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { isApiError } from '../../lib/api';
import { applyApiError, type FormProblem } from '../../lib/forms';
import { useChangePassword, useLogout, useMeQuery } from './api';
import { PasswordRules } from '../../components/PasswordRules';

const m = defineMessages({
  title: ['修改密码', 'Change password'],
  forced: ['首次登录或密码被重置后，须先设置自己的新密码才能继续使用。', 'Before you continue, replace the initial password with your own.'],
  current: ['当前密码', 'Current password'],
  next: ['新密码', 'New password'],
  confirm: ['确认新密码', 'Confirm the new password'],
  mismatch: ['两次输入的新密码不一致', 'The two new passwords differ'],
  brokenRules: ['新密码不符合密码规则', 'The new password breaks the rules'],
  done: ['密码已修改', 'Password changed'],
  back: ['返回', 'Back'],
  logout: ['退出登录', 'Sign out'],
});

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function ChangePasswordPage() {
  const { t, l } = useI18n(m);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMeQuery();
  const change = useChangePassword();
  const logout = useLogout();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [serverProblems, setServerProblems] = useState<PasswordProblem[]>([]);

  if (me.isPending) return <Spin fullscreen />;
  if (!me.data) return <Navigate to="/login?next=/change-password" replace />;
  const username = me.data.user.username;
  const forced = me.data.user.mustChangePassword;

  const onFinish = (v: Values) => {
    setProblem(null);
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t('done'));
          navigate('/', { replace: true });
        },
        onError: (e) => {
          if (isApiError(e, 'PASSWORD_POLICY')) {
            const problems = ((e.details as { problems?: PasswordProblem[] })?.problems ?? []).filter((p) => p in passwordProblemLabels);
            setServerProblems(problems);
            form.setFields([{ name: 'newPassword', errors: problems.length ? problems.map((p) => l(passwordProblemLabels[p])) : [e.message] }]);
            return;
          }
          setProblem(applyApiError(form, e, { AUTH_WRONG_CURRENT_PASSWORD: 'currentPassword' }));
        },
      },
    );
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 420, maxWidth: '100%' }} data-testid="change-password">
        <Typography.Title level={4}>{t('title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {me.data.user.displayName} ({username})
        </Typography.Paragraph>
        {forced && <Alert type="warning" showIcon title={t('forced')} style={{ marginBottom: 16 }} />}
        {problem && <ApiErrorAlert error={problem.error} extra={problem.unmatched} />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={change.isPending}>
          <Form.Item name="currentPassword" label={t('current')} rules={[{ required: true, message: t('required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('next')}
            rules={[{ required: true, message: t('required') }, { validator: async (_, v: string) => { if (v && checkPassword(v, username).length) throw new Error(t('brokenRules')); } }]}
          >
            <Input.Password autoComplete="new-password" onChange={() => setServerProblems([])} />
          </Form.Item>
          <PasswordRules password={newPassword} username={username} serverProblems={serverProblems} />
          <Form.Item
            name="confirm"
            label={t('confirm')}
            dependencies={['newPassword']}
            rules={[{ required: true, message: t('required') }, ({ getFieldValue }) => ({ validator: async (_, v) => { if (v && v !== getFieldValue('newPassword')) throw new Error(t('mismatch')); } })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('save')}
            </Button>
            {forced ? (
              <Button onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>{t('logout')}</Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{t('back')}</Button>
            )}
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
