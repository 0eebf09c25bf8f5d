/**
 * The school cancels its visit — requested, proposed, or approved but not yet begun. A
 * cancelled permit reads as revoked at the gate (it no longer admits anyone).
 */
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { presentVisit, type LoadedVisit } from './queries';
import { loadForStep, updateVisit } from './step';

export async function cancelVisit(deps: AppDeps, ctx: RequestContext, id: number) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await cancelVisitIn(tx, c, id)));
}

export async function cancelVisitIn(tx: Tx, ctx: VisitCtx, id: number): Promise<LoadedVisit> {
  const { v } = await loadForStep(tx, ctx, id, { action: 'cancel', part: 'school', permission: 'visit.request', from: ['requested', 'proposed', 'approved'] });
  if (v.checkedInAt) throw new AppError('VISIT_ILLEGAL_TRANSITION', { status: v.status, action: 'cancel', checkedInAt: v.checkedInAt.toISOString() });
  const out = await updateVisit(tx, ctx, id, { status: 'cancelled', proposedSlot: null });
  await recordVisit(tx, ctx, v, 'cancel', { status: { from: v.status, to: 'cancelled' }, ...(v.permitSerial ? { permitSerial: v.permitSerial } : {}) });
  return out;
}
