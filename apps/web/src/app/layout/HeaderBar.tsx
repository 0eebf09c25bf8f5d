import { Dropdown, Flex, Grid, Layout, Tag, Typography } from 'antd';
import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { orgKindLabels, roleLabels } from '@zhizhao/contracts/roles';
import { DemoClock } from '../../features/clock/DemoClock';
import { useClock } from '../../lib/clock';
import { useLogout } from '../../features/auth/api';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useCan, useSession } from '../../lib/session';
import { defineMessages, useI18n } from '../i18n';

const m = defineMessages({
  changePassword: ['修改密码', 'Change password'],
  apiDocs: ['API 文档', 'API docs'],
  logout: ['退出登录', 'Sign out'],
  demoEnv: ['演示环境', 'Demo'],
  demoEnvHint: ['演示数据，请勿录入真实个人信息', 'Demo data: never enter real personal data'],
});

export function HeaderBar() {
  const { t, l } = useI18n(m);
  const me = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const logout = useLogout();
  // A phone (under antd's `sm`, 576 px) keeps the header to what fits in 390 px: the organisation, the role, the menu.
  const phone = !Grid.useBreakpoint().sm;
  const demo = useClock().data?.demo === true;

  const items = [
    { key: 'password', icon: <KeyOutlined />, label: t('changePassword') },
    // The OpenAPI page is for those who administer the platform.
    ...(can('user.write') ? [{ key: 'docs', icon: <ApiOutlined />, label: t('apiDocs') }] : []),
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('logout'), danger: true },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') navigate('/change-password');
    else if (key === 'docs') window.open('/api/docs', '_blank', 'noopener');
    else if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <Layout.Header style={{ background: '#fff', padding: '0 16px', height: 56, lineHeight: '56px', boxShadow: '0 1px 4px rgba(0,21,41,.08)' }}>
      <Flex align="center" justify="space-between" gap={12} style={{ height: '100%' }}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis data-testid="current-org" title={me.organization.name}>
            {me.organization.name}
          </Typography.Text>
          <Tag color="blue" data-testid="current-role">{l(roleLabels[me.role])}</Tag>
          {demo && <Tag color="orange" data-testid="demo-badge" title={t('demoEnvHint')} style={{ marginInlineEnd: 0 }}>{t('demoEnv')}</Tag>}
          {!phone && <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{l(orgKindLabels[me.organization.kind])}</Typography.Text>}
        </Flex>
        <Flex align="center" gap={12} style={{ flexShrink: 0 }}>
          {!phone && <DemoClock />}
          <LanguageSwitch />
          <Dropdown menu={{ items, onClick }} trigger={['click']}>
            <a onClick={(e) => e.preventDefault()} data-testid="user-menu" style={{ whiteSpace: 'nowrap' }}>
              <UserOutlined /> {!phone && me.user.displayName} <DownOutlined style={{ fontSize: 10 }} />
            </a>
          </Dropdown>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
