/**
 * Loading and presenting early transfers (R13, R14): a form with its campaign, schools and
 * programme names, its seals checked against its current content, its history from the audit
 * log, and the actions the caller may take (the domain's state machine decides them).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { finalTransferStatuses, transferTransition, withSettingDefaults, type CampaignSettings, type TransferAction, type TransferParty, type TransferStatus } from '@zhizhao/domain';
import type { EarlyTransfer, EarlyTransferDetail, OrgKind, TransferFormContent } from '@zhizhao/contracts';
import { queryRows, type Queryable, type Tx } from '../../db/client';
import { audit, campaigns, campuses, earlyTransferLists, earlyTransfers, majors, organizations, plannedSeats, students } from '../../db/schema';
import type { Actor, OrgRef } from '../../auth/policy';
import { partyOf, type TransferRef } from '../../auth/transfer-policy';
import { AppError } from '../../errors';
import { keyCache, sealViewOf, type KeyCache, type StoredSeal } from './seals';
import { FINAL } from './status-sql';

export type TransferRow = typeof earlyTransfers.$inferSelect;
export type ListRow = typeof earlyTransferLists.$inferSelect;

const jh = alias(organizations, 'jh');
const school = alias(organizations, 'school');
const district = alias(organizations, 'district');

export type LoadedTransfer = {
  t: TransferRow;
  student: { id: number; name: string; examNo: string; className: string; kind: string };
  juniorHighName: string;
  schoolName: string;
  majorName: string;
  campusName: string;
  campaign: { id: number; name: string; year: number; districtId: number; settings: ReturnType<typeof withSettingDefaults<CampaignSettings>> };
  district: OrgRef & { name: string };
  list: { id: number; code: string | null; filingNumber: string | null } | null;
};

export const refOf = (l: { t: { juniorHighId: number; schoolId: number }; district: OrgRef }): TransferRef => ({ juniorHighId: l.t.juniorHighId, schoolId: l.t.schoolId, district: l.district });

export async function loadTransfer(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<LoadedTransfer> {
  if (opts.lock) {
    const [locked] = await (db as Tx).select({ id: earlyTransfers.id }).from(earlyTransfers).where(eq(earlyTransfers.id, id)).for('update');
    if (!locked) throw new AppError('NOT_FOUND', { earlyTransferId: id });
  }
  const [l] = await loadTransfers(db, [id]);
  if (!l) throw new AppError('NOT_FOUND', { earlyTransferId: id });
  return l;
}

/** Several forms in one query, in the order of `ids`. */
export async function loadTransfers(db: Queryable, ids: number[]): Promise<LoadedTransfer[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      t: earlyTransfers,
      s: { id: students.id, name: students.name, examNo: students.examNo, className: students.className, kind: students.kind },
      jhName: jh.name, schoolName: school.name, majorName: majors.name, campusName: campuses.name,
      c: { id: campaigns.id, name: campaigns.name, year: campaigns.year, districtId: campaigns.districtId, settings: campaigns.settings },
      d: { id: district.id, kind: district.kind, districtId: district.districtId, cityId: district.cityId, name: district.name },
      l: { id: earlyTransferLists.id, code: earlyTransferLists.code, filingNumber: earlyTransferLists.filingNumber },
    })
    .from(earlyTransfers)
    .innerJoin(students, eq(students.id, earlyTransfers.studentId))
    .innerJoin(jh, eq(jh.id, earlyTransfers.juniorHighId))
    .innerJoin(school, eq(school.id, earlyTransfers.schoolId))
    .innerJoin(plannedSeats, eq(plannedSeats.id, earlyTransfers.programmeId))
    .innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .innerJoin(campuses, eq(campuses.id, majors.campusId))
    .innerJoin(campaigns, eq(campaigns.id, earlyTransfers.campaignId))
    .innerJoin(district, eq(district.id, campaigns.districtId))
    .leftJoin(earlyTransferLists, eq(earlyTransferLists.id, earlyTransfers.listId))
    .where(inArray(earlyTransfers.id, ids));
  const byId = new Map(rows.map((r) => [r.t.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      t: r.t, student: r.s, juniorHighName: r.jhName, schoolName: r.schoolName, majorName: r.majorName, campusName: r.campusName,
      campaign: { ...r.c, settings: withSettingDefaults(r.c.settings as CampaignSettings) },
      district: { ...r.d, kind: r.d.kind as OrgKind },
      list: r.l && r.l.id !== null ? r.l : null,
    }];
  });
}

/** Who of the family still has to confirm the current version. */
export function pendingConfirmersOf(t: Pick<TransferRow, 'status' | 'version' | 'studentConfirmedVersion' | 'guardianConfirmedVersion'>): Array<'student' | 'guardian'> {
  if (t.status !== 'awaiting_family') return [];
  const out: Array<'student' | 'guardian'> = [];
  if (t.studentConfirmedVersion !== t.version) out.push('student');
  if (t.guardianConfirmedVersion !== t.version) out.push('guardian');
  return out;
}

