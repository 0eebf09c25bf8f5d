/**
 * The junior high proposes another slot for a requested visit (the school accepts it or
 * cancels). The slot it proposes must itself keep the rules (R9 window, R10 length and
 * protected time, no overlap with an approved visit).
 */
import type { z } from 'zod';
import type { proposeSlotBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { dayIn } from '../../clock';
import type { RequestContext } from '../../audit/write-audit';
import { assertSlot } from './check-slot';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { presentVisit, slotOf, type LoadedVisit } from './queries';
import { loadForStep, updateVisit } from './step';

export type ProposeSlot = z.infer<typeof proposeSlotBody>;

export async function proposeSlot(deps: AppDeps, ctx: RequestContext, id: number, body: ProposeSlot) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await proposeSlotIn(tx, c, id, body)));
}

export async function proposeSlotIn(tx: Tx, ctx: VisitCtx, id: number, body: ProposeSlot): Promise<LoadedVisit> {
  const { v, school, campaign } = await loadForStep(tx, ctx, id, { action: 'propose', part: 'host', permission: 'visit.gate', from: ['requested'] });
  const slot = { date: body.date, start: body.start, end: body.end };
  await assertSlot(tx, { school, juniorHighId: v.juniorHighId, campaign, slot, exceptVisitId: v.id, today: dayIn(ctx.now, ctx.timeZone) });
  const proposed = { ...slot, note: body.note };
  const out = await updateVisit(tx, ctx, id, { status: 'proposed', proposedSlot: proposed });
  await recordVisit(tx, ctx, v, 'propose', { status: { from: v.status, to: 'proposed' }, requested: slotOf(v), proposed });
  return out;
}
