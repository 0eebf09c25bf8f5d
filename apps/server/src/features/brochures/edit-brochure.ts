/**
 * The school edits a draft (or a returned version, which becomes a draft again): the free
 * sections, sanitised, and/or the R6 facts refreshed from its current records. A version in
 * review or filed is frozen (R7): editing a filed one means `revise`.
 */
import { eq } from 'drizzle-orm';
import { diffBrochure, type BrochureFacts, type BrochureSection } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { brochures } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { gatherFacts } from './facts';
import { sanitizeSections } from './sanitize';
import { loadBrochure, presentDetail, type Loaded } from './queries';
import { loadForStep, recordStep, withNow, type BrochureCtx } from './step';

export type EditInput = { sections?: BrochureSection[]; refreshFacts?: boolean };

export async function editBrochure(deps: AppDeps, ctx: RequestContext, id: number, body: EditInput) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await editBrochureIn(tx, at, id, body)));
}

export async function editBrochureIn(tx: Tx, ctx: BrochureCtx, id: number, body: EditInput): Promise<Loaded> {
  const { b, school } = await loadForStep(tx, ctx, id, 'edit');
  const before = { facts: b.facts as BrochureFacts, sections: b.sections as BrochureSection[] };
  const after = {
    facts: body.refreshFacts ? await gatherFacts(tx, school, b.campaignId) : before.facts,
    sections: body.sections ? sanitizeSections(body.sections) : before.sections,
  };
  const changed = diffBrochure(before, after).map((c) => c.path);
  if (changed.length || b.status !== 'draft') {
    await tx.update(brochures).set({ ...after, status: 'draft', updatedAt: ctx.now }).where(eq(brochures.id, id));
    await recordStep(tx, ctx, b, 'edit', '', { status: { from: b.status, to: 'draft' }, changed, refreshFacts: Boolean(body.refreshFacts) });
  }
  return loadBrochure(tx, id);
}
