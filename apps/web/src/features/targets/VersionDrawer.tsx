/** One version as it was: its table, totals and adjustments. */
import { Descriptions, Drawer, Skeleton, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../app/i18n';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../lib/format';
import { AdjustmentsList } from './AdjustmentsList';
import { useTargetVersion } from './api';
import { targetsMessages } from './messages';
import { statusColor } from './status';
import { TargetsTable } from './TargetsTable';

const m = defineMessages({
  ...targetsMessages,
  method: ['分配方法', 'Method'],
  created: ['生成', 'Created'],
  published: ['发布', 'Published'],
  adjustments: ['调整记录', 'Adjustments'],
});

export function VersionDrawer({ campaignId, number, ratio, onClose }: { campaignId: number; number: number | null; ratio: number; onClose: () => void }) {
  const { t } = useI18n(m);
  const q = useTargetVersion(campaignId, number);
  const v = q.data;
  return (
    <Drawer open={number !== null} onClose={onClose} size={980} title={number !== null ? t('version', { n: number }) : ''} data-testid="version-drawer" destroyOnHidden>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {q.isPending && <Skeleton active />}
      {v && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }} items={[
            { key: 's', label: t('status'), children: <Tag color={statusColor[v.status]}>{t(`status_${v.status}`)}</Tag> },
            { key: 'm', label: t('method'), children: t(v.method) },
            { key: 'n', label: t('nTotal'), children: v.nTotal },
            { key: 'c', label: t('created'), children: `${formatDateTime(v.createdAt)} ${v.createdBy ?? ''}` },
            { key: 'p', label: t('published'), children: v.publishedAt ? `${formatDateTime(v.publishedAt)} ${v.publishedBy ?? ''}` : '—' },
            { key: 'o', label: t('note'), children: v.note || '—' },
          ]} />
          <TargetsTable rows={v.rows} ratio={ratio} campaignId={campaignId} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('adjustments')}</Typography.Title>
          <AdjustmentsList adjustments={v.adjustments} />
        </>
      )}
    </Drawer>
  );
}
