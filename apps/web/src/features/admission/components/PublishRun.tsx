/**
 * 发布 (R15): a dry run becomes the batch's result. The confirmation names the hash of the run's
 * inputs (score version, applications, seats, lines): what is published is exactly what was
 * computed. A run whose inputs changed since (run.current === false) cannot be published: the
 * button stays disabled and says why. Only holders of admission.publish see it.
 */
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Modal, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCan } from '../../../lib/session';
import { usePublishRun } from '../api';
import type { RunDetail } from '../types';

const m = defineMessages({
  publish: ['发布录取结果', 'Publish the results'],
  title: ['发布“{batch}”的录取结果', 'Publish the results of “{batch}”'],
  text: ['发布后本批次结果冻结，不能再修改或重新录取；考生和家长在发布日期后可查看结果及原因，录取学生将生成录取通知书。', 'Once published the batch is frozen; families see the results and the reasons from the publication date, and the admitted get their letters.'],
  inputsHash: ['录取依据校验值（成绩版本、志愿、计划数、分数线）', 'Inputs hash (scores, applications, seats, lines)'],
  resultsHash: ['结果校验值', 'Results hash'],
  counts: ['报考 {a} 人，录取 {b} 人', '{a} applicants, {b} admitted'],
  notCurrent: ['录取依据已变化（成绩版本、志愿、计划数或分数线），本次试录取不能发布：请重新试录取。', 'The inputs changed since this run (scores, applications, seats or lines): it cannot be published. Run again.'],
  published: ['已开始发布', 'Publishing started'],
});

export function PublishRun({ run }: { run: RunDetail }) {
  const { t } = useI18n(m);
  const { message } = App.useApp();
  const can = useCan();
  const publish = usePublishRun();
  const [open, setOpen] = useState(false);
  if (!can('admission.publish') || run.status !== 'ready') return null;
  const stale = run.current === false;
  return (
    <>
      {stale && <Alert type="warning" showIcon title={t('notCurrent')} style={{ marginBottom: 8 }} data-testid="ad-run-not-current" />}
      <div>
        <Button type="primary" icon={<SendOutlined />} disabled={stale} title={stale ? t('notCurrent') : undefined} onClick={() => setOpen(true)} data-testid="ad-run-publish">{t('publish')}</Button>
      </div>
      <Modal open={open} title={t('title', { batch: run.batch })} okText={t('publish')} onCancel={() => { setOpen(false); publish.reset(); }} destroyOnHidden
        okButtonProps={{ loading: publish.isPending, 'data-testid': 'ad-run-publish-confirm' }}
        onOk={() => publish.mutate(run.id, { onSuccess: () => { message.success(t('published')); setOpen(false); } })}>
        {publish.isError && <ApiErrorAlert error={publish.error} />}
        <Typography.Paragraph>{t('text')}</Typography.Paragraph>
        <Typography.Paragraph strong>{t('counts', { a: run.applicants, b: run.admitted })}</Typography.Paragraph>
        <Descriptions size="small" column={1} bordered styles={{ content: { wordBreak: 'break-all' } }} items={[
          { key: 'i', label: t('inputsHash'), children: <Typography.Text code copyable style={{ fontSize: 12 }} data-testid="ad-publish-inputs-hash">{run.inputsHash ?? '—'}</Typography.Text> },
          { key: 'r', label: t('resultsHash'), children: <Typography.Text code style={{ fontSize: 12 }}>{run.resultsHash ?? '—'}</Typography.Text> },
        ]} />
      </Modal>
    </>
  );
}
