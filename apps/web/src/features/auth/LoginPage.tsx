import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useClock } from '../../lib/clock';
import { useLogin, useMeQuery } from './api';

const m = defineMessages({
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  submit: ['登录', 'Sign in'],
  subtitle: ['区域中等职业学校招生工作平台', "A district's secondary-vocational enrollment campaign"],
  publicLink: ['简章查询 / 验证', 'Find or verify a brochure'],
  demoHint: ['演示账号：city.admin / district.admin，密码 zhizhao-demo', 'Demo accounts: city.admin / district.admin, password zhizhao-demo'],
});

/** Only same-site paths, so a crafted link cannot send the user elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n(m);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMeQuery();
  const login = useLogin();
  const clock = useClock();
  const next = safeNext(params.get('next'));

  if (me.data && !login.isPending) return <Navigate to={me.data.user.mustChangePassword ? '/change-password' : next} replace />;

  const onFinish = (v: { username: string; password: string }) =>
    login.mutate(v, { onSuccess: (res) => navigate(res.user.mustChangePassword ? '/change-password' : next, { replace: true }) });

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginBottom: 0, textAlign: 'center' }}>
          {t('appName')} · {t('appTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('subtitle')}
        </Typography.Paragraph>
        {login.isError && <ApiErrorAlert error={login.error} />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/public/brochures" data-testid="public-link">{t('publicLink')}</Link>
        </Typography.Paragraph>
        {clock.data?.demo && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }} data-testid="demo-hint">
            {t('demoHint')}
          </Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}
