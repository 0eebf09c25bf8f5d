/**
 * What the caller may do with one visit, by permission and state (the server decides again):
 * the school accepts a proposed slot, cancels, opens its permit; the district bureau approves,
 * refuses or revokes (R19); the junior high proposes another slot and checks the visit in and out.
 */
import { useState } from 'react';
import { App, Button, Flex } from 'antd';
import { CheckOutlined, CloseOutlined, FilePdfOutlined, LoginOutlined, LogoutOutlined, ScheduleOutlined, StopOutlined } from '@ant-design/icons';
import { defineMessages, useI18n } from '../../../app/i18n';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCan } from '../../../lib/session';
import { permitPdfUrl, useAcceptProposal, useApproveVisit, useCancelVisit, useCheckIn, useCheckOut, useRefuseVisit, useRevokePermit } from '../api';
import type { Visit } from '../types';
import { slotText } from './format';
import { ProposeSlotModal } from './ProposeSlotModal';
import { ReasonModal } from '../../../components/ReasonModal';
import { RefusalList } from './RefusalList';
import { refusalsOf } from './refusals';

const m = defineMessages({
  approve: ['批准', 'Approve'],
  approveConfirm: ['批准 {school} 于 {slot} 到 {jh} 进校宣传，并签发盖章许可证？', 'Approve {school} at {jh}, {slot}, and issue the sealed permit?'],
  approveConflict: ['注意：该时段与 {n} 个其他进校安排重叠。', 'Note: this slot overlaps {n} other visit(s).'],
  approved: ['已批准，许可证已签发', 'Approved; the permit is issued'],
  refuse: ['不予批准', 'Refuse'],
  refuseHint: ['原因将告知学校并记入审计日志。', 'The school sees the reason; it is kept in the audit log.'],
  refused: ['已不予批准', 'Refused'],
  revoke: ['撤销许可', 'Revoke the permit'],
  revokeHint: ['撤销后，门口验证立即显示“已撤销”。', 'Once revoked, the gate check shows “revoked” at once.'],
  revoked: ['许可已撤销', 'Permit revoked'],
  accept: ['接受建议时段', 'Accept the proposed slot'],
  accepted: ['已接受，等待区教育局审批', 'Accepted; waiting for the district’s approval'],
  cancel: ['取消申请', 'Cancel the visit'],
  cancelConfirm: ['确定取消这次进校宣传？', 'Cancel this visit?'],
  cancelled: ['已取消', 'Cancelled'],
  pdf: ['打开许可证（PDF）', 'Open the permit (PDF)'],
  pdfShort: ['许可证', 'Permit'],
  propose: ['建议另一时段', 'Propose another slot'],
  checkIn: ['签到（到校）', 'Check in (arrived)'],
  checkOut: ['签离（离校）', 'Check out (left)'],
  checkedIn: ['已签到', 'Checked in'],
  checkedOut: ['已签离', 'Checked out'],
});

type Props = { v: Visit; today?: string; maxMinutes: number; compact?: boolean };

