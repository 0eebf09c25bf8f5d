/**
 * The reviewing bureau's decision (R7: the district bureau for a district-run school, the city
 * bureau for a city-run one): return with comments per section ('facts' for the mandatory
 * facts), or approve for filing.
 */
import { eq } from 'drizzle-orm';
import type { BrochureSection } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { brochures } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { loadBrochure, presentDetail, type Loaded } from './queries';
import { loadForStep, recordStep, withNow, type BrochureCtx } from './step';

export type ReturnInput = { summary: string; comments: Array<{ sectionKey: string; comment: string }> };

export async function returnBrochure(deps: AppDeps, ctx: RequestContext, id: number, body: ReturnInput) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await returnBrochureIn(tx, at, id, body)));
}

export async function returnBrochureIn(tx: Tx, ctx: BrochureCtx, id: number, body: ReturnInput): Promise<Loaded> {
  const { b } = await loadForStep(tx, ctx, id, 'return');
  const keys = new Set(['facts', ...(b.sections as BrochureSection[]).map((s) => s.key)]);
  const unknown = body.comments.filter((c) => !keys.has(c.sectionKey)).map((c) => c.sectionKey);
  if (unknown.length) throw new AppError('BROCHURE_UNKNOWN_SECTION', { sectionKeys: unknown, known: [...keys] });
  const now = ctx.now;
  await tx.update(brochures).set({ status: 'returned', comments: body.comments, reviewedAt: now, updatedAt: now }).where(eq(brochures.id, id));
  await recordStep(tx, ctx, b, 'return', body.summary, { status: { from: b.status, to: 'returned' }, comments: body.comments });
  return loadBrochure(tx, id);
}

export async function approveBrochure(deps: AppDeps, ctx: RequestContext, id: number, body: { comment: string }) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await approveBrochureIn(tx, at, id, body)));
}

export async function approveBrochureIn(tx: Tx, ctx: BrochureCtx, id: number, body: { comment: string }): Promise<Loaded> {
  const { b } = await loadForStep(tx, ctx, id, 'approve');
  const now = ctx.now;
  await tx.update(brochures).set({ status: 'approved', comments: [], reviewedAt: now, updatedAt: now }).where(eq(brochures.id, id));
  await recordStep(tx, ctx, b, 'approve', body.comment, { status: { from: b.status, to: 'approved' } });
  return loadBrochure(tx, id);
}
