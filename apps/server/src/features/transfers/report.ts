/**
 * The handover register's counts (R1, R2, R13, R14): per vocational school (cap, pending,
 * filed, returned), per junior high (filed early transfers against its sending target, beside
 * its confirmed vocational applications), the filed transfers to district-run schools against
 * N_district, and the academic exam outcomes of each school's early-transfer students.
 * A school or a junior high sees only its own rows; the bureaus see their campaigns'.
 */
import { sql } from 'drizzle-orm';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { z } from 'zod';
import type { earlyTransferReport } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { scopeOf, type Actor } from '../../auth/policy';
import { authorizeReadTransfer } from '../../auth/transfer-policy';
import { AppError } from '../../errors';
import { campaignOfActor } from '../applications/bureau-campaign';
import { PENDING } from './status-sql';

type Report = z.infer<typeof earlyTransferReport>;

export async function transferReport(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<Report> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('VALIDATION_FAILED', { campaignId: '请选择招生活动' });
  const scope = scopeOf(actor);
  const own = scope.kind === 'org' ? scope.organizationId : null;
  // Bureaus in scope read everything; a school or junior high passes with itself as a party.
  authorizeReadTransfer(actor, { juniorHighId: own ?? -1, schoolId: own ?? -1, district: c.district });
  if (own !== null && actor.districtId !== c.districtId) throw new AppError('FORBIDDEN', { permission: 'transfer.read' });
  const settings = withSettingDefaults(c.settings as CampaignSettings);

  const schools = await queryRows<{ id: number; name: string; run_by: string | null; cap: number; pending: number; filed: number; returned: number }>(deps.db, sql`
    select o.id, o.name, o.run_by,
      coalesce((select sum(ps.early_transfer_cap) from planned_seats ps join majors m on m.id = ps.major_id where m.organization_id = o.id and ps.campaign_id = ${c.id}), 0)::int as cap,
      count(t.id) filter (where t.status in ${PENDING})::int as pending,
      count(t.id) filter (where t.status = 'filed')::int as filed,
      count(t.id) filter (where t.status = 'returned')::int as returned
    from organizations o left join early_transfers t on t.school_id = o.id and t.campaign_id = ${c.id}
    where o.kind = 'vocational_school' and o.active and o.district_id = ${c.districtId} ${own ? sql`and o.id = ${own}` : sql``}
    group by o.id order by o.code`);
  const juniorHighs = await queryRows<{ id: number; name: string; target: number | null; vocational: number; pending: number; filed: number }>(deps.db, sql`
    select o.id, o.name,
      (select tr.target from target_rows tr join target_versions tv on tv.id = tr.version_id where tv.campaign_id = ${c.id} and tv.status = 'published' and tr.organization_id = o.id limit 1) as target,
      (select count(*) from applications a join students s on s.id = a.student_id where s.junior_high_id = o.id and a.campaign_id = ${c.id} and a.status = 'confirmed' and a.track = 'vocational')::int as vocational,
      (select count(*) from early_transfers t where t.junior_high_id = o.id and t.campaign_id = ${c.id} and t.status in ${PENDING})::int as pending,
      (select count(*) from early_transfers t where t.junior_high_id = o.id and t.campaign_id = ${c.id} and t.status = 'filed')::int as filed
    from organizations o
    where o.kind = 'junior_high' and o.active and o.district_id = ${c.districtId} ${own ? sql`and o.id = ${own}` : sql``}
    order by o.code`);
  const [totals] = await queryRows<{ pending: number; filed: number; returned: number; closed: number; district_run: number }>(deps.db, sql`
    select count(*) filter (where t.status in ${PENDING})::int as pending, count(*) filter (where t.status = 'filed')::int as filed,
      count(*) filter (where t.status = 'returned')::int as returned, count(*) filter (where t.status in ('refused', 'withdrawn'))::int as closed,
      count(*) filter (where t.status = 'filed' and s.run_by = 'district')::int as district_run
    from early_transfers t join organizations s on s.id = t.school_id
    where t.campaign_id = ${c.id} ${own ? sql`and (t.school_id = ${own} or t.junior_high_id = ${own})` : sql``}`);
  const results = await queryRows<{ school_id: number; exam_result: { subjects: Array<{ subject: string; sat: boolean; passed: boolean | null }> } | null }>(deps.db, sql`
    select t.school_id, t.exam_result from early_transfers t where t.campaign_id = ${c.id} and t.status = 'filed' ${own ? sql`and (t.school_id = ${own} or t.junior_high_id = ${own})` : sql``}`);

  const names = new Map(schools.map((s) => [Number(s.id), s.name]));
  const exam = new Map<number, Report['exam'][number]>();
  for (const r of results) {
    const id = Number(r.school_id);
    const e = exam.get(id) ?? { schoolId: id, schoolName: names.get(id) ?? '', students: 0, withResults: 0, satAll: 0, passedAll: 0, bySubject: [] };
    e.students++;
    const subjects = r.exam_result?.subjects ?? [];
    if (subjects.length) {
      e.withResults++;
      if (subjects.every((s) => s.sat)) e.satAll++;
      if (subjects.every((s) => s.passed)) e.passedAll++;
      for (const s of subjects) {
        let b = e.bySubject.find((x) => x.subject === s.subject);
        if (!b) e.bySubject.push((b = { subject: s.subject, sat: 0, passed: 0 }));
        if (s.sat) b.sat++;
        if (s.passed) b.passed++;
      }
    }
    exam.set(id, e);
  }
  return {
    campaignId: c.id,
    totals: { pending: Number(totals?.pending ?? 0), filed: Number(totals?.filed ?? 0), returned: Number(totals?.returned ?? 0), refusedOrWithdrawn: Number(totals?.closed ?? 0) },
    bySchool: schools.map((s) => ({ schoolId: Number(s.id), schoolName: s.name, runBy: s.run_by === 'district' ? 'district' : 'city', cap: Number(s.cap), pending: Number(s.pending), filed: Number(s.filed), returned: Number(s.returned) })),
    byJuniorHigh: juniorHighs.map((j) => ({ juniorHighId: Number(j.id), juniorHighName: j.name, sendingTarget: j.target === null ? null : Number(j.target), vocationalConfirmed: Number(j.vocational), pending: Number(j.pending), filed: Number(j.filed) })),
    nDistrict: { target: settings.nDistrict, filedDistrictRun: Number(totals?.district_run ?? 0) },
    exam: [...exam.values()],
  };
}
