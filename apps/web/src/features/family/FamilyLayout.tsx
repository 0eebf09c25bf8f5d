/**
 * The family's own frame (students and guardians, phone first): who is signed in, the
 * language, sign-out; no staff menu. Staff never see it: they go back to their dashboard.
 */
import { Button, Flex, Layout, Typography } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { Navigate, Outlet, useNavigate } from 'react-router';
import { isFamilyRole } from '@zhizhao/contracts/roles';
import { defineMessages, useI18n } from '../../app/i18n';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSession } from '../../lib/session';
import { useLogout } from '../auth/api';

const m = defineMessages({
  title: ['中考志愿填报', 'My application'],
  logout: ['退出', 'Sign out'],
});

export function FamilyLayout() {
  const { t } = useI18n(m);
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  if (!isFamilyRole(me.role)) return <Navigate to="/" replace />;
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="family-layout">
      <Layout.Header style={{ background: '#fff', height: 'auto', lineHeight: 1.5, padding: '10px 12px', boxShadow: '0 1px 4px rgba(0,21,41,.08)' }}>
        <Flex align="center" justify="space-between" gap={8} style={{ maxWidth: 720, margin: '0 auto' }}>
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {t('appName')} · {t('title')}
          </Typography.Text>
          <Flex align="center" gap={8}>
            <LanguageSwitch />
            <Button
              size="small"
              icon={<LogoutOutlined />}
              data-testid="family-logout"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
            >
              {t('logout')}
            </Button>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <div style={{ maxWidth: 720, margin: '0 auto' }}>
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  );
}
