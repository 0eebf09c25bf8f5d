/**
 * A background job (a school's letters as one PDF): its progress while it works (polled), then
 * the download link, or the reason it failed.
 */
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { jobDownloadUrl, useJob } from '../api';

const m = defineMessages({
  queued: ['排队中…', 'Queued…'],
  running: ['正在生成：{done}/{total}', 'Working: {done}/{total}'],
  done: ['已生成', 'Ready'],
  failed: ['生成失败', 'Failed'],
  download: ['下载', 'Download'],
});

export function JobProgress({ id, label }: { id: number; label?: string }) {
  const { t } = useI18n(m);
  const q = useJob(id);
  if (q.isError) return <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const j = q.data;
  if (!j) return <Progress percent={0} status="active" />;
  const pct = j.progress.total ? Math.round((j.progress.done / j.progress.total) * 100) : j.status === 'done' ? 100 : 0;
  return (
    <div data-testid="ad-job" data-status={j.status}>
      {label && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>}
      {j.status === 'failed' ? (
        <Alert type="error" showIcon title={t('failed')} description={j.error ?? undefined} />
      ) : (
        <Flex align="center" gap={12} wrap>
          <Progress percent={pct} status={j.status === 'done' ? 'success' : 'active'} style={{ flex: '1 1 200px', margin: 0 }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {j.status === 'queued' ? t('queued') : j.status === 'done' ? t('done') : t('running', { done: j.progress.done, total: j.progress.total })}
          </Typography.Text>
          {j.status === 'done' && (
            <a href={jobDownloadUrl(j)} download data-testid="ad-job-download"><Button type="primary" icon={<DownloadOutlined />}>{t('download')}</Button></a>
          )}
        </Flex>
      )}
    </div>
  );
}
