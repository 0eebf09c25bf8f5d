/**
 * The campaign a bureau's request is about: the one named, or by default the campaign of the
 * actor's district for the business clock's year (a district bureau, a school; the city must
 * name one or sees all of its districts' where a route allows that).
 */
import { and, eq } from 'drizzle-orm';
import type { OrgKind } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { campaigns, organizations } from '../../db/schema';
import type { Actor, OrgRef } from '../../auth/policy';
import { AppError } from '../../errors';

export type CampaignWithDistrict = { id: number; districtId: number; year: number; name: string; settings: unknown; district: OrgRef & { name: string } };

async function load(db: Queryable, where: ReturnType<typeof eq>): Promise<CampaignWithDistrict | null> {
  const [r] = await db
    .select({ c: { id: campaigns.id, districtId: campaigns.districtId, year: campaigns.year, name: campaigns.name, settings: campaigns.settings }, d: { id: organizations.id, kind: organizations.kind, districtId: organizations.districtId, cityId: organizations.cityId, name: organizations.name } })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.districtId))
    .where(where);
  return r ? { ...r.c, district: { ...r.d, kind: r.d.kind as OrgKind } } : null;
}

export async function campaignById(db: Queryable, id: number): Promise<CampaignWithDistrict> {
  const c = await load(db, eq(campaigns.id, id));
  if (!c) throw new AppError('NOT_FOUND', { campaignId: id });
  return c;
}

/** The named campaign, or the actor's district's campaign of the business year (null for the city without one named). */
export async function campaignOfActor(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<CampaignWithDistrict | null> {
  if (campaignId) return campaignById(deps.db, campaignId);
  if (actor.districtId === null) return null;
  const year = Number((await deps.clock()).today.slice(0, 4));
  const c = await load(deps.db, and(eq(campaigns.districtId, actor.districtId), eq(campaigns.year, year)) as ReturnType<typeof eq>);
  if (!c) throw new AppError('NOT_FOUND', { districtId: actor.districtId, year });
  return c;
}
