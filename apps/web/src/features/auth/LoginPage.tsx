import { useState } from 'react';
import { Button, Card, Flex, Form, Input, Tabs, Typography } from 'antd';
import { IdcardOutlined, KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isFamilyRole } from '@zhizhao/contracts/roles';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useClock } from '../../lib/clock';
import type { Me } from '../../lib/types';
import { FamilyError } from '../family/FamilyError';
import { useGuardianLogin, useLogin, useMeQuery } from './api';

const m = defineMessages({
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  submit: ['登录', 'Sign in'],
  subtitle: ['区域中等职业学校招生工作平台', "A district's secondary-vocational enrollment campaign"],
  publicLink: ['简章查询 / 验证', 'Find or verify a brochure'],
  socialLink: ['社会人员报名', 'Register as a social applicant'],
  demoHint: ['演示账号：city.admin / district.admin，密码 zhizhao-demo', 'Demo accounts: city.admin / district.admin, password zhizhao-demo'],
  tabStaff: ['工作人员', 'Staff'],
  tabStudent: ['学生', 'Student'],
  tabGuardian: ['家长确认', 'Guardian'],
  examNo: ['中考报名号', 'Exam registration number'],
  studentHint: ['首次登录请使用账号条上的初始密码，登录后须设置自己的新密码。', 'First time: use the initial password on your slip, then set your own.'],
  guardianCode: ['家长确认码', 'Guardian code'],
  guardianHint: ['家长用孩子的中考报名号和账号条上的“家长确认码”登录，确认孩子的志愿。确认码不是孩子的密码。', "Guardians sign in with the child's exam number and the guardian code on the slip, to confirm the child's choice. It is not the child's password."],
});

type Tab = 'staff' | 'student' | 'guardian';

/** Only same-site paths, so a crafted link cannot send the user elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** Where a user goes after signing in: the forced password change, the family's page, or the staff's `next`. */
function landing(me: Me, next: string): string {
  if (me.user.mustChangePassword) return '/change-password';
  return isFamilyRole(me.role) ? '/me' : next;
}

export function LoginPage() {
  const { t } = useI18n(m);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMeQuery();
  const login = useLogin();
  const guardianLogin = useGuardianLogin();
  const clock = useClock();
  const next = safeNext(params.get('next'));
  const as = params.get('as');
  const [tab, setTab] = useState<Tab>(as === 'student' || as === 'guardian' ? as : 'staff');
  const pending = login.isPending || guardianLogin.isPending;

  if (me.data && !pending) return <Navigate to={landing(me.data, next)} replace />;

  const go = (res: Me) => navigate(landing(res, next), { replace: true });
  const onFinish = (v: { username: string; password: string }) => login.mutate(v, { onSuccess: go });
  const onGuardian = (v: { examNo: string; code: string }) => guardianLogin.mutate({ examNo: v.examNo.trim(), code: v.code.trim() }, { onSuccess: go });
  const switchTab = (k: string) => {
    login.reset();
    guardianLogin.reset();
    setTab(k as Tab);
  };
  const required = [{ required: true, whitespace: true, message: t('required') }];

  const staffForm = (
    <Form layout="vertical" onFinish={onFinish} requiredMark={false} disabled={pending}>
      <Form.Item name="username" label={t('username')} rules={required}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>{t('submit')}</Button>
    </Form>
  );
  const studentForm = (
    <Form name="student" layout="vertical" onFinish={onFinish} requiredMark={false} disabled={pending} data-testid="student-login">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('studentHint')}</Typography.Paragraph>
      <Form.Item name="username" label={t('examNo')} rules={required}>
        <Input prefix={<IdcardOutlined />} autoComplete="username" inputMode="text" data-testid="student-exam-no" />
      </Form.Item>
      <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="student-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="student-submit">{t('submit')}</Button>
    </Form>
  );
  const guardianForm = (
    <Form name="guardian" layout="vertical" onFinish={onGuardian} requiredMark={false} disabled={pending} data-testid="guardian-login">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('guardianHint')}</Typography.Paragraph>
      <Form.Item name="examNo" label={t('examNo')} rules={required}>
        <Input prefix={<IdcardOutlined />} autoComplete="off" data-testid="guardian-exam-no" />
      </Form.Item>
      <Form.Item name="code" label={t('guardianCode')} rules={required}>
        <Input.Password prefix={<KeyOutlined />} autoComplete="off" data-testid="guardian-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={guardianLogin.isPending} data-testid="guardian-submit">{t('submit')}</Button>
    </Form>
  );

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 380, maxWidth: '100%', marginTop: 32 }}>
        <Typography.Title level={3} style={{ marginBottom: 0, textAlign: 'center' }}>
          {t('appName')} · {t('appTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('subtitle')}
        </Typography.Paragraph>
        {login.isError && tab === 'staff' && <ApiErrorAlert error={login.error} />}
        {/* Families read the message only; the code stays behind a details toggle. */}
        {login.isError && tab !== 'staff' && <FamilyError error={login.error} testId="login-error" />}
        {guardianLogin.isError && <FamilyError error={guardianLogin.error} testId="login-error" />}
        <Tabs
          activeKey={tab}
          onChange={switchTab}
          centered
          data-testid="login-tabs"
          items={[
            { key: 'staff', label: <span data-testid="login-tab-staff">{t('tabStaff')}</span>, children: staffForm },
            { key: 'student', label: <span data-testid="login-tab-student">{t('tabStudent')}</span>, children: studentForm },
            { key: 'guardian', label: <span data-testid="login-tab-guardian">{t('tabGuardian')}</span>, children: guardianForm },
          ]}
        />
        <Flex justify="center" gap={16} wrap style={{ marginTop: 16 }}>
          <Link to="/public/brochures" data-testid="public-link">{t('publicLink')}</Link>
          <Link to="/social-register" data-testid="social-link">{t('socialLink')}</Link>
        </Flex>
        {clock.data?.demo && tab === 'staff' && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }} data-testid="demo-hint">
            {t('demoHint')}
          </Typography.Paragraph>
        )}
      </Card>
    </Flex>
  );
}
