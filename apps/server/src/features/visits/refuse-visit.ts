/** The district bureau refuses a request, with a reason the school reads (R19). */
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../audit/write-audit';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { presentVisit, type LoadedVisit } from './queries';
import { loadForStep, updateVisit } from './step';

export async function refuseVisit(deps: AppDeps, ctx: RequestContext, id: number, reason: string) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await refuseVisitIn(tx, c, id, reason)));
}

export async function refuseVisitIn(tx: Tx, ctx: VisitCtx, id: number, reason: string): Promise<LoadedVisit> {
  const { v } = await loadForStep(tx, ctx, id, { action: 'refuse', part: 'approver', permission: 'visit.approve', from: ['requested', 'proposed'] });
  const out = await updateVisit(tx, ctx, id, { status: 'refused', refusalReason: reason, proposedSlot: null });
  await recordVisit(tx, ctx, v, 'refuse', { status: { from: v.status, to: 'refused' }, reason });
  return out;
}