export function VisitActions({ v, today, maxMinutes, compact }: Props) {
  const { t, locale } = useI18n(m);
  const { message, modal } = App.useApp();
  const can = useCan();
  const approve = useApproveVisit();
  const refuse = useRefuseVisit();
  const revoke = useRevokePermit();
  const accept = useAcceptProposal();
  const cancel = useCancelVisit();
  const checkIn = useCheckIn();
  const checkOut = useCheckOut();
  const [asking, setAsking] = useState<'refuse' | 'revoke' | 'propose' | null>(null);
  const size = compact ? 'small' : 'middle';
  const permitLive = v.status === 'approved' && !!v.permit && !v.permit.revokedAt;
  const failed = [approve, accept, cancel, checkIn, checkOut].find((x) => x.isError);
  // In a table row there is no room for an alert: a failure is a toast there.
  const onError = (e: unknown) => { if (compact) message.error(refusalsOf(e).map((r) => (locale === 'zh-CN' ? r.zh : r.en)).join('；') || (e instanceof Error ? e.message : String(e))); };

  const onApprove = () =>
    modal.confirm({
      title: t('approve'),
      content: (
        <>
          {t('approveConfirm', { school: v.schoolName, jh: v.juniorHighName, slot: slotText(v) })}
          {v.conflicts.length > 0 && <div style={{ color: '#d4380d', marginTop: 8 }}>{t('approveConflict', { n: v.conflicts.length })}</div>}
        </>
      ),
      okButtonProps: { 'data-testid': 'approve-confirm' },
      onOk: () => approve.mutateAsync(v.id).then(() => message.success(t('approved'))).catch(onError),
    });
  const onCancel = () =>
    modal.confirm({
      title: t('cancel'),
      content: t('cancelConfirm'),
      okButtonProps: { danger: true, 'data-testid': 'cancel-confirm' },
      onOk: () => cancel.mutateAsync(v.id).then(() => message.success(t('cancelled'))).catch(onError),
    });

  const buttons = [
    can('visit.approve') && v.status === 'requested' && (
      <Button key="approve" type="primary" size={size} icon={<CheckOutlined />} loading={approve.isPending} onClick={onApprove} data-testid="approve-visit">{t('approve')}</Button>
    ),
    can('visit.approve') && v.status === 'requested' && (
      <Button key="refuse" danger size={size} icon={<CloseOutlined />} onClick={() => setAsking('refuse')} data-testid="refuse-visit">{t('refuse')}</Button>
    ),
    can('visit.approve') && permitLive && !compact && (
      <Button key="revoke" danger size={size} icon={<StopOutlined />} onClick={() => setAsking('revoke')} data-testid="revoke-permit">{t('revoke')}</Button>
    ),
    can('visit.request') && v.status === 'proposed' && v.proposedSlot && (
      <Button key="accept" type="primary" size={size} loading={accept.isPending} onClick={() => accept.mutate(v.id, { onSuccess: () => message.success(t('accepted')), onError })} data-testid="accept-proposal">{t('accept')}</Button>
    ),
    permitLive && (can('visit.request') || can('visit.approve')) && (
      <Button key="pdf" size={size} icon={<FilePdfOutlined />} href={permitPdfUrl(v.id)} target="_blank" rel="noopener" data-testid="permit-pdf">{compact ? t('pdfShort') : t('pdf')}</Button>
    ),
    can('visit.gate') && v.status === 'requested' && (
      <Button key="propose" size={size} icon={<ScheduleOutlined />} onClick={() => setAsking('propose')} data-testid="propose-slot">{t('propose')}</Button>
    ),
    can('visit.gate') && !compact && permitLive && v.date === today && !v.checkedInAt && (
      <Button key="in" type="primary" size={size} icon={<LoginOutlined />} loading={checkIn.isPending} onClick={() => checkIn.mutate(v.id, { onSuccess: () => message.success(t('checkedIn')), onError })} data-testid="check-in">{t('checkIn')}</Button>
    ),
    can('visit.gate') && !compact && !!v.checkedInAt && !v.checkedOutAt && (
      <Button key="out" type="primary" size={size} icon={<LogoutOutlined />} loading={checkOut.isPending} onClick={() => checkOut.mutate(v.id, { onSuccess: () => message.success(t('checkedOut')), onError })} data-testid="check-out">{t('checkOut')}</Button>
    ),
    can('visit.request') && ['requested', 'proposed', 'approved'].includes(v.status) && !v.checkedInAt && !compact && (
      <Button key="cancel" size={size} onClick={onCancel} loading={cancel.isPending} data-testid="cancel-visit">{t('cancel')}</Button>
    ),
  ].filter(Boolean);

  return (
    <>
      {!compact && failed && (refusalsOf(failed.error).length ? <RefusalList refusals={refusalsOf(failed.error)} /> : <ApiErrorAlert error={failed.error} />)}
      {buttons.length > 0 && <Flex gap={8} wrap>{buttons}</Flex>}
      <ReasonModal
        open={asking === 'refuse'}
        title={t('refuse')}
        hint={t('refuseHint')}
        okText={t('refuse')}
        loading={refuse.isPending}
        error={refuse.error}
        testId="refuse"
        onCancel={() => { refuse.reset(); setAsking(null); }}
        onSubmit={(reason) => refuse.mutate({ id: v.id, reason }, { onSuccess: () => { message.success(t('refused')); setAsking(null); } })}
      />
      <ReasonModal
        open={asking === 'revoke'}
        title={t('revoke')}
        hint={t('revokeHint')}
        okText={t('revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        testId="revoke"
        onCancel={() => { revoke.reset(); setAsking(null); }}
        onSubmit={(reason) => revoke.mutate({ id: v.id, reason }, { onSuccess: () => { message.success(t('revoked')); setAsking(null); } })}
      />
      <ProposeSlotModal visit={asking === 'propose' ? v : null} maxMinutes={maxMinutes} onClose={() => setAsking(null)} />
    </>
  );
}
