/**
 * The schools' and the bureau's side of a form (R13, R14): the junior high seals first (its
 * consent: the student finished the compulsory curriculum and may go), then the enrolling
 * school (its acceptance); either refuses with a reason at its turn; either withdraws before
 * filing; after filing, only the district bureau returns the student to the junior high.
 * A seal is the organisation's Ed25519 signature over the form's content (seals.ts), and the
 * QR's code (kind `transfer-form`) is signed again by the sealer, naming the version sealed.
 * Sealing re-checks R4 and R7: a school that lost its qualification or its filing accepts nobody.
 */
import { eq, sql } from 'drizzle-orm';
import { transferTransition, type TransferAction, type TransferParty, type TransferStatus } from '@zhizhao/domain';
import type { EarlyTransfer, EarlyTransferDetail } from '@zhizhao/contracts';
import type { z } from 'zod';
import type { earlyTransferListQuery, examResultBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Tx } from '../../db/client';
import { earlyTransfers } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { Actor } from '../../auth/policy';
import { authorizeReadTransfer, requireParty, transferScope } from '../../auth/transfer-policy';
import { signCode } from '../../signing/codes';
import { AppError } from '../../errors';
import { loadProgrammes } from '../applications/programmes';
import { campaignOfActor } from '../applications/bureau-campaign';
import { contentDigest, keyCache, makeSeal } from './seals';
import { detailOf, loadTransfer, loadTransfers, presentTransfer, refOf, staffActions, type LoadedTransfer } from './queries';
import { withdrawIn } from './family';
import { notifyFamily } from './notify-family';

export async function staffDetail(deps: AppDeps, actor: Actor, id: number): Promise<EarlyTransferDetail> {
  const l = await loadTransfer(deps.db, id);
  authorizeReadTransfer(actor, refOf(l));
  return detailOf(deps.db, l, staffActions(actor, l));
}

function step(status: string, action: TransferAction, party: TransferParty) {
  const r = transferTransition(status as TransferStatus, action, party);
  if (!r.ok) throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: r.refusal.rule, reason: r.refusal.zh, reasonEn: r.refusal.en });
  return r;
}

/** R4, R7 at the moment of sealing: the enrolling school must still be qualified and filed. */
async function assertStillChoosable(tx: Tx, l: LoadedTransfer) {
  const f = (await loadProgrammes(tx, { id: l.campaign.id, districtId: l.campaign.districtId, year: l.campaign.year }, [l.t.programmeId])).facts.get(l.t.programmeId);
  if (!f || !f.qualified) throw new AppError('EARLY_TRANSFER_NOT_QUALIFIED', { rule: 'R4', schoolId: l.t.schoolId });
  if (!f.filed) throw new AppError('EARLY_TRANSFER_NOT_FILED', { rule: 'R7', schoolId: l.t.schoolId });
}

async function act<T>(deps: AppDeps, rctx: RequestContext, id: number, permission: 'transfer.seal' | 'transfer.file' | 'transfer.prep', fn: (tx: Tx, l: LoadedTransfer, party: TransferParty, now: Date, today: string) => Promise<T>): Promise<EarlyTransferDetail> {
  const { now, today } = await deps.clock();
  await deps.db.transaction(async (tx) => {
    const l = await loadTransfer(tx, id, { lock: true });
    const party = requireParty(rctx.actor!, refOf(l), permission);
    await fn(tx, l, party, now, today);
  });
  return staffDetail(deps, rctx.actor!, id);
}

export async function sealTransfer(deps: AppDeps, rctx: RequestContext, id: number, version: number) {
  return act(deps, rctx, id, 'transfer.seal', async (tx, l, party, now) => {
    if (l.t.version !== version) throw new AppError('EARLY_TRANSFER_STALE', { version, currentVersion: l.t.version });
    const r = step(l.t.status, 'seal', party);
    await assertStillChoosable(tx, l);
    const org = rctx.actor!.organizationId;
    const seal = await makeSeal(tx, rctx, org, l.t.content, deps.config.keySecret, now);
    const formCode = await signCode(tx, rctx, org, { t: 'transfer-form', id: l.t.id, v: l.t.version, h: contentDigest(l.t.content) }, deps.config.keySecret);
    await tx.update(earlyTransfers).set({ ...(party === 'source' ? { sourceSeal: seal } : { schoolSeal: seal }), formCode, status: r.to, updatedAt: new Date() }).where(eq(earlyTransfers.id, l.t.id));
    await writeAudit(tx, rctx, {
      action: 'early_transfer.seal', objectType: 'early_transfer', objectId: l.t.id, organizationId: org,
      changes: { party, version: l.t.version, status: { from: l.t.status, to: r.to }, keyId: seal.kid, businessAt: now.toISOString() },
    });
    if (r.to === 'sealed') await notifyFamily(tx, l.t, 'sealed');
  });
}

