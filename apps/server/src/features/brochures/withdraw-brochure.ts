/** The city bureau withdraws a filed version, with a reason: its QR then verifies as withdrawn (R7). */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { brochures } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { loadBrochure, presentDetail, type Loaded } from './queries';
import { loadForStep, recordStep, withNow, type BrochureCtx } from './step';

export async function withdrawBrochure(deps: AppDeps, ctx: RequestContext, id: number, body: { reason: string }) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await withdrawBrochureIn(tx, at, id, body)));
}

export async function withdrawBrochureIn(tx: Tx, ctx: BrochureCtx, id: number, body: { reason: string }): Promise<Loaded> {
  const { b } = await loadForStep(tx, ctx, id, 'withdraw');
  const now = ctx.now;
  await tx.update(brochures).set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now }).where(eq(brochures.id, id));
  await recordStep(tx, ctx, b, 'withdraw', body.reason, { status: { from: b.status, to: 'withdrawn' }, filingNumber: b.filingNumber });
  return loadBrochure(tx, id);
}
