/**
 * The junior high checks the visitors in at the gate: only an approved, unrevoked visit, on
 * its day and within its slot (from 30 minutes early, as the gate shows it valid), never in
 * the future. `at` lets the clerk record the arrival a little later.
 */
import { gateStatus } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { presentVisit, slotOf, type LoadedVisit } from './queries';
import { loadForStep, updateVisit } from './step';

/** A clerk's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 2 * 60_000;

export function whenOf(ctx: VisitCtx, at: string | undefined): Date {
  const when = at ? new Date(at) : ctx.now;
  if (when.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) throw new AppError('VISIT_CHECK_TIME', { rule: 'R10', reason: 'future', at: when.toISOString(), now: ctx.now.toISOString() });
  return when;
}

export async function checkInVisit(deps: AppDeps, ctx: RequestContext, id: number, at?: string) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await checkInVisitIn(tx, c, id, at)));
}

export async function checkInVisitIn(tx: Tx, ctx: VisitCtx, id: number, at?: string): Promise<LoadedVisit> {
  const { v } = await loadForStep(tx, ctx, id, { action: 'check_in', part: 'host', permission: 'visit.gate', from: ['approved'] });
  if (v.checkedInAt) throw new AppError('VISIT_ILLEGAL_TRANSITION', { status: v.status, action: 'check_in', checkedInAt: v.checkedInAt.toISOString() });
  const when = whenOf(ctx, at);
  const gate = gateStatus({ ...slotOf(v), juniorHighId: v.juniorHighId, revoked: false }, when, { timeZone: ctx.timeZone });
  if (gate.status !== 'valid') throw new AppError('VISIT_CHECK_TIME', { rule: 'R10', reason: gate.reason, at: when.toISOString(), slot: slotOf(v) });
  const out = await updateVisit(tx, ctx, id, { checkedInAt: when });
  await recordVisit(tx, ctx, v, 'check_in', { checkedInAt: when.toISOString(), permitSerial: v.permitSerial });
  return out;
}
