/** Campaigns: one per district and year, holding the plan's settings (defaults from the domain). */
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { checkCampaignSettings, defaultCampaignSettings, withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { campaigns, districtTargetChanges, organizations } from '../../db/schema';
import { authorize, authorizeInDistrict, type Actor } from '../../auth/policy';
import { districtScope } from '../../auth/scope-sql';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { getOrg, refOf } from '../organizations/queries';

type CampaignRow = typeof campaigns.$inferSelect;

function present(c: CampaignRow, districtName: string) {
  return { id: c.id, districtId: c.districtId, districtName, year: c.year, name: c.name, settings: withSettingDefaults(c.settings as CampaignSettings), updatedAt: c.updatedAt.toISOString() };
}

export async function listCampaigns(db: Queryable, actor: Actor, f: { districtId?: number; year?: number; page: number; pageSize: number }) {
  const conditions: Array<SQL | undefined> = [districtScope(actor, campaigns.districtId)];
  if (f.districtId) conditions.push(eq(campaigns.districtId, f.districtId));
  if (f.year) conditions.push(eq(campaigns.year, f.year));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db.select({ c: campaigns, districtName: organizations.name }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(where).orderBy(desc(campaigns.year), asc(organizations.code)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { items: rows.map((r) => present(r.c, r.districtName)), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}

export async function getCampaign(db: Queryable, actor: Actor, id: number) {
  const [row] = await db.select({ c: campaigns, district: organizations }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(eq(campaigns.id, id));
  if (!row) throw new AppError('NOT_FOUND', { campaignId: id });
  authorizeInDistrict(actor, 'campaign.read', refOf(row.district));
  return present(row.c, row.district.name);
}

/** The campaign of a district for a year, if any (dashboards, later features). */
export async function campaignFor(db: Queryable, districtId: number, year: number) {
  const [row] = await db.select({ c: campaigns, districtName: organizations.name }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(and(eq(campaigns.districtId, districtId), eq(campaigns.year, year)));
  return row ? present(row.c, row.districtName) : null;
}

export function mergeSettings(year: number, base: CampaignSettings, patch: Partial<CampaignSettings> | undefined): CampaignSettings {
  const merged = { ...base, ...(patch ?? {}) } as CampaignSettings;
  const problems = checkCampaignSettings(year, merged);
  if (problems.length) throw new AppError('CAMPAIGN_SETTINGS_INVALID', { problems });
  return merged;
}

/**
 * R1: N_district and N_total are the city bureau's to set. Any other actor whose settings
 * would change them is refused, naming the rule (TARGETS_SET_BY_CITY).
 */
function checkCityTargets(actor: Actor, before: CampaignSettings, after: CampaignSettings) {
  const changed = (['nDistrict', 'nTotal'] as const).filter((k) => before[k] !== after[k]);
  if (changed.length && actor.orgKind !== 'city_bureau') throw new AppError('TARGETS_SET_BY_CITY', { fields: changed, rule: 'R1' });
  // The city's other settings: the share every district is measured against (R12) and the
  // numbers of the city's own filings (R7). A district never weakens a check the city sets.
  const b = withSettingDefaults(before);
  const a = withSettingDefaults(after);
  const city = ([['vocationalRatio', 'R12'], ['filingNumberPattern', 'R7']] as const).filter(([k]) => b[k] !== a[k]);
  if (city.length && actor.orgKind !== 'city_bureau') throw new AppError('CAMPAIGN_SETTING_SET_BY_CITY', { fields: city.map(([k]) => k), rules: city.map(([, r]) => r) });
  return changed.length > 0;
}

export async function createCampaign(deps: AppDeps, ctx: RequestContext, body: { districtId: number; year: number; name?: string; settings?: Partial<CampaignSettings> }) {
  return deps.db.transaction(async (tx) => {
    const district = await getOrg(tx, body.districtId);
    if (district.kind !== 'district_bureau') throw new AppError('NOT_FOUND', { districtId: body.districtId, expected: 'district_bureau' });
    authorize(ctx.actor!, 'campaign.write', refOf(district));
    const [exists] = await tx.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.districtId, district.id), eq(campaigns.year, body.year)));
    if (exists) throw new AppError('CAMPAIGN_EXISTS', { campaignId: exists.id });
    const settings = mergeSettings(body.year, defaultCampaignSettings(body.year), body.settings);
    checkCityTargets(ctx.actor!, defaultCampaignSettings(body.year), settings);
    const name = body.name ?? `${district.name}${body.year}年中职招生活动`;
    const [row] = await tx.insert(campaigns).values({ districtId: district.id, year: body.year, name, settings }).returning();
    await writeAudit(tx, ctx, { action: 'campaign.create', objectType: 'campaign', objectId: row!.id, changes: { year: body.year, name, settings }, organizationId: district.id });
    return present(row!, district.name);
  });
}

export async function updateCampaign(deps: AppDeps, ctx: RequestContext, id: number, body: { name?: string; settings?: Partial<CampaignSettings>; reason: string }) {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
    if (!before) throw new AppError('NOT_FOUND', { campaignId: id });
    const district = await getOrg(tx, before.districtId);
    authorize(ctx.actor!, 'campaign.write', refOf(district));
    const settings = mergeSettings(before.year, before.settings as CampaignSettings, body.settings);
    const targetsChanged = checkCityTargets(ctx.actor!, before.settings as CampaignSettings, settings);
    const changes = { ...diff(before.settings as CampaignSettings, settings), ...(body.name ? diff(before, { name: body.name }) : {}) };
    if (!Object.keys(changes).length) return present(before, district.name);
    const [row] = await tx.update(campaigns).set({ settings, name: body.name ?? before.name, updatedAt: new Date() }).where(eq(campaigns.id, id)).returning();
    // R1: a change of the district's targets keeps its author, time and reason in their own history too.
    if (targetsChanged) await tx.insert(districtTargetChanges).values({ campaignId: id, nDistrict: settings.nDistrict, nTotal: settings.nTotal, reason: body.reason, changedBy: ctx.actor!.userId });
    await writeAudit(tx, ctx, { action: 'campaign.update', objectType: 'campaign', objectId: id, changes: { ...changes, reason: body.reason }, organizationId: district.id });
    return present(row!, district.name);
  });
}
