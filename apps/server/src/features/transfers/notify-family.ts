/**
 * Telling the family what happened to its early-transfer request (R13, R14), through the one
 * notification channel (applications/notify.ts: the outbox, or an SMS provider): when both
 * schools have sealed, when a school refuses or withdraws, when the bureau files the list and
 * when it returns the student. One message per event and version (dedupe key).
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { campaigns, students } from '../../db/schema';
import { queueNotification } from '../applications/notify';
import type { TransferRow } from './queries';

export type TransferEvent = 'sealed' | 'refused' | 'withdrawn' | 'filed' | 'returned';

export async function notifyFamily(tx: Tx, t: Pick<TransferRow, 'id' | 'campaignId' | 'studentId' | 'version' | 'content'>, event: TransferEvent, extra: { reason?: string; filingNumber?: string } = {}) {
  const [s] = await tx.select({ name: students.name, phone: students.phoneMasked, campaign: campaigns.name }).from(students).innerJoin(campaigns, eq(campaigns.id, students.campaignId)).where(eq(students.id, t.studentId));
  if (!s) return;
  const c = t.content as { enrollingSchool?: { name: string }; programme?: { majorName: string } };
  const where = `${c.enrollingSchool?.name ?? ''}${c.programme?.majorName ?? ''}专业`;
  const text: Record<TransferEvent, string> = {
    sealed: `${s.name}提前到${where}学习的申请（志愿填报表）已由初中学校和中职学校盖章，待列入汇总名单报区教育局备案。`,
    refused: `${s.name}提前到${where}学习的申请未获学校同意${extra.reason ? `，理由：${extra.reason}` : ''}。如有疑问请联系学校或区教育局。`,
    withdrawn: `${s.name}提前到${where}学习的申请已撤回${extra.reason ? `（${extra.reason}）` : ''}。如非本人意愿，请联系区教育局。`,
    filed: `${s.name}提前到${where}学习已由区教育局备案（${extra.filingNumber ?? ''}），请按学校通知到校报到。`,
    returned: `区教育局已决定${s.name}退回初中学校就读${extra.reason ? `，理由：${extra.reason}` : ''}。`,
  };
  await queueNotification(tx, {
    campaignId: t.campaignId, studentId: t.studentId, recipient: 'guardian', template: `early_transfer_${event}`, to: s.phone,
    body: `【${s.campaign}】${text[event]}`, dedupeKey: `early_transfer_${event}:${t.id}:${t.version}`,
  });
}
