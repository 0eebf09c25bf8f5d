/**
 * 待盖章: the forms whose seal is this school's now (R13) — the junior high seals first
 * (`awaiting_source`), then the enrolling school (`awaiting_school`). Seal after a look at
 * the content, or refuse with a reason.
 */
import { useState } from 'react';
import { Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useTransfers } from '../api';
import { transferMessages } from '../messages';
import { TransferActions } from '../shared/TransferActions';
import { TransferRows } from '../shared/TransferRows';

const m = defineMessages({
  ...transferMessages,
  hint_source: ['学生和家长均已确认的申请，由本校（生源学校）先盖章，再交中职学校盖章。', 'Requests both the student and the guardian confirmed: your school seals first, then the vocational school.'],
  hint_school: ['生源初中已盖章的申请，由本校盖章表示同意接收；也可说明理由不同意。', 'Requests the junior high has sealed: your seal accepts the student; or refuse with a reason.'],
});

export function PendingTab({ campaignId, party }: { campaignId: number; party: 'source' | 'school' }) {
  const { t } = useI18n(m);
  const [p, setP] = useState({ page: 1, pageSize: 20 });
  const q = useTransfers({ campaignId, status: party === 'source' ? 'awaiting_source' : 'awaiting_school', ...p });
  return (
    <div data-testid="et-pending">
      <Typography.Paragraph type="secondary">{t(`hint_${party}`)}</Typography.Paragraph>
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <TransferRows
        page={q.data}
        loading={q.isFetching}
        p={p}
        onPage={(page, pageSize) => setP({ page, pageSize })}
        hide={{ juniorHigh: party === 'source', school: party === 'school' }}
        actions={(x) => <TransferActions transfer={x} actions={['seal', 'refuse']} size="small" />}
        testId="et-pending-rows"
      />
    </div>
  );
}
