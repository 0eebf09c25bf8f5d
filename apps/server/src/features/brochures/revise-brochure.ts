/**
 * Editing a frozen version (approved, filed or withdrawn) starts the next version as a draft
 * with the same content (R7): it goes through review again, and the public keeps seeing the
 * filed version until the new one is filed. Only the latest version can be revised.
 */
import { reviewerOf } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { brochures } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { latestVersion, loadBrochure, presentDetail, type Loaded } from './queries';
import { loadForStep, recordStep, withNow, type BrochureCtx } from './step';

export async function reviseBrochure(deps: AppDeps, ctx: RequestContext, id: number) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await reviseBrochureIn(tx, at, id)));
}

export async function reviseBrochureIn(tx: Tx, ctx: BrochureCtx, id: number): Promise<Loaded> {
  const { b, school } = await loadForStep(tx, ctx, id, 'revise');
  const latest = await latestVersion(tx, b.organizationId, b.campaignId);
  if (latest !== b.version) throw new AppError('BROCHURE_NOT_LATEST', { rule: 'R7', latestVersion: latest });
  const [row] = await tx
    .insert(brochures)
    .values({
      organizationId: b.organizationId, campaignId: b.campaignId, version: b.version + 1, status: 'draft',
      reviewerKind: reviewerOf((school.runBy ?? 'city') as 'district' | 'city'), facts: b.facts, sections: b.sections, comments: [], createdAt: ctx.now, updatedAt: ctx.now,
    })
    .returning();
  await recordStep(tx, ctx, row!, 'revise', `基于第 ${b.version} 版${b.filingNumber ? `（${b.filingNumber}）` : ''}`, { status: { from: null, to: 'draft' }, basedOn: { id: b.id, version: b.version, status: b.status } });
  return loadBrochure(tx, row!.id);
}
