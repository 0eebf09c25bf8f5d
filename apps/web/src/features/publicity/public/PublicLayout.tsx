/**
 * The pages anyone may open without signing in (a parent on a phone): no side menu, no
 * session check, no personal data — filed brochures, the verification of a code and the
 * published admission lines (录取分数线).
 */
import { Flex, Layout, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet } from 'react-router';
import { defineMessages, useI18n } from '../../../app/i18n';
import { LanguageSwitch } from '../../../components/LanguageSwitch';

const m = defineMessages({
  title: ['招生简章查询', 'Enrollment brochures'],
  list: ['简章查询', 'Brochures'],
  verify: ['真伪验证', 'Verify'],
  cutoffs: ['录取分数线', 'Cutoffs'],
  footer: ['本页信息来自市、区教育局审查备案的招生简章。', 'Everything here comes from brochures reviewed and filed by the education bureaus.'],
  signIn: ['工作人员登录', 'Staff sign-in'],
});

export function PublicLayout() {
  const { t } = useI18n(m);
  const link = ({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 600 : 400, whiteSpace: 'nowrap' as const });
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-layout">
      <Layout.Header style={{ background: '#fff', height: 'auto', lineHeight: 1.5, padding: '10px 12px', boxShadow: '0 1px 4px rgba(0,21,41,.08)' }}>
        <Flex align="center" justify="space-between" gap={8} wrap style={{ maxWidth: 960, margin: '0 auto' }}>
          <Link to="/public/brochures" style={{ color: 'inherit' }}>
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              <SafetyCertificateOutlined style={{ color: '#389e0d' }} /> {t('appName')} · {t('title')}
            </Typography.Text>
          </Link>
          <Flex align="center" gap={12}>
            <NavLink to="/public/brochures" end style={link}>{t('list')}</NavLink>
            <NavLink to="/verify" style={link}>{t('verify')}</NavLink>
            <NavLink to="/admission/cutoffs" style={link}>{t('cutoffs')}</NavLink>
            <LanguageSwitch />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <div style={{ maxWidth: 960, margin: '0 auto' }}>
          <Outlet />
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', padding: '12px', fontSize: 12 }}>
        <Typography.Text type="secondary">{t('footer')}</Typography.Text> <Link to="/login">{t('signIn')}</Link>
      </Layout.Footer>
    </Layout>
  );
}
