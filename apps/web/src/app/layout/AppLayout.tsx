import { useState } from 'react';
import { Layout, Menu, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { isFamilyRole } from '@zhizhao/contracts/roles';
import { useSession } from '../../lib/session';
import { useI18n } from '../i18n';
import { HeaderBar } from './HeaderBar';
import { navItems, navMessages } from './nav';

/** The staff frame. Students and guardians never see it: every staff page sends them to their own `/me`. */
export function AppLayout() {
  const me = useSession();
  if (isFamilyRole(me.role)) return <Navigate to="/me" replace />;
  return <StaffLayout />;
}

function StaffLayout() {
  const { t } = useI18n(navMessages);
  const me = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = navItems.filter((i) => me.permissions.includes(i.permission) && (!i.kinds || i.kinds.includes(me.organization.kind)));
  // The longest entry the path lies under (`/targets/city` is not `/targets`).
  const selected = items
    .filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((i) => i.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} breakpoint="lg" theme="dark">
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, padding: '16px 0', textAlign: 'center', whiteSpace: 'nowrap' }}>
          {collapsed ? t('appName') : t('appFull')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="inline"
          data-testid="side-menu"
          selectedKeys={selected}
          items={items.map((i) => ({ key: i.path, icon: i.icon, label: <span data-testid={`nav-${i.key}`}>{t(i.key)}</span> }))}
          onClick={(e) => navigate(e.key)}
        />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content style={{ margin: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
