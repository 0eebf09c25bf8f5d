/**
 * The family's side of early transfer (R13): what it may ask for, the request itself (the
 * requester's confirmation implied; the other family member confirms, as for applications), a
 * change of programme (which voids any seal), the confirmation and the withdrawal.
 *
 * Lock order: student row → programme row (planned_seats, the seat cap under concurrent
 * requests) → transfer row → list row → signing key → audit head.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  checkTransferRequest, earlyTransferOpen, earlyTransferSeatsLeft, finalTransferStatuses, transferTransition,
  type TransferParty, type TransferRequestFacts, type TransferStatus,
} from '@zhizhao/domain';
import type { EarlyTransferDetail, MyEarlyTransfer } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable, type Tx } from '../../db/client';
import { earlyTransfers, organizations, students } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import type { StudentCtx } from '../applications/queries';
import { loadProgrammes } from '../applications/programmes';
import { formContent, programmeOf, studentRow } from './content';
import { detailOf, familyActions, heldSeats, loadTransfer, loadTransfers, presentTransfer, type TransferRow } from './queries';
import { voidListOf } from './lists';
import { FINAL } from './status-sql';

type Who = 'student' | 'guardian';

/** The student's form that is not final, if any. */
async function activeTransferOf(db: Queryable, studentId: number): Promise<TransferRow | null> {
  const [t] = await db
    .select()
    .from(earlyTransfers)
    .where(and(eq(earlyTransfers.studentId, studentId), sql`${earlyTransfers.status} not in ${FINAL}`))
    .limit(1);
  return t ?? null;
}

function baseFacts(ctx: StudentCtx, curriculum: boolean, window: TransferRequestFacts['window'], active: boolean): Omit<TransferRequestFacts, 'programme'> {
  return {
    window, settings: ctx.campaign.settings, grade9: ctx.student.kind === 'grade9' && ctx.student.juniorHighId !== null,
    track: (ctx.app?.track as 'vocational' | 'general' | null) ?? null, applicationConfirmed: ctx.app?.status === 'confirmed',
    curriculumConfirmed: curriculum, activeRequest: active,
  };
}

/** The campaign's programmes with their early-transfer caps and seats held. */
async function programmesWithCaps(db: Queryable, ctx: StudentCtx) {
  const { items } = await loadProgrammes(db, ctx.campaign);
  const caps = new Map((await queryRows<{ id: number; cap: number; held: number }>(db, sql`
    select ps.id, ps.early_transfer_cap as cap,
      (select count(*) from early_transfers et where et.programme_id = ps.id and et.status not in ${FINAL})::int as held
    from planned_seats ps where ps.campaign_id = ${ctx.campaign.id} and ps.early_transfer_cap > 0`)).map((r) => [Number(r.id), { cap: Number(r.cap), held: Number(r.held) }]));
  return items
    .filter((p) => caps.has(p.programmeId))
    .map((p) => {
      const { cap, held } = caps.get(p.programmeId)!;
      const rank = ctx.app?.track === 'vocational' ? ctx.choiceIds.indexOf(p.programmeId) : -1;
      return {
        programmeId: p.programmeId, schoolId: p.schoolId, schoolName: p.schoolName, majorName: p.majorName, campusName: p.campusName,
        cap, held, left: earlyTransferSeatsLeft(cap, held), qualified: p.qualified, filed: p.brochureId !== null,
        choiceRank: rank >= 0 ? rank + 1 : null, choosable: p.qualified && p.brochureId !== null && held < cap,
      };
    });
}

export async function myEarlyTransfer(deps: AppDeps, ctx: StudentCtx, who: Who): Promise<MyEarlyTransfer> {
  const { now } = await deps.clock();
  const window = earlyTransferOpen(now, deps.config.timeZone, ctx.campaign.settings);
  const s = await studentRow(deps.db, ctx.student.id);
  const rows = await deps.db.select({ id: earlyTransfers.id, status: earlyTransfers.status }).from(earlyTransfers).where(eq(earlyTransfers.studentId, ctx.student.id)).orderBy(desc(earlyTransfers.id));
  const activeRow = rows.find((r) => !finalTransferStatuses.includes(r.status as TransferStatus));
  const current = activeRow ? await familyDetail(deps.db, activeRow.id, who) : null;
  const past = await Promise.all((await loadTransfers(deps.db, rows.filter((r) => r !== activeRow).map((r) => r.id))).map((l) => presentTransfer(deps.db, l)));
  // What keeps the family from asking, programme aside (the list shows each programme's seats).
  const problems = checkTransferRequest({ ...baseFacts(ctx, s.curriculumCompletedOn !== null, window, activeRow !== undefined), programme: { exists: true, qualified: true, filed: true, cap: 1, held: 0 } });
  return {
    window, opensOn: ctx.campaign.settings.earlyTransferFrom, closesOn: ctx.campaign.settings.phases.earlyTransfer.to,
    curriculumConfirmed: s.curriculumCompletedOn !== null, problems, current, past, programmes: await programmesWithCaps(deps.db, ctx),
  };
}

