/** One visit: the slot, the people, the brochure, the permit, the gate record, and what the caller may do. */
import { Alert, Descriptions, Drawer, Flex, Skeleton, Tag, Typography } from 'antd';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDateTime } from '../../../lib/format';
import { useVisit } from '../api';
import { visitMessages } from '../messages';
import type { Visit } from '../types';
import { slotText } from './format';
import { VisitActions } from './VisitActions';
import { VisitFlags } from './VisitTable';
import { VisitStatusTag } from './VisitStatusTag';

const m = defineMessages({
  ...visitMessages,
  title: ['进校宣传', 'Campus visit'],
  requestedAt: ['申请时间', 'Requested'],
  issuedAt: ['签发时间', 'Issued'],
  revokedAt: ['撤销时间', 'Revoked'],
  runBy: ['举办方', 'Run by'],
  run_district: ['区属', 'District-run'],
  run_city: ['市属', 'City-run'],
  gate: ['门口记录', 'At the gate'],
  proposalHint: ['初中学校建议改为 {slot}{note}', 'The junior high proposes {slot}{note}'],
  conflictsTitle: ['与同一初中的其他进校安排时间重叠（编号 {ids}）', 'Overlaps other visits at the same junior high (ids {ids})'],
  code: ['验证码', 'Verification code'],
  verify: ['门口验证页', 'Gate check page'],
});

type Props = { id: number | null; initial?: Visit | null; today?: string; maxMinutes: number; onClose: () => void };

export function VisitDrawer({ id, initial, today, maxMinutes, onClose }: Props) {
  const { t } = useI18n(m);
  const q = useVisit(id);
  const v = q.data ?? (initial && initial.id === id ? initial : undefined);
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('title')} size={560} destroyOnHidden data-testid="visit-drawer">
      {q.isError && <ApiErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {!v && q.isPending && <Skeleton active />}
      {v && (
        <div data-testid="visit-detail" data-visit-id={v.id} data-status={v.status}>
          <Flex gap={4} wrap style={{ marginBottom: 12 }}>
            <VisitStatusTag status={v.status} />
            <VisitFlags v={v} />
          </Flex>
          {v.status === 'proposed' && v.proposedSlot && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('proposalHint', { slot: slotText(v.proposedSlot), note: v.proposedSlot.note ? `：${v.proposedSlot.note}` : '' })} />
          )}
          {v.conflicts.length > 0 && ['requested', 'proposed', 'approved'].includes(v.status) && (
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('conflictsTitle', { ids: v.conflicts.join('、') })} />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
            items={[
              { key: 'slot', label: t('slot'), children: <Typography.Text strong>{slotText(v)}（{t('minutes', { n: v.minutes })}）</Typography.Text> },
              { key: 'school', label: t('school'), children: <>{v.schoolName} <Tag>{t(`run_${v.runBy}`)}</Tag></> },
              { key: 'jh', label: t('juniorHigh'), children: v.juniorHighName },
              { key: 'staff', label: t('staff'), children: v.staff.map((s) => `${s.name} ${s.phone}`).join('；') },
              { key: 'brochure', label: t('brochure'), children: v.brochureFilingNumber ?? '—' },
              { key: 'created', label: t('requestedAt'), children: formatDateTime(v.createdAt) },
              ...(v.refusalReason ? [{ key: 'refusal', label: t('refusalReason'), children: v.refusalReason }] : []),
              ...(v.permit
                ? [
                    { key: 'serial', label: t('serial'), children: <Typography.Text copyable data-testid="permit-serial">{v.permit.serial}</Typography.Text> },
                    { key: 'issued', label: t('issuedAt'), children: `${formatDateTime(v.permit.issuedAt)} · ${v.permit.issuedBy}` },
                    { key: 'code', label: t('code'), children: <a href={`/verify/${encodeURIComponent(v.permit.code)}`} target="_blank" rel="noopener" data-testid="permit-verify-link" data-code={v.permit.code}>{t('verify')}</a> },
                    ...(v.permit.revokedAt ? [{ key: 'revoked', label: t('revokedAt'), children: `${formatDateTime(v.permit.revokedAt)} · ${v.permit.revokeReason ?? ''}` }] : []),
                  ]
                : []),
              ...(v.checkedInAt
                ? [{
                    key: 'gate', label: t('gate'),
                    children: (
                      <>
                        {t('checkedIn')} {formatDateTime(v.checkedInAt)}
                        {v.checkedOutAt && <><br />{t('checkedOut')} {formatDateTime(v.checkedOutAt)}</>}
                        {v.actualMinutes !== null && <><br />{t('actual')}：<Typography.Text type={v.overrun ? 'danger' : undefined}>{t('minutes', { n: v.actualMinutes })}</Typography.Text></>}
                      </>
                    ),
                  }]
                : []),
            ]}
          />
          <div style={{ marginTop: 16 }}>
            <VisitActions v={v} today={today} maxMinutes={maxMinutes} />
          </div>
        </div>
      )}
    </Drawer>
  );
}
