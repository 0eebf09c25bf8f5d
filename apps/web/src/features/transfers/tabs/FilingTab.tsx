/**
 * 备案 for the district bureau (R13, R14): the combined lists both schools have sealed, to file
 * (each gets the campaign's next filing number and hands its students over), and the lists
 * already filed.
 */
import { useState } from 'react';
import { Card, Flex, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCan } from '../../../lib/session';
import { useTransferLists } from '../api';
import { transferMessages } from '../messages';
import { ListActions } from '../shared/ListActions';
import { ListRows } from '../shared/ListRows';

const m = defineMessages({
  ...transferMessages,
  queue: ['待备案（双方已盖章）', 'To file (sealed by both schools)'],
  queueHint: ['核对名单和双方印章后备案。备案号按招生活动设置的格式自动生成。', 'Check the list and both seals, then file it. The number follows the campaign’s pattern.'],
  filed: ['已备案', 'Filed'],
});

export function FilingTab({ campaignId }: { campaignId: number }) {
  const { t } = useI18n(m);
  const can = useCan();
  const [p1, setP1] = useState({ page: 1, pageSize: 20 });
  const [p2, setP2] = useState({ page: 1, pageSize: 20 });
  const queue = useTransferLists({ campaignId, status: 'sealed', ...p1 });
  const filed = useTransferLists({ campaignId, status: 'filed', ...p2 });
  return (
    <Flex vertical gap={12} data-testid="et-filing">
      <Card size="small" title={t('queue')} data-testid="etl-queue">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('queueHint')}</Typography.Paragraph>
        {queue.isError && <ApiErrorAlert error={queue.error} onRetry={() => queue.refetch()} />}
        <ListRows page={queue.data} loading={queue.isFetching} p={p1} onPage={(page, pageSize) => setP1({ page, pageSize })} testId="etl-queue-rows"
          actions={can('transfer.file') ? (l) => <ListActions list={l} actions={['file']} size="small" /> : undefined} />
      </Card>
      <Card size="small" title={t('filed')}>
        {filed.isError && <ApiErrorAlert error={filed.error} onRetry={() => filed.refetch()} />}
        <ListRows page={filed.data} loading={filed.isFetching} p={p2} onPage={(page, pageSize) => setP2({ page, pageSize })} testId="etl-filed-rows" />
      </Card>
    </Flex>
  );
}
