import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { Permission } from '@zhizhao/contracts/roles';
import { useCan } from '../lib/session';
import { defineMessages, useI18n } from '../app/i18n';

const m = defineMessages({});

export function Forbidden() {
  const { t } = useI18n(m);
  return <Result status="403" title={t('forbiddenTitle')} subTitle={t('forbiddenText')} extra={<Link to="/"><Button type="primary">{t('backHome')}</Button></Link>} />;
}

export function NotFound() {
  const { t } = useI18n(m);
  return <Result status="404" title={t('notFoundTitle')} extra={<Link to="/"><Button type="primary">{t('backHome')}</Button></Link>} />;
}

/** Renders the page only for roles holding the permission (the server checks again). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? <>{children}</> : <Forbidden />;
}