export async function presentTransfer(db: Queryable, l: LoadedTransfer, cache: KeyCache = keyCache()): Promise<EarlyTransfer> {
  const { t } = l;
  const names = new Map([[t.juniorHighId, l.juniorHighName], [t.schoolId, l.schoolName]]);
  // A seal stands while its signature holds over the content and the form is in force: on a
  // refused, withdrawn or returned form it is shown, and marked void.
  const inForce = !finalTransferStatuses.includes(t.status as TransferStatus);
  const seals = (await Promise.all([
    sealViewOf(db, 'source', t.sourceSeal as StoredSeal | null, t.content, names, cache),
    sealViewOf(db, 'school', t.schoolSeal as StoredSeal | null, t.content, names, cache),
  ])).filter((s) => s !== null).map((s) => ({ ...s, valid: s.valid && inForce }));
  return {
    id: t.id, campaignId: t.campaignId, status: t.status as TransferStatus, version: t.version,
    studentId: l.student.id, studentName: l.student.name, examNo: l.student.examNo, className: l.student.className,
    juniorHighId: t.juniorHighId, juniorHighName: l.juniorHighName, schoolId: t.schoolId, schoolName: l.schoolName,
    programmeId: t.programmeId, majorName: l.majorName, campusName: l.campusName,
    requestedBy: t.requestedBy === 'guardian' ? 'guardian' : 'student', requestedOn: t.requestedOn,
    pendingConfirmers: pendingConfirmersOf(t), seals,
    formCode: t.formCode, listId: t.listId, listCode: l.list?.code ?? null, filingNumber: l.list?.filingNumber ?? null, filedOn: t.filedOn,
    reason: t.reason, decidedBy: (t.decidedBy as EarlyTransfer['decidedBy']) ?? null, updatedAt: t.updatedAt.toISOString(),
  };
}

/** The actions a staff caller may take now (the page offers only these). */
export function staffActions(actor: Actor, l: LoadedTransfer): EarlyTransferDetail['actions'] {
  const ref = refOf(l);
  const status = l.t.status as TransferStatus;
  const out: EarlyTransferDetail['actions'] = [];
  const sealer = partyOf(actor, ref, 'transfer.seal');
  if (sealer) {
    for (const a of ['seal', 'refuse', 'withdraw'] as const) if (transferTransition(status, a, sealer).ok) out.push(a);
  }
  if (partyOf(actor, ref, 'transfer.file') && transferTransition(status, 'return', 'district').ok) out.push('return');
  if (partyOf(actor, ref, 'transfer.prep') === 'school' && status === 'filed') out.push('examResult');
  return out;
}

/** The actions a family member may take now. */
export function familyActions(who: 'student' | 'guardian', t: TransferRow): EarlyTransferDetail['actions'] {
  const status = t.status as TransferStatus;
  const out: EarlyTransferDetail['actions'] = [];
  if (pendingConfirmersOf(t).includes(who)) out.push('confirm');
  for (const a of ['change', 'withdraw'] as const) if (transferTransition(status, a, who as TransferParty).ok) out.push(a);
  return out;
}

const historyActions: Record<string, string> = {
  'early_transfer.request': 'request', 'early_transfer.confirm': 'confirm', 'early_transfer.change': 'change', 'early_transfer.seal': 'seal',
  'early_transfer.refuse': 'refuse', 'early_transfer.withdraw': 'withdraw', 'early_transfer.list': 'list', 'early_transfer.unlist': 'unlist',
  'early_transfer.file': 'file', 'early_transfer.return': 'return', 'early_transfer.exam_result': 'examResult',
};

/** The form's history: its audit events (the chained log is the one record). */
export async function transferHistory(db: Queryable, id: number): Promise<EarlyTransferDetail['history']> {
  const rows = await db
    .select({ at: audit.at, action: audit.action, by: audit.actorUsername, changes: audit.changes })
    .from(audit)
    .where(and(eq(audit.objectType, 'early_transfer'), eq(audit.objectId, String(id))))
    .orderBy(asc(audit.seq));
  return rows.map((r) => {
    const c = (r.changes ?? {}) as Record<string, unknown>;
    const status = c.status as { to?: string } | string | undefined;
    return {
      at: typeof c.businessAt === 'string' ? c.businessAt : r.at.toISOString(),
      action: historyActions[r.action] ?? r.action,
      by: r.by,
      party: typeof c.party === 'string' ? c.party : null,
      version: typeof c.version === 'number' ? c.version : null,
      reason: typeof c.reason === 'string' ? c.reason : null,
      status: typeof status === 'string' ? status : (status?.to ?? null),
    };
  });
}

export async function detailOf(db: Queryable, l: LoadedTransfer, actions: EarlyTransferDetail['actions']): Promise<EarlyTransferDetail> {
  const t = l.t;
  return {
    ...(await presentTransfer(db, l)),
    content: t.content as TransferFormContent,
    history: await transferHistory(db, t.id),
    actions,
    examResult: (t.examResult as EarlyTransferDetail['examResult']) ?? null,
  };
}

/** Seats of a programme held by early transfers (every state but the final ones), optionally one form left out. */
export async function heldSeats(db: Queryable, programmeId: number, except?: number): Promise<number> {
  const [r] = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from early_transfers
    where programme_id = ${programmeId} and status not in ${FINAL} ${except ? sql`and id <> ${except}` : sql``}`);
  return Number(r?.n ?? 0);
}
