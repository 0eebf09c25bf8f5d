/**
 * The live picture's numbers (R11, R12, 统筹) as a few GROUP BY queries, never a row per
 * student in JavaScript: 100,000 students answer in milliseconds on PostgreSQL (indexes:
 * students (campaign_id, kind), applications (student_id) unique, application_choices
 * (application_id, rank)).
 *
 * Who counts: the active grade-9 students on the roster of an active junior high of the
 * campaign's district (graduates). Confirmed = the `status` of the application is confirmed
 * (both the student and the guardian confirmed the current version); undecided = graduates −
 * confirmed vocational − confirmed general, so every row adds up exactly.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/client';
import { organizations, targetRows, targetVersions } from '../../db/schema';

export type JuniorHighCounts = {
  organizationId: number;
  graduates: number;
  vocational: number;
  general: number;
  /** chose a track, not confirmed by both */
  pending: number;
  /** applications with a track whose current version staff entered */
  onBehalf: number;
  withTrack: number;
  changesAfterStaff: number;
};

const n = (v: unknown) => Number(v ?? 0);

/**
 * Per junior high (only those with students; callers fill in zeros). `juniorHighId` narrows to
 * one school. `confirmedOnly` (the summary) joins only the confirmed applications and counts the
 * three numbers the summary needs: a smaller hash to build, about a fifth less work at 100k.
 */
export async function countsByJuniorHigh(db: Queryable, campaignId: number, opts: { juniorHighId?: number; confirmedOnly?: boolean } = {}): Promise<Map<number, JuniorHighCounts>> {
  const only = opts.juniorHighId ? sql`and s.junior_high_id = ${opts.juniorHighId}` : sql``;
  const where = sql`where s.campaign_id = ${campaignId} and s.kind = 'grade9' and s.active and s.junior_high_id is not null ${only} group by s.junior_high_id`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    opts.confirmedOnly
      ? sql`select s.junior_high_id as org, count(*) as graduates,
              count(a.id) filter (where a.track = 'vocational') as vocational,
              count(a.id) filter (where a.track = 'general') as general
            from students s left join applications a on a.student_id = s.id and a.status = 'confirmed' ${where}`
      : sql`select s.junior_high_id as org,
              count(*) as graduates,
              count(*) filter (where a.status = 'confirmed' and a.track = 'vocational') as vocational,
              count(*) filter (where a.status = 'confirmed' and a.track = 'general') as general,
              count(*) filter (where a.track is not null and a.status <> 'confirmed') as pending,
              count(*) filter (where a.track is not null and a.entered_by = 'staff') as on_behalf,
              count(*) filter (where a.track is not null) as with_track,
              coalesce(sum(a.changes_after_staff), 0) as changes_after_staff
            from students s left join applications a on a.student_id = s.id ${where}`,
  );
  return new Map(
    rows.map((r) => [
      n(r.org),
      {
        organizationId: n(r.org), graduates: n(r.graduates), vocational: n(r.vocational), general: n(r.general), pending: n(r.pending),
        onBehalf: n(r.on_behalf), withTrack: n(r.with_track), changesAfterStaff: n(r.changes_after_staff),
      },
    ]),
  );
}

/** The active junior highs of a district, by code. */
export async function juniorHighsOf(db: Queryable, districtId: number, only?: number) {
  return db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.kind, 'junior_high'), eq(organizations.districtId, districtId), eq(organizations.active, true), only ? eq(organizations.id, only) : undefined))
    .orderBy(asc(organizations.code));
}

/** The sending target of each junior high in the published version (R2), or null when none is published. */
export async function sendingTargets(db: Queryable, campaignId: number): Promise<Map<number, number> | null> {
  const rows = await db
    .select({ org: targetRows.organizationId, target: targetRows.target })
    .from(targetRows)
    .innerJoin(targetVersions, eq(targetVersions.id, targetRows.versionId))
    .where(and(eq(targetVersions.campaignId, campaignId), eq(targetVersions.status, 'published')));
  return rows.length ? new Map(rows.map((r) => [r.org, r.target])) : null;
}

/** A count per junior high of one table (pressure reports, guidance sessions, open conflicts). */
export async function signalsByJuniorHigh(db: Queryable, campaignId: number) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select org, sum(pressure) as pressure, sum(guidance) as guidance, sum(conflicts) as conflicts from (
          select junior_high_id as org, count(*) as pressure, 0 as guidance, 0 as conflicts from pressure_reports where campaign_id = ${campaignId} group by junior_high_id
          union all
          select junior_high_id, 0, count(*), 0 from guidance_sessions where campaign_id = ${campaignId} group by junior_high_id
          union all
          select s.junior_high_id, 0, 0, count(*) from track_conflicts t join students s on s.id = t.student_id
            where t.campaign_id = ${campaignId} and t.resolution is null group by s.junior_high_id
        ) x where org is not null group by org`,
  );
  return new Map(rows.map((r) => [n(r.org), { pressureReports: n(r.pressure), guidanceSessions: n(r.guidance), openConflicts: n(r.conflicts) }]));
}

/**
 * 统筹 (R1): confirmed vocational applications by the school of their choices — first choices
 * and any-rank choices per school, with the school's planned seats. For a junior high, only
 * its own students' applications; for a bureau every application of the campaign (social
 * applicants included: they fill the same seats).
 */
export async function choicesBySchool(db: Queryable, campaignId: number, juniorHighId?: number) {
  const own = juniorHighId ? sql`and a.student_id in (select id from students where campaign_id = ${campaignId} and junior_high_id = ${juniorHighId})` : sql``;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select o.id as school_id, o.name as school_name, coalesce(o.run_by, 'district') as run_by, o.code as code,
          coalesce(seats.seats, 0) as seats, coalesce(ch.first_choices, 0) as first_choices, coalesce(ch.any_choice, 0) as any_choice
        from (select m.organization_id as org, sum(ps.seats) as seats from planned_seats ps join majors m on m.id = ps.major_id
                where ps.campaign_id = ${campaignId} group by m.organization_id) seats
        full join (select m.organization_id as org,
                  count(distinct a.id) filter (where ac.rank = 1) as first_choices,
                  count(distinct a.id) as any_choice
                from applications a
                join application_choices ac on ac.application_id = a.id
                join planned_seats ps on ps.id = ac.programme_id
                join majors m on m.id = ps.major_id
                where a.campaign_id = ${campaignId} and a.status = 'confirmed' and a.track = 'vocational' ${own}
                group by m.organization_id) ch on ch.org = seats.org
        join organizations o on o.id = coalesce(seats.org, ch.org)
        order by o.code`,
  );
  return rows.map((r) => ({
    schoolId: n(r.school_id), schoolName: String(r.school_name), runBy: (r.run_by === 'city' ? 'city' : 'district') as 'district' | 'city',
    firstChoices: n(r.first_choices), anyChoice: n(r.any_choice), seats: n(r.seats),
  }));
}