export async function refuseTransfer(deps: AppDeps, rctx: RequestContext, id: number, input: { reason: string; version?: number }) {
  return act(deps, rctx, id, 'transfer.seal', async (tx, l, party, now) => {
    if (input.version !== undefined && l.t.version !== input.version) throw new AppError('EARLY_TRANSFER_STALE', { version: input.version, currentVersion: l.t.version });
    const r = step(l.t.status, 'refuse', party);
    await tx.update(earlyTransfers).set({ status: r.to, reason: input.reason, decidedBy: party, updatedAt: new Date() }).where(eq(earlyTransfers.id, l.t.id));
    await writeAudit(tx, rctx, {
      action: 'early_transfer.refuse', objectType: 'early_transfer', objectId: l.t.id, organizationId: rctx.actor!.organizationId,
      changes: { party, version: l.t.version, status: { from: l.t.status, to: r.to }, reason: input.reason, businessAt: now.toISOString() },
    });
    await notifyFamily(tx, l.t, 'refused', { reason: input.reason });
  });
}

export async function withdrawTransfer(deps: AppDeps, rctx: RequestContext, id: number, input: { reason: string; version?: number }) {
  return act(deps, rctx, id, 'transfer.seal', async (tx, l, party, now) => {
    if (input.version !== undefined && l.t.version !== input.version) throw new AppError('EARLY_TRANSFER_STALE', { version: input.version, currentVersion: l.t.version });
    await withdrawIn(tx, rctx, l.t, party, input.reason, now);
    await notifyFamily(tx, l.t, 'withdrawn', { reason: input.reason });
  });
}

/** After filing, the district bureau's decision (R14): the student goes back to the junior high; the seat is released. */
export async function returnTransfer(deps: AppDeps, rctx: RequestContext, id: number, input: { reason: string }) {
  return act(deps, rctx, id, 'transfer.file', async (tx, l, party, now, today) => {
    const r = step(l.t.status, 'return', party);
    await tx.update(earlyTransfers).set({ status: r.to, reason: input.reason, decidedBy: 'district', updatedAt: new Date() }).where(eq(earlyTransfers.id, l.t.id));
    await writeAudit(tx, rctx, {
      action: 'early_transfer.return', objectType: 'early_transfer', objectId: l.t.id, organizationId: l.t.juniorHighId,
      changes: { party, version: l.t.version, status: { from: l.t.status, to: r.to }, reason: input.reason, returnedOn: today, businessAt: now.toISOString() },
    });
    await notifyFamily(tx, l.t, 'returned', { reason: input.reason });
  });
}

/** R14: the academic exam's outcome per subject, entered by the enrolling school for a filed student. */
export async function setExamResult(deps: AppDeps, rctx: RequestContext, id: number, input: z.infer<typeof examResultBody>) {
  return act(deps, rctx, id, 'transfer.prep', async (tx, l, party, now) => {
    if (party !== 'school') throw new AppError('EARLY_TRANSFER_NOT_YOUR_SEAL', { permission: 'transfer.prep' });
    if (l.t.status !== 'filed') throw new AppError('EARLY_TRANSFER_TRANSITION', { rule: 'R14', reason: '只能为已备案（提前到校学习）的学生登记考试结果' });
    const names = input.subjects.map((s) => s.subject);
    if (new Set(names).size !== names.length) throw new AppError('VALIDATION_FAILED', { subjects: '同一科目只能登记一次' });
    const subjects = input.subjects.map((s) => ({ ...s, passed: s.sat ? s.passed : false }));
    const examResult = { subjects, source: 'entered' as const, updatedAt: now.toISOString() };
    await tx.update(earlyTransfers).set({ examResult, updatedAt: new Date() }).where(eq(earlyTransfers.id, l.t.id));
    await writeAudit(tx, rctx, { action: 'early_transfer.exam_result', objectType: 'early_transfer', objectId: l.t.id, organizationId: l.t.schoolId, changes: { party, subjects, businessAt: now.toISOString() } });
  });
}

/** The register (交接登记): the forms the caller may see, filtered, paginated (indexed by campaign and status). */
export async function listTransfers(deps: AppDeps, actor: Actor, q: z.infer<typeof earlyTransferListQuery>): Promise<{ items: EarlyTransfer[]; total: number; page: number; pageSize: number }> {
  const c = await campaignOfActor(deps, actor, q.campaignId);
  const rows = await queryRows<{ id: number; total: number }>(deps.db, sql`
    select t.id, count(*) over () as total
    from early_transfers t join students s on s.id = t.student_id
    where ${transferScope(actor, 't')}
      ${c ? sql`and t.campaign_id = ${c.id}` : sql``}
      ${q.status ? sql`and t.status = ${q.status}` : sql``}
      ${q.juniorHighId ? sql`and t.junior_high_id = ${q.juniorHighId}` : sql``}
      ${q.schoolId ? sql`and t.school_id = ${q.schoolId}` : sql``}
      ${q.q ? sql`and (s.name like ${`${q.q}%`} or s.exam_no like ${`${q.q}%`})` : sql``}
    order by t.updated_at desc, t.id desc
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  const cache = keyCache();
  const loaded = await loadTransfers(deps.db, rows.map((r) => Number(r.id)));
  const items = await Promise.all(loaded.map((l) => presentTransfer(deps.db, l, cache)));
  return { items, total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
}
