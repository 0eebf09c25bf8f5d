/**
 * The district bureau revokes a permit (R19). Nothing is cached: the next verification of its
 * code reads the revocation, so it shows at the gate at once.
 */
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../audit/write-audit';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { presentVisit, type LoadedVisit } from './queries';
import { loadForStep, updateVisit } from './step';

export async function revokePermit(deps: AppDeps, ctx: RequestContext, id: number, reason: string) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await revokePermitIn(tx, c, id, reason)));
}

export async function revokePermitIn(tx: Tx, ctx: VisitCtx, id: number, reason: string): Promise<LoadedVisit> {
  const { v } = await loadForStep(tx, ctx, id, { action: 'revoke', part: 'approver', permission: 'visit.approve', from: ['approved'] });
  const out = await updateVisit(tx, ctx, id, { status: 'revoked', revokedAt: ctx.now, revokeReason: reason });
  await recordVisit(tx, ctx, v, 'revoke', { status: { from: 'approved', to: 'revoked' }, permitSerial: v.permitSerial, reason });
  return out;
}
