/** Statuses of the admission round as tags, and a placement's choice in words (R15, R5). */
import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import { admissionMessages } from '../messages';
import type { AdmissionStatus, ChoiceRank, ReturnStatus, RunStatus } from '../types';

const runColor: Record<RunStatus, string> = { queued: 'default', running: 'processing', ready: 'blue', publishing: 'processing', published: 'green', failed: 'red', discarded: 'default' };
const returnColor: Record<ReturnStatus, string> = { requested: 'gold', approved: 'magenta', rejected: 'default' };

export function RunStatusTag({ status }: { status: RunStatus }) {
  const { t } = useI18n(admissionMessages);
  return <Tag color={runColor[status]} data-testid="ad-run-status" data-status={status}>{t(`run_${status}`)}</Tag>;
}

export function AdmissionStatusTag({ status }: { status: AdmissionStatus }) {
  const { t } = useI18n(admissionMessages);
  return <Tag color={status === 'admitted' ? 'green' : 'magenta'} data-testid="ad-status" data-status={status}>{t(`st_${status}`)}</Tag>;
}

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  const { t } = useI18n(admissionMessages);
  return <Tag color={returnColor[status]} data-testid="ad-return-status" data-status={status} style={{ whiteSpace: 'normal' }}>{t(`rs_${status}`)}</Tag>;
}

/** 第 k 志愿 / 服从调剂 / 注册入学 (a registration has no rank). */
export function useChoiceText() {
  const { t } = useI18n(admissionMessages);
  return (c: ChoiceRank, kind?: 'batch' | 'registration') => {
    if (kind === 'registration') return t('registered');
    if (c === 'adj') return t('adjusted');
    if (typeof c === 'number') return t('choiceN', { n: c });
    return '—';
  };
}
