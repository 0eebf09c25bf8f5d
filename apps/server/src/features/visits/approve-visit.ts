/**
 * The district bureau approves a visit and issues its permit (R19: the bureau's written
 * approval with its official seal): a serial number, and a code signed with the district
 * bureau's Ed25519 key over the canonical payload
 *   { t: 'permit', k: kid, id: visit, n: serial, s: school code, j: junior high code, d: date, from, to }
 * that the QR of the printed permit carries.
 *
 * Concurrency (STACK.md pitfall 8). Requests may overlap each other; approval must not. The
 * rules are re-checked after `SELECT … FOR UPDATE` on the junior high's row, so approvals at
 * one junior high take turns and each sees the ones committed before it (READ COMMITTED takes a
 * new snapshot per statement). The serial is then drawn under a transaction-scoped advisory
 * lock per campaign; permits are never deleted, so the count of issued permits + 1 is gapless,
 * and the unique index on (campaign, permit_serial) backs it. Lock order: visit → junior high → campaign
 * serial → the bureau's key row → audit head, the same in every approval.
 */
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { formatFilingNumber } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { dayIn } from '../../clock';
import { organizations, visits } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { signCode } from '../../signing/codes';
import { assertSlot } from './check-slot';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import type { PermitFacts } from './queries';
import { presentVisit, slotOf, type LoadedVisit } from './queries';
import { loadForStep, updateVisit } from './step';

/**
 * The permit's serial, numbered per campaign like a bureau's outgoing documents:
 * 示区教宣许〔2027〕0001号 — the district's short name (示例区 → 示区, 示例北区 → 示北区), 教宣许
 * (education · publicity · permit), the year and the sequence.
 */
export function permitSerial(districtName: string, year: number, seq: number): string {
  const n = districtName.replace(/教育局$/, '');
  const short = n.length <= 2 ? n : n.length === 3 ? `${n[0]}${n[2]}` : `${n[0]}${n.slice(-2)}`;
  return formatFilingNumber(`${short}教宣许〔{year}〕{seq:4}号`, year, seq);
}

/** Advisory-lock namespace of the permit sequence ("zz" + 5). */
const PERMIT_LOCK = 0x7a7a05;

export async function approveVisit(deps: AppDeps, ctx: RequestContext, id: number) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await approveVisitIn(tx, c, id)));
}

export async function approveVisitIn(tx: Tx, ctx: VisitCtx, id: number): Promise<LoadedVisit> {
  const { v, school, jh, campaign, district } = await loadForStep(tx, ctx, id, { action: 'approve', part: 'approver', permission: 'visit.approve', from: ['requested'] });
  // One approval at a time per junior high: the overlap check below sees every approval committed before.
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, v.juniorHighId)).for('update');
  const brochureId = await assertSlot(tx, { school, juniorHighId: v.juniorHighId, campaign, slot: slotOf(v), exceptVisitId: v.id, today: dayIn(ctx.now, ctx.timeZone) });

  await tx.execute(sql`select pg_advisory_xact_lock(${PERMIT_LOCK}::int, ${campaign.id}::int)`);
  const [issued] = await tx.select({ n: count() }).from(visits).where(and(eq(visits.campaignId, campaign.id), isNotNull(visits.permitSerial)));
  const seq = Number(issued!.n) + 1;
  const serial = permitSerial(district.name, campaign.year, seq);
  const permitCode = await signCode(tx, ctx, campaign.districtId, { t: 'permit', id: v.id, n: serial, s: school.code, j: jh.code, d: v.date, from: v.start, to: v.end }, ctx.keySecret);

  const permitFacts: PermitFacts = { school: school.name, juniorHigh: jh.name, issuer: district.name };
  const out = await updateVisit(tx, ctx, id, { status: 'approved', permitSerial: serial, permitCode, permitFacts, approvedBy: ctx.actor!.userId, approvedAt: ctx.now, brochureId });
  await recordVisit(tx, ctx, v, 'approve', {
    status: { from: 'requested', to: 'approved' }, permitSerial: serial, ...slotOf(v), school: school.code, juniorHigh: jh.code,
    ...(brochureId !== v.brochureId ? { brochureId: { from: v.brochureId, to: brochureId } } : {}),
  });
  return out;
}
