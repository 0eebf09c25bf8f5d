import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMeQuery } from '../features/auth/api';
import { isApiError } from '../lib/api';
import { SessionContext } from '../lib/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { defineMessages, useI18n } from './i18n';

const m = defineMessages({});

/** Everything behind sign-in: no session → login; an initial password → change it first (students too). */
export function RequireAuth() {
  const { t } = useI18n(m);
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) {
    if (isApiError(me.error, 'AUTH_PASSWORD_CHANGE_REQUIRED')) return <Navigate to="/change-password" replace />;
    return <Result status="warning" extra={<Button onClick={() => me.refetch()}>{t('retry')}</Button>}><ApiErrorAlert error={me.error} /></Result>;
  }
  if (!me.data) {
    const next = location.pathname + location.search;
    // The family's page opens the student tab of the login (students and guardians never use the staff one).
    const as = location.pathname === '/me' || location.pathname.startsWith('/me/') ? '&as=student' : '';
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}${as}`} replace />;
  }
  if (me.data.user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
