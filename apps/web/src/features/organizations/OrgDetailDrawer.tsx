import { Descriptions, Drawer, Skeleton, Tag } from 'antd';
import { orgKindLabels } from '@zhizhao/contracts/roles';
import { useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../lib/format';
import { useOrgDetail } from './api';
import { CampusSection } from './CampusSection';
import { QualificationSection } from './QualificationSection';
import { orgMessages } from './messages';

export function OrgDetailDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, l } = useI18n(orgMessages);
  const q = useOrgDetail(id);
  const o = q.data;
  return (
    <Drawer open={id !== null} size={640} title={o?.name ?? ''} onClose={onClose} destroyOnHidden>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && id !== null && <Skeleton active />}
      {o && (
        <div data-testid="org-detail">
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'code', label: t('code'), children: o.code },
              { key: 'kind', label: t('kind'), children: l(orgKindLabels[o.kind]) },
              { key: 'parent', label: t('parent'), children: o.parentName ?? '—', span: 2 },
              ...(o.kind === 'vocational_school'
                ? [
                    { key: 'runBy', label: t('runBy'), children: o.runBy ? t(o.runBy === 'district' ? 'run_district' : 'run_city') : '—' },
                    { key: 'own', label: t('ownership'), children: o.ownership ? t(o.ownership === 'public' ? 'own_public' : 'own_private') : '—' },
                  ]
                : []),
              { key: 'address', label: t('address'), children: o.address || '—', span: 2 },
              { key: 'contact', label: t('contactName'), children: o.contactName || '—' },
              { key: 'phone', label: t('contactPhone'), children: o.contactPhone || '—' },
              { key: 'status', label: t('status'), children: o.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag> },
              { key: 'updated', label: t('updatedAt'), children: formatDateTime(o.updatedAt) },
            ]}
          />
          {o.kind === 'vocational_school' && (
            <>
              <QualificationSection org={o} />
              <CampusSection org={o} />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
