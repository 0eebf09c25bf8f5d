/**
 * `GET /api/applications/city?year`: the city sees its districts side by side (R12) — each
 * district's campaign of that year, counted like the summary (active grade-9 students of the
 * district's active junior highs; confirmed applications). City-level callers only.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { vocationalShare, withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { cityOverview } from '@zhizhao/contracts';
import { queryRows, type Queryable } from '../../db/client';
import { campaigns, organizations } from '../../db/schema';
import { scopeOf, type Actor } from '../../auth/policy';
import { AppError } from '../../errors';

const n = (v: unknown) => Number(v ?? 0);

export async function cityOverviewOf(db: Queryable, actor: Actor, year: number): Promise<z.infer<typeof cityOverview>> {
  const scope = scopeOf(actor);
  if (scope.kind !== 'city') throw new AppError('FORBIDDEN', { permission: 'application.summary', reason: 'the city page is for city-level users' });
  const rows = await db
    .select({ c: campaigns, districtName: organizations.name })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.districtId))
    .where(and(eq(campaigns.year, year), eq(organizations.cityId, scope.cityId), eq(organizations.active, true)))
    .orderBy(asc(organizations.code));
  const ids = rows.map((r) => r.c.id);
  if (!ids.length) return { year, districts: [] };
  const idList = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  const counts = await queryRows<Record<string, unknown>>(
    db,
    sql`select s.campaign_id as campaign,
          count(*) as graduates,
          count(*) filter (where a.status = 'confirmed' and a.track = 'vocational') as vocational,
          count(*) filter (where a.status = 'confirmed' and a.track = 'general') as general,
          count(*) filter (where a.track is not null and a.status <> 'confirmed') as pending
        from students s
        join campaigns c on c.id = s.campaign_id
        join organizations jh on jh.id = s.junior_high_id and jh.kind = 'junior_high' and jh.active and jh.district_id = c.district_id
        left join applications a on a.student_id = s.id
        where s.campaign_id in (${idList}) and s.kind = 'grade9' and s.active
        group by s.campaign_id`,
  );
  const reports = await queryRows<Record<string, unknown>>(db, sql`select campaign_id as campaign, count(*) as n from pressure_reports where campaign_id in (${idList}) group by campaign_id`);
  return {
    year,
    districts: rows.map(({ c, districtName }) => {
      const x = counts.find((r) => n(r.campaign) === c.id);
      const settings = withSettingDefaults(c.settings as CampaignSettings);
      const graduates = n(x?.graduates);
      const vocational = n(x?.vocational);
      const general = n(x?.general);
      return {
        campaignId: c.id, districtId: c.districtId, districtName, graduates, vocational, general, undecided: graduates - vocational - general, pending: n(x?.pending),
        vocationalShare: vocationalShare(vocational, general), ratioTarget: settings.vocationalRatio, nTotal: settings.nTotal,
        pressureReports: n(reports.find((r) => n(r.campaign) === c.id)?.n),
      };
    }),
  };
}
