/** A sending row's acknowledgement (or live, before the school submits) and its no-shows by reason. */
import { Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { noShowReasonLabels } from '../labels';
import { enrolmentMessages } from '../messages';
import type { NoShowReason, SendingRow } from '../types';

const ackColor = { live: 'default', pending: 'gold', acknowledged: 'green', disputed: 'red' } as const;

export function AckTag({ ack }: { ack: SendingRow['ack'] }) {
  const { t } = useI18n(enrolmentMessages);
  const k = ack ?? 'live';
  return <Tag color={ackColor[k]} data-testid="st-ack" data-ack={k} style={{ marginInlineEnd: 0 }}>{t(`ack_${k}`)}</Tag>;
}

export function NoShowCell({ row }: { row: SendingRow }) {
  const { l } = useI18n(enrolmentMessages);
  const reasons = Object.entries(row.noShowByReason).filter(([, n]) => n > 0);
  if (row.noShow === 0 || reasons.length === 0) return <>{row.noShow}</>;
  const title = reasons.map(([r, n]) => `${l(noShowReasonLabels[r as NoShowReason] ?? { zh: r, en: r })}：${n}`).join('；');
  return (
    <Tooltip title={title}>
      <Typography.Text underline style={{ cursor: 'help' }} data-testid="st-noshow">{row.noShow}</Typography.Text>
    </Tooltip>
  );
}
