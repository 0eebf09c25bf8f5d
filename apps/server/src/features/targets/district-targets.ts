/**
 * R1: the city bureau sets each district's N_district and N_total per campaign. Every
 * change is a `district_target_changes` row (author, time, reason) and an audit event;
 * the campaign's settings hold the current values.
 */
import { desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client';
import { campaigns, districtTargetChanges } from '../../db/schema';
import { authorize } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { AppDeps } from '../../deps';
import { mergeSettings } from '../campaigns/campaigns';
import { refOf } from '../organizations/queries';
import { loadCampaign, usernames, viewerOf, type Campaign } from './queries';

async function present(db: Queryable, c: Campaign) {
  const history = await db.select().from(districtTargetChanges).where(eq(districtTargetChanges.campaignId, c.campaign.id)).orderBy(desc(districtTargetChanges.id));
  const names = await usernames(db, history.map((h) => h.changedBy));
  return {
    campaignId: c.campaign.id, districtId: c.district.id, districtName: c.district.name, year: c.campaign.year,
    nDistrict: c.settings.nDistrict, nTotal: c.settings.nTotal,
    history: history.map((h) => ({ nDistrict: h.nDistrict, nTotal: h.nTotal, reason: h.reason, changedBy: h.changedBy === null ? null : (names.get(h.changedBy) ?? null), changedAt: h.changedAt.toISOString() })),
  };
}

/** The district's own targets and their history: its bureau, its schools and the city read them. */
export async function getDistrictTargets(db: Queryable, ctx: RequestContext, campaignId: number) {
  const c = await loadCampaign(db, campaignId);
  viewerOf(ctx.actor!, c);
  return present(db, c);
}

export async function setDistrictTargets(deps: AppDeps, ctx: RequestContext, campaignId: number, body: { nDistrict: number; nTotal: number; reason: string }) {
  return deps.db.transaction(async (tx) => {
    const c = await setDistrictTargetsIn(tx, ctx, campaignId, body);
    return present(tx, c);
  });
}

/**
 * Sets the targets inside the caller's transaction (the demo seed uses it too). A city
 * re-issuing the same numbers is still recorded: issuing targets is an act with a reason.
 */
export async function setDistrictTargetsIn(tx: Tx, ctx: RequestContext, campaignId: number, body: { nDistrict: number; nTotal: number; reason: string }): Promise<Campaign> {
  const c = await loadCampaign(tx, campaignId, { lock: true });
  authorize(ctx.actor!, 'targets.district.write', refOf(c.district));
  const settings = mergeSettings(c.campaign.year, c.settings, { nDistrict: body.nDistrict, nTotal: body.nTotal });
  await tx.update(campaigns).set({ settings, updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
  await tx.insert(districtTargetChanges).values({ campaignId, nDistrict: body.nDistrict, nTotal: body.nTotal, reason: body.reason, changedBy: ctx.actor!.userId });
  await writeAudit(tx, ctx, {
    action: 'targets.district_set',
    objectType: 'campaign',
    objectId: campaignId,
    changes: { nDistrict: { from: c.settings.nDistrict, to: body.nDistrict }, nTotal: { from: c.settings.nTotal, to: body.nTotal }, reason: body.reason },
    organizationId: c.district.id,
  });
  return { ...c, settings };
}
