/** The family's earlier early-transfer requests (R13: nothing is deleted — refused, withdrawn, returned). */
import { Card, Flex, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { TransferStatusTag } from '../../transfers/shared/StatusTags';
import type { EarlyTransfer } from '../../transfers/types';
import { familyTransferMessages } from './messages';

const m = defineMessages({ ...familyTransferMessages, past: ['以前的申请', 'Earlier requests'], reason: ['理由', 'Reason'] });

export function PastCard({ past }: { past: readonly EarlyTransfer[] }) {
  const { t } = useI18n(m);
  return (
    <Card size="small" title={t('past')} data-testid="et-past">
      <Flex vertical gap={8}>
        {[...past].sort((a, b) => b.id - a.id).map((x) => (
          <div key={x.id} data-testid="et-past-item" data-status={x.status} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 6 }}>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text>{x.schoolName} · {x.majorName}</Typography.Text>
              <TransferStatusTag status={x.status} testId="et-past-status" />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{x.requestedOn}</Typography.Text>
            {x.reason && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('reason')}：{x.reason}</Typography.Text>}
          </div>
        ))}
      </Flex>
    </Card>
  );
}
