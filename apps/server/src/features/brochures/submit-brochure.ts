/**
 * The school submits a version for review, confirming the facts shown (R6). Refused when the
 * school is not on this year's provincial list (R4) or a mandatory fact is missing (R6).
 */
import { eq } from 'drizzle-orm';
import { checkMandatoryFacts, type BrochureFacts } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { brochures } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { assertQualified } from '../qualifications/qualifications';
import { loadBrochure, presentDetail, type Loaded } from './queries';
import { loadForStep, recordStep, withNow, type BrochureCtx } from './step';

export async function submitBrochure(deps: AppDeps, ctx: RequestContext, id: number) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await submitBrochureIn(tx, at, id)));
}

export async function submitBrochureIn(tx: Tx, ctx: BrochureCtx, id: number): Promise<Loaded> {
  const { b, school, campaign } = await loadForStep(tx, ctx, id, 'submit');
  await assertQualified(tx, school, campaign.year);
  const missing = checkMandatoryFacts(b.facts as BrochureFacts);
  if (missing.length) throw new AppError('BROCHURE_FACTS_MISSING', { rule: 'R6', missing });
  await tx.update(brochures).set({ status: 'submitted', submittedAt: ctx.now, updatedAt: ctx.now }).where(eq(brochures.id, id));
  await recordStep(tx, ctx, b, 'submit', '', { status: { from: b.status, to: 'submitted' }, factsConfirmed: true });
  return loadBrochure(tx, id);
}
