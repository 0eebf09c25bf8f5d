/**
 * A school starts its brochure for a campaign: version 1, a draft whose R6 facts come from
 * the school's records and whose free sections start empty. Later versions come from
 * `revise` (a filed version is frozen), so a second create is refused.
 */
import { eq } from 'drizzle-orm';
import { reviewerOf } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { brochures, organizations } from '../../db/schema';
import { isOwnSchool } from '../../auth/brochure-policy';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { vocationalSchool } from '../majors/queries';
import { loadCampaign } from '../majors/planned-seats';
import { gatherFacts } from './facts';
import { defaultSections } from './sanitize';
import { latestVersion, loadBrochure, presentDetail, type Loaded } from './queries';
import { recordStep, withNow, type BrochureCtx } from './step';

export async function createBrochure(deps: AppDeps, ctx: RequestContext, body: { campaignId: number; organizationId: number }) {
  const at = await withNow(deps, ctx);
  return deps.db.transaction(async (tx) => presentDetail(tx, ctx.actor!, await createBrochureIn(tx, at, body)));
}

export async function createBrochureIn(tx: Tx, ctx: BrochureCtx, body: { campaignId: number; organizationId: number }): Promise<Loaded> {
  const school = await vocationalSchool(tx, body.organizationId);
  if (!isOwnSchool(ctx.actor!, school)) throw new AppError('FORBIDDEN', { permission: 'brochure.edit' });
  // The school's row orders two clicks on "create": one version 1, not a unique-index error.
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, school.id)).for('update');
  const { campaign } = await loadCampaign(tx, body.campaignId);
  if (campaign.districtId !== school.districtId) throw new AppError('BROCHURE_CAMPAIGN_MISMATCH', { campaignId: campaign.id, districtId: school.districtId });
  const existing = await latestVersion(tx, school.id, campaign.id);
  if (existing) throw new AppError('BROCHURE_EXISTS', { version: existing });
  const facts = await gatherFacts(tx, school, campaign.id);
  const [row] = await tx
    .insert(brochures)
    .values({ organizationId: school.id, campaignId: campaign.id, version: 1, status: 'draft', reviewerKind: reviewerOf((school.runBy ?? 'city') as 'district' | 'city'), facts, sections: defaultSections, comments: [], createdAt: ctx.now, updatedAt: ctx.now })
    .returning();
  await recordStep(tx, ctx, row!, 'create', '', { status: { from: null, to: 'draft' }, campaignId: campaign.id, reviewerKind: row!.reviewerKind });
  return loadBrochure(tx, row!.id);
}