async function familyDetail(db: Queryable, id: number, who: Who): Promise<EarlyTransferDetail> {
  const l = await loadTransfer(db, id);
  return detailOf(db, l, familyActions(who, l.t));
}

/** Throws the first refusal with every problem in the details (the message names the first rule). */
function refuse(problems: ReturnType<typeof checkTransferRequest>): never {
  const [first] = problems;
  throw new AppError(first!.code, { rule: first!.rule, reason: first!.zh, problems });
}

/** The programme checked for a request or a change (R4, R7, the cap), its row locked. */
async function checkedProgramme(tx: Tx, ctx: StudentCtx, programmeId: number, base: Omit<TransferRequestFacts, 'programme'>, opts: { change?: boolean; except?: number }) {
  const p = await programmeOf(tx, ctx.campaign.id, programmeId, { lock: true });
  const facts = p ? (await loadProgrammes(tx, ctx.campaign, [programmeId])).facts.get(programmeId) : undefined;
  const held = p ? await heldSeats(tx, programmeId, opts.except) : 0;
  const problems = checkTransferRequest({ ...base, programme: p && facts ? { exists: true, qualified: facts.qualified, filed: facts.filed, cap: Number(p.cap), held } : null }, opts);
  if (problems.length) refuse(problems);
  return p!;
}

async function lockStudent(tx: Tx, id: number) {
  await tx.select({ id: students.id }).from(students).where(eq(students.id, id)).for('update');
  return studentRow(tx, id);
}

async function juniorHighOf(db: Queryable, id: number) {
  const [o] = await db.select({ id: organizations.id, code: organizations.code, name: organizations.name }).from(organizations).where(eq(organizations.id, id));
  if (!o) throw new AppError('NOT_FOUND', { organizationId: id });
  return o;
}

export async function requestEarlyTransfer(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, who: Who, programmeId: number): Promise<EarlyTransferDetail> {
  const { now, today } = await deps.clock();
  const window = earlyTransferOpen(now, deps.config.timeZone, ctx.campaign.settings);
  const id = await deps.db.transaction(async (tx) => {
    const s = await lockStudent(tx, ctx.student.id);
    const active = await activeTransferOf(tx, s.id);
    const base = baseFacts(ctx, s.curriculumCompletedOn !== null, window, active !== null);
    const p = await checkedProgramme(tx, ctx, programmeId, base, {});
    const jh = await juniorHighOf(tx, s.juniorHighId!);
    const [row] = await tx
      .insert(earlyTransfers)
      .values({
        campaignId: ctx.campaign.id, studentId: s.id, juniorHighId: jh.id, schoolId: Number(p.school_id), programmeId, status: 'awaiting_family', version: 1,
        requestedBy: who, requestedOn: today, content: {}, ...(who === 'student' ? { studentConfirmedVersion: 1 } : { guardianConfirmedVersion: 1 }),
      })
      .returning({ id: earlyTransfers.id });
    const content = formContent({ transferId: row!.id, version: 1, requestedOn: today, campaign: { id: ctx.campaign.id, name: ctx.campaign.name, year: ctx.campaign.year }, student: s, juniorHigh: jh, programme: p });
    await tx.update(earlyTransfers).set({ content }).where(eq(earlyTransfers.id, row!.id));
    await writeAudit(tx, rctx, {
      action: 'early_transfer.request', objectType: 'early_transfer', objectId: row!.id, organizationId: jh.id,
      changes: { party: who, version: 1, status: { from: null, to: 'awaiting_family' }, programmeId, schoolId: Number(p.school_id), studentId: s.id, businessAt: now.toISOString() },
    });
    return row!.id;
  });
  return familyDetail(deps.db, id, who);
}

/** The family's form, locked, checked against the version it saw. */
async function lockOwn(tx: Tx, ctx: StudentCtx, version?: number) {
  const active = await activeTransferOf(tx, ctx.student.id);
  if (!active) throw new AppError('NOT_FOUND', { earlyTransfer: 'none in progress' });
  const l = await loadTransfer(tx, active.id, { lock: true });
  if (version !== undefined && l.t.version !== version) throw new AppError('EARLY_TRANSFER_STALE', { version, currentVersion: l.t.version });
  return l;
}

