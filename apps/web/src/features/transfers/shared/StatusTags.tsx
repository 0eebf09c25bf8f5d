/** The state of a form (Annex 4) and of a combined list, in the UI's language (labels from the domain, R13, R14). */
import { Tag } from 'antd';
import { transferListStatusLabels, transferListStatuses, transferStatusLabels, transferStatuses } from '@zhizhao/domain';
import { useI18n } from '../../../app/i18n';
import { transferMessages } from '../messages';
import type { TransferListStatus, TransferStatus } from '../types';

export const transferStatusColor: Record<TransferStatus, string> = {
  awaiting_family: 'orange',
  awaiting_source: 'gold',
  awaiting_school: 'gold',
  sealed: 'cyan',
  listed: 'blue',
  filed: 'green',
  refused: 'red',
  withdrawn: 'default',
  returned: 'magenta',
};
const listColor: Record<TransferListStatus, string> = { open: 'gold', sealed: 'blue', filed: 'green', withdrawn: 'default' };

export function TransferStatusTag({ status, testId = 'et-status' }: { status: TransferStatus; testId?: string }) {
  const { l } = useI18n(transferMessages);
  return <Tag color={transferStatusColor[status]} data-testid={testId} data-status={status} style={{ whiteSpace: 'normal' }}>{l(transferStatusLabels[status])}</Tag>;
}

export function ListStatusTag({ status, testId = 'etl-status' }: { status: TransferListStatus; testId?: string }) {
  const { l } = useI18n(transferMessages);
  return <Tag color={listColor[status]} data-testid={testId} data-status={status} style={{ whiteSpace: 'normal' }}>{l(transferListStatusLabels[status])}</Tag>;
}

/** Options for a status filter, in the state machine's order. */
export function useStatusOptions() {
  const { l } = useI18n(transferMessages);
  return {
    transfer: transferStatuses.map((s) => ({ value: s, label: l(transferStatusLabels[s]) })),
    list: transferListStatuses.map((s) => ({ value: s, label: l(transferListStatusLabels[s]) })),
  };
}
