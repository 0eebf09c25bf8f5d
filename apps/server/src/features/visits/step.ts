/**
 * What every step on an existing visit shares: load and lock the row, check that the caller
 * sees the visit and plays the step's part (school, host junior high, approving district),
 * then that the visit's state allows the step — in that order, so a stranger always reads 403.
 */
import { eq } from 'drizzle-orm';
import type { Permission } from '@zhizhao/contracts';
import type { Tx } from '../../db/client';
import { visits } from '../../db/schema';
import { authorizeVisit, type VisitPart } from '../../auth/visit-policy';
import { AppError } from '../../errors';
import type { VisitCtx } from './context';
import { loadVisit, refOfVisit, type LoadedVisit, type VisitRow, type VisitStatus } from './queries';

export type Step = { action: string; part: VisitPart; permission: Permission; from: VisitStatus[] };

export async function loadForStep(tx: Tx, ctx: VisitCtx, id: number, step: Step): Promise<LoadedVisit> {
  const loaded = await loadVisit(tx, id, { lock: true });
  authorizeVisit(ctx.actor!, refOfVisit(loaded), step.part, step.permission);
  if (!step.from.includes(loaded.v.status as VisitStatus)) throw new AppError('VISIT_ILLEGAL_TRANSITION', { status: loaded.v.status, action: step.action, allowedFrom: step.from });
  return loaded;
}

/** Writes the step's changes (with the business time) and answers the reloaded visit. */
export async function updateVisit(tx: Tx, ctx: VisitCtx, id: number, set: Partial<VisitRow>): Promise<LoadedVisit> {
  await tx.update(visits).set({ ...set, updatedAt: ctx.now }).where(eq(visits.id, id));
  return loadVisit(tx, id);
}
