/**
 * Against the targets (issue 12 §5; R1, R2, R12): per junior high the funnel graduates → sending
 * target → confirmed vocational applications → admitted (with filed early transfers) → registered;
 * per district N_district against the students registered at district-run schools (each student
 * counted once, so the joint enrollment's two schools are counted once, R3) and N_total against all
 * registered; the vocational share on actual registrations (registered ÷ (registered + general),
 * general = confirmed general applicants and no-shows who went to a general high); registrations
 * by day. A few GROUP BY queries; the city reads its districts side by side.
 */
import { sql } from 'drizzle-orm';
import type { Funnel } from '@zhizhao/contracts';
import { registeredShare, withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../../auth/policy';
import { intakeScope } from '../../auth/enrolment-policy';
import { campaignById, campaignOfActor, type CampaignWithDistrict } from '../applications/bureau-campaign';
import { countsByJuniorHigh, juniorHighsOf, sendingTargets } from '../overview/counts';
import { fromIntake, intakeCte, registrationWindow, stateSql } from './intake';

const n = (v: unknown) => Number(v ?? 0);

export async function funnelOf(db: Queryable, c: CampaignWithDistrict, today: string, onlyJuniorHigh?: number): Promise<Funnel> {
  const settings = withSettingDefaults(c.settings as CampaignSettings);
  const window = registrationWindow(c);
  const [schools, counts, targets, intake, district, trend] = await Promise.all([
    juniorHighsOf(db, c.district.id, onlyJuniorHigh),
    countsByJuniorHigh(db, c.id, { confirmedOnly: true, juniorHighId: onlyJuniorHigh }),
    sendingTargets(db, c.id),
    queryRows<{ jh: number; admitted: number; registered: number; no_show: number }>(db, sql`
      ${intakeCte(c.id, { juniorHighId: onlyJuniorHigh })}
      select s.junior_high_id as jh, count(*) as admitted, count(*) filter (where ${stateSql(today, window.to)} = 'registered') as registered,
        count(*) filter (where ${stateSql(today, window.to)} = 'no_show') as no_show
      ${fromIntake} where s.junior_high_id is not null group by s.junior_high_id`),
    queryRows<{ district_run: number; city_run: number; total: number; general: number }>(db, sql`
      select count(*) filter (where o.run_by = 'district') as district_run, count(*) filter (where o.run_by is distinct from 'district') as city_run, count(*) as total,
        (select count(*) from applications a join students s on s.id = a.student_id where s.campaign_id = ${c.id} and s.active and a.status = 'confirmed' and a.track = 'general')
          + (select count(*) from enrolments x where x.campaign_id = ${c.id} and x.status = 'no_show' and x.no_show_reason = 'general_high') as general
      from enrolments e join organizations o on o.id = e.school_id where e.campaign_id = ${c.id} and e.status = 'registered'`),
    // By day: a junior high's own students only (the district's figures above are totals).
    queryRows<{ day: string; n: number }>(db, sql`select registered_on as day, count(*) as n from enrolments where campaign_id = ${c.id} and status = 'registered'
      ${onlyJuniorHigh ? sql`and student_id in (select id from students where junior_high_id = ${onlyJuniorHigh})` : sql``} group by registered_on order by registered_on`),
  ]);
  const byJh = new Map(intake.map((r) => [n(r.jh), r]));
  const d = district[0]!;
  let cumulative = 0;
  return {
    campaignId: c.id,
    district: {
      districtId: c.district.id, districtName: c.district.name, nDistrict: settings.nDistrict, nTotal: settings.nTotal,
      registeredDistrictRun: n(d.district_run), registeredCityRun: n(d.city_run), registeredTotal: n(d.total), general: n(d.general),
      vocationalShare: registeredShare(n(d.total), n(d.general)), ratioTarget: settings.vocationalRatio,
    },
    juniorHighs: schools.map((s) => {
      const x = counts.get(s.id);
      const i = byJh.get(s.id);
      return {
        juniorHighId: s.id, juniorHighName: s.name, graduates: x?.graduates ?? 0, sendingTarget: targets ? (targets.get(s.id) ?? 0) : null,
        vocationalApplications: x?.vocational ?? 0, admitted: n(i?.admitted), registered: n(i?.registered), noShow: n(i?.no_show),
      };
    }),
    trend: trend.map((t) => ({ date: t.day, registered: n(t.n), cumulative: (cumulative += n(t.n)) })),
  };
}

export async function funnelFor(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<Funnel> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  const scope = intakeScope(actor, 'statistics.read', c.district);
  // A school's figures are its statistics; the funnel is the bureaus' and each junior high's own.
  if ('schoolId' in scope) throw new AppError('FORBIDDEN', { permission: 'statistics.read' });
  return funnelOf(deps.db, c, (await deps.clock()).today, 'juniorHighId' in scope ? scope.juniorHighId : undefined);
}

/** The city's districts side by side, for one year (default: the business clock's). */
export async function cityFunnel(deps: AppDeps, actor: Actor, year: number | undefined) {
  if (actor.orgKind !== 'city_bureau') throw new AppError('FORBIDDEN', { permission: 'statistics.read' });
  const today = (await deps.clock()).today;
  const y = year ?? Number(today.slice(0, 4));
  const rows = await queryRows<{ id: number }>(deps.db, sql`select c.id from campaigns c join organizations d on d.id = c.district_id where d.city_id = ${actor.organizationId} and c.year = ${y} order by d.code`);
  const items = [];
  for (const r of rows) {
    const c = await campaignById(deps.db, Number(r.id));
    intakeScope(actor, 'statistics.read', c.district);
    const f = await funnelOf(deps.db, c, today);
    items.push({ ...f.district, campaignId: c.id, year: c.year });
  }
  return { items };
}