function step(status: string, action: 'confirm' | 'change' | 'withdraw', party: TransferParty, facts: { bothConfirmed?: boolean } = {}) {
  const r = transferTransition(status as TransferStatus, action, party, facts);
  if (!r.ok) throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: r.refusal.rule, reason: r.refusal.zh, reasonEn: r.refusal.en });
  return r;
}

export async function changeEarlyTransfer(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, who: Who, input: { programmeId: number; version: number }): Promise<EarlyTransferDetail> {
  const { now, today } = await deps.clock();
  const window = earlyTransferOpen(now, deps.config.timeZone, ctx.campaign.settings);
  const id = await deps.db.transaction(async (tx) => {
    const s = await lockStudent(tx, ctx.student.id);
    const l = await lockOwn(tx, ctx, input.version);
    const r = step(l.t.status, 'change', who);
    const p = await checkedProgramme(tx, ctx, input.programmeId, baseFacts(ctx, s.curriculumCompletedOn !== null, window, true), { change: true, except: l.t.id });
    const version = l.t.version + 1;
    const content = formContent({ transferId: l.t.id, version, requestedOn: today, campaign: { id: ctx.campaign.id, name: ctx.campaign.name, year: ctx.campaign.year }, student: s, juniorHigh: await juniorHighOf(tx, l.t.juniorHighId), programme: p });
    await tx.update(earlyTransfers).set({
      programmeId: input.programmeId, schoolId: Number(p.school_id), status: r.to, version, content, sourceSeal: null, schoolSeal: null, formCode: null,
      studentConfirmedVersion: who === 'student' ? version : l.t.studentConfirmedVersion, guardianConfirmedVersion: who === 'guardian' ? version : l.t.guardianConfirmedVersion,
      requestedOn: today, updatedAt: new Date(),
    }).where(eq(earlyTransfers.id, l.t.id));
    await writeAudit(tx, rctx, {
      action: 'early_transfer.change', objectType: 'early_transfer', objectId: l.t.id, organizationId: l.t.juniorHighId,
      changes: { party: who, version, status: { from: l.t.status, to: r.to }, programmeId: { from: l.t.programmeId, to: input.programmeId }, sealsVoided: r.voidsSeals, businessAt: now.toISOString() },
    });
    return l.t.id;
  });
  return familyDetail(deps.db, id, who);
}

export async function confirmEarlyTransfer(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, who: Who, version: number): Promise<EarlyTransferDetail> {
  const { now } = await deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    const l = await lockOwn(tx, ctx, version);
    const student = who === 'student' ? version : l.t.studentConfirmedVersion;
    const guardian = who === 'guardian' ? version : l.t.guardianConfirmedVersion;
    const r = step(l.t.status, 'confirm', who, { bothConfirmed: student === version && guardian === version });
    await tx.update(earlyTransfers).set({ studentConfirmedVersion: student, guardianConfirmedVersion: guardian, status: r.to, updatedAt: new Date() }).where(eq(earlyTransfers.id, l.t.id));
    await writeAudit(tx, rctx, {
      action: 'early_transfer.confirm', objectType: 'early_transfer', objectId: l.t.id, organizationId: l.t.juniorHighId,
      changes: { party: who, version, status: { from: l.t.status, to: r.to }, businessAt: now.toISOString() },
    });
    return l.t.id;
  });
  return familyDetail(deps.db, id, who);
}

export async function withdrawOwnEarlyTransfer(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, who: Who, input: { reason: string; version?: number }): Promise<EarlyTransferDetail> {
  const { now } = await deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    const l = await lockOwn(tx, ctx, input.version);
    await withdrawIn(tx, rctx, l.t, who, input.reason, now);
    return l.t.id;
  });
  return familyDetail(deps.db, id, who);
}

/** A withdrawal by any party before filing (R14): the seals are voided, a list it is on is withdrawn with it. */
export async function withdrawIn(tx: Tx, rctx: RequestContext, t: TransferRow, party: TransferParty, reason: string, now: Date) {
  const r = step(t.status, 'withdraw', party);
  if (t.status === 'listed' && t.listId !== null) await voidListOf(tx, rctx, t.listId, `申请（${t.id}）撤回：${reason}`, now, t.id);
  await tx.update(earlyTransfers).set({ status: r.to, reason, decidedBy: party, updatedAt: new Date() }).where(eq(earlyTransfers.id, t.id));
  await writeAudit(tx, rctx, {
    action: 'early_transfer.withdraw', objectType: 'early_transfer', objectId: t.id, organizationId: t.juniorHighId,
    changes: { party, version: t.version, status: { from: t.status, to: r.to }, reason, sealsVoided: r.voidsSeals, businessAt: now.toISOString() },
  });
}

