/**
 * The campaign a live-picture request is about, and who may read it. Without `campaignId` the
 * caller's current campaign: its district's campaign of the business clock's year; for a
 * city-level caller the first district of its city (by code) that has a campaign that year —
 * the city page (`/api/applications/city`) is where a city compares its districts.
 */
import { and, asc, eq } from 'drizzle-orm';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { campaigns, organizations } from '../../db/schema';
import { scopeOf, type Actor, type OrgRef } from '../../auth/policy';
import { canSummarize } from '../../auth/student-policy';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';

export type CampaignRow = typeof campaigns.$inferSelect;
export type LoadedCampaign = { c: CampaignRow; settings: ReturnType<typeof withSettingDefaults<CampaignSettings>>; district: OrgRef; districtName: string };

export async function loadCampaign(db: Queryable, id: number): Promise<LoadedCampaign> {
  const [row] = await db.select({ c: campaigns, district: organizations }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(eq(campaigns.id, id));
  if (!row) throw new AppError('NOT_FOUND', { campaignId: id });
  return { c: row.c, settings: withSettingDefaults(row.c.settings as CampaignSettings), district: refOf(row.district), districtName: row.district.name };
}

/** The campaign asked for, or the caller's current one (see the header). */
export async function currentCampaign(db: Queryable, actor: Actor, year: number, campaignId: number | undefined): Promise<LoadedCampaign> {
  if (campaignId) return loadCampaign(db, campaignId);
  const scope = scopeOf(actor);
  const where =
    scope.kind === 'city'
      ? and(eq(campaigns.year, year), eq(organizations.cityId, scope.cityId))
      : and(eq(campaigns.year, year), eq(campaigns.districtId, actor.districtId ?? -1));
  const [row] = await db.select({ id: campaigns.id }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(where).orderBy(asc(organizations.code)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', { campaign: 'none for this year', year });
  return loadCampaign(db, row.id);
}

/** The live picture: the campaign's bureaus, and a junior high of the district for its own row (canSummarize). */
export function authorizeSummary(actor: Actor, c: LoadedCampaign, opts: { bureausOnly: boolean }): void {
  if (!canSummarize(actor, c.district)) throw new AppError('FORBIDDEN', { permission: 'application.summary' });
  if (opts.bureausOnly && actor.orgKind === 'junior_high') throw new AppError('FORBIDDEN', { permission: 'application.summary', reason: 'bureaus only; a junior high reads its own row in /api/applications/overview' });
}

export const isBureau = (actor: Actor) => actor.orgKind === 'district_bureau' || actor.orgKind === 'city_bureau';
