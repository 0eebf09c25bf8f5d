/**
 * The school accepts the slot the junior high proposed: the visit is requested again, at the
 * new time, and waits for the district's approval. Re-checked, since time has passed.
 */
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { dayIn } from '../../clock';
import type { RequestContext } from '../../audit/write-audit';
import { assertSlot } from './check-slot';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { presentVisit, slotOf, type LoadedVisit, type ProposedSlot } from './queries';
import { loadForStep, updateVisit } from './step';

export async function acceptProposal(deps: AppDeps, ctx: RequestContext, id: number) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await acceptProposalIn(tx, c, id)));
}

export async function acceptProposalIn(tx: Tx, ctx: VisitCtx, id: number): Promise<LoadedVisit> {
  const { v, school, campaign } = await loadForStep(tx, ctx, id, { action: 'accept_proposal', part: 'school', permission: 'visit.request', from: ['proposed'] });
  const p = v.proposedSlot as ProposedSlot;
  const slot = { date: p.date, start: p.start, end: p.end };
  const brochureId = await assertSlot(tx, { school, juniorHighId: v.juniorHighId, campaign, slot, exceptVisitId: v.id, today: dayIn(ctx.now, ctx.timeZone) });
  const out = await updateVisit(tx, ctx, id, { status: 'requested', ...slot, proposedSlot: null, brochureId });
  await recordVisit(tx, ctx, v, 'accept_proposal', { status: { from: 'proposed', to: 'requested' }, slot: { from: slotOf(v), to: slot }, ...(brochureId !== v.brochureId ? { brochureId: { from: v.brochureId, to: brochureId } } : {}) });
  return out;
}
