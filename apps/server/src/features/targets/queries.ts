/**
 * Loading what the targets use cases work on: the campaign with its district, the
 * district's junior highs, graduates, versions and their rows. Plain `fn(db, …)` queries.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CampaignSettings } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { campaigns, graduates, organizations, targetRows, targetVersions, users } from '../../db/schema';
import { authorizeInDistrict, type Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { getOrg, refOf, type OrgRow } from '../organizations/queries';

export type CampaignRow = typeof campaigns.$inferSelect;
export type VersionRow = typeof targetVersions.$inferSelect;
export type Campaign = { campaign: CampaignRow; settings: CampaignSettings; district: OrgRow };
export type School = { id: number; code: string; name: string };
export type VersionStatus = 'draft' | 'published' | 'superseded' | 'discarded';

/** The campaign and its district. `lock`: hold the campaign row, so targets writes of one campaign take turns. */
export async function loadCampaign(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<Campaign> {
  const query = db.select().from(campaigns).where(eq(campaigns.id, id));
  const [campaign] = opts.lock ? await query.for('update') : await query;
  if (!campaign) throw new AppError('NOT_FOUND', { campaignId: id });
  return { campaign, settings: campaign.settings as CampaignSettings, district: await getOrg(db, campaign.districtId) };
}

/**
 * Who reads the campaign's targets, and so how much they see (issue 3 §5): the bureau
 * (district or city) everything, the district's vocational schools the published table,
 * a junior high only its own row. Another district's actor is refused (403).
 */
export type Viewer = 'bureau' | 'vocational' | 'junior_high';

export function viewerOf(actor: Actor, c: Campaign): Viewer {
  authorizeInDistrict(actor, 'targets.read', refOf(c.district));
  if (actor.orgKind === 'junior_high') return 'junior_high';
  if (actor.orgKind === 'vocational_school') return 'vocational';
  return 'bureau';
}

/** The district's active junior highs, by code. */
export async function juniorHighs(db: Queryable, districtId: number): Promise<School[]> {
  return db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.districtId, districtId), eq(organizations.kind, 'junior_high'), eq(organizations.active, true)))
    .orderBy(asc(organizations.code));
}

export async function graduatesOf(db: Queryable, campaignId: number) {
  const rows = await db.select().from(graduates).where(eq(graduates.campaignId, campaignId));
  return new Map(rows.map((r) => [r.organizationId, r]));
}

export async function versionWithStatus(db: Queryable, campaignId: number, status: 'draft' | 'published', opts: { lock?: boolean } = {}): Promise<VersionRow | null> {
  const query = db.select().from(targetVersions).where(and(eq(targetVersions.campaignId, campaignId), eq(targetVersions.status, status)));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function versionByNumber(db: Queryable, campaignId: number, number: number): Promise<VersionRow> {
  const [row] = await db.select().from(targetVersions).where(and(eq(targetVersions.campaignId, campaignId), eq(targetVersions.number, number)));
  if (!row) throw new AppError('NOT_FOUND', { campaignId, version: number });
  return row;
}

export async function allVersions(db: Queryable, campaignId: number): Promise<VersionRow[]> {
  return db.select().from(targetVersions).where(eq(targetVersions.campaignId, campaignId)).orderBy(desc(targetVersions.number));
}

export type RowWithSchool = typeof targetRows.$inferSelect & { code: string; name: string };

/** A version's rows with their school's code and name, by code. */
export async function rowsOf(db: Queryable, versionIds: number | number[]): Promise<RowWithSchool[]> {
  const ids = [versionIds].flat();
  if (!ids.length) return [];
  const rows = await db
    .select({ row: targetRows, code: organizations.code, name: organizations.name })
    .from(targetRows)
    .innerJoin(organizations, eq(organizations.id, targetRows.organizationId))
    .where(inArray(targetRows.versionId, ids))
    .orderBy(asc(organizations.code));
  return rows.map((r) => ({ ...r.row, code: r.code, name: r.name }));
}

/** Usernames by user id (authors of versions, changes and adjustments). */
export async function usernames(db: Queryable, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.username]));
}
