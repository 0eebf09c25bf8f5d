/**
 * The city's page (R1, R12): every district of the actor's city for a year — the targets
 * the city set (N_district, N_total), the district's graduates, and its published split
 * (total, date, share of graduates against the campaign's ratio). City-level actors only.
 */
import { and, asc, eq, inArray, sum } from 'drizzle-orm';
import { districtRatio, type CampaignSettings } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { campaigns, graduates, organizations, targetRows, targetVersions } from '../../db/schema';
import { scopeOf } from '../../auth/policy';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';

export async function cityTargets(db: Queryable, ctx: RequestContext, year: number) {
  const scope = scopeOf(ctx.actor!);
  if (scope.kind !== 'city') throw new AppError('FORBIDDEN', { permission: 'targets.read', reason: 'the city page is for city-level users' });
  const districts = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.kind, 'district_bureau'), eq(organizations.cityId, scope.cityId), eq(organizations.active, true)))
    .orderBy(asc(organizations.code));
  const ids = districts.map((d) => d.id);
  const camps = ids.length ? await db.select().from(campaigns).where(and(inArray(campaigns.districtId, ids), eq(campaigns.year, year))) : [];
  const campaignIds = camps.map((c) => c.id);
  // Graduates of the district's active junior highs, as the split counts them.
  const grads = campaignIds.length
    ? await db
        .select({ campaignId: graduates.campaignId, n: sum(graduates.count).mapWith(Number) })
        .from(graduates)
        .innerJoin(organizations, eq(organizations.id, graduates.organizationId))
        .where(and(inArray(graduates.campaignId, campaignIds), eq(organizations.active, true)))
        .groupBy(graduates.campaignId)
    : [];
  const published = campaignIds.length
    ? await db
        .select({ campaignId: targetVersions.campaignId, publishedAt: targetVersions.publishedAt, graduates: sum(targetRows.graduates).mapWith(Number), targets: sum(targetRows.target).mapWith(Number) })
        .from(targetVersions)
        .innerJoin(targetRows, eq(targetRows.versionId, targetVersions.id))
        .where(and(inArray(targetVersions.campaignId, campaignIds), eq(targetVersions.status, 'published')))
        .groupBy(targetVersions.campaignId, targetVersions.publishedAt)
    : [];
  return {
    year,
    districts: districts.map((d) => {
      const c = camps.find((x) => x.districtId === d.id);
      const settings = c?.settings as CampaignSettings | undefined;
      const p = c ? published.find((x) => x.campaignId === c.id) : undefined;
      // R12 on the published split, with the campaign's own ratio.
      const ratio = p && settings ? districtRatio([{ id: 'district', graduates: p.graduates, target: p.targets }], { ratio: settings.vocationalRatio }) : null;
      return {
        districtId: d.id, districtName: d.name, campaignId: c?.id ?? null,
        nDistrict: settings?.nDistrict ?? null, nTotal: settings?.nTotal ?? null,
        graduates: c ? (grads.find((g) => g.campaignId === c.id)?.n ?? 0) : 0,
        publishedTotal: p?.targets ?? null, publishedAt: p?.publishedAt?.toISOString() ?? null,
        share: ratio?.share ?? null, belowRatio: ratio ? ratio.flagged : null,
      };
    }),
  };
}
