/**
 * A campaign's intake (issue 12: R16, R17): every student admitted (an admission in force) and every
 * filed early transfer, with the state the domain gives it on the campaign's clock (intakeState):
 * registered, a no-show (a reason on record, or the registration deadline passed) or pending.
 * One SQL reader serves the lists, the exports, a single student and the statistics.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { intakeQuery, IntakePage, IntakeRow, CareRecord } from '@zhizhao/contracts';
import { intakeState, withSettingDefaults, type CampaignSettings, type DateWindow, type NoShowReason } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { escapeLike, queryRows, type Queryable } from '../../db/client';
import { AppError } from '../../errors';
import type { Actor } from '../../auth/policy';
import { intakeScope, type IntakeRef, type IntakeScope } from '../../auth/enrolment-policy';
import { campaignById, campaignOfActor, type CampaignWithDistrict } from '../applications/bureau-campaign';
import { normalizeExamNo } from '../students/fields';

export type IntakeQuery = z.infer<typeof intakeQuery>;

/** The registration window of a campaign: its registration phase; the last day is the deadline (R16). */
export function registrationWindow(c: { settings: unknown }): DateWindow {
  return withSettingDefaults(c.settings as CampaignSettings).phases.registration;
}

/** Where the intake is narrowed before anything is joined: one school's, one junior high's students, or one student. */
export type Narrow = { schoolId?: number; juniorHighId?: number; studentId?: number };

const narrowOf = (scope: IntakeScope, q: Partial<IntakeQuery>): Narrow => ({
  schoolId: 'schoolId' in scope ? scope.schoolId : q.schoolId,
  juniorHighId: 'juniorHighId' in scope ? scope.juniorHighId : q.juniorHighId,
});

/** The intake of one campaign as a CTE: who, from where, to which school and programme (narrowed by index when it can be). */
export const intakeCte = (campaignId: number, n: Narrow = {}) => {
  const school = (col: SQL) => (n.schoolId ? sql`and ${col} = ${n.schoolId}` : sql``);
  const jh = (col: SQL) => sql`${n.juniorHighId ? sql`and ${col} in (select id from students where junior_high_id = ${n.juniorHighId})` : sql``} ${n.studentId ? sql`and ${col} = ${n.studentId}` : sql``}`;
  return sql`
  with intake as (
    select a.student_id, 'admission'::text as source, a.id as admission_id, null::int as early_transfer_id, a.school_id, a.programme_id
      from admissions a where a.campaign_id = ${campaignId} and a.status = 'admitted' ${school(sql`a.school_id`)} ${jh(sql`a.student_id`)}
    union all
    select t.student_id, 'early_transfer'::text, null::int, t.id, t.school_id, t.programme_id
      from early_transfers t where t.campaign_id = ${campaignId} and t.status = 'filed' ${school(sql`t.school_id`)} ${jh(sql`t.student_id`)}
  )`;
};

/** The intake with each student and their registration or no-show in force (alias `e`). */
export const fromIntake = sql`
  from intake i join students s on s.id = i.student_id
  left join enrolments e on e.student_id = i.student_id and e.status <> 'withdrawn'`;

/** The state as SQL, the same rule as the domain's intakeState. */
export const stateSql = (today: string, deadline: string) => sql`(case when e.status = 'registered' then 'registered' when e.status = 'no_show' or ${today} > ${deadline} then 'no_show' else 'pending' end)`;

function whereOf(scope: IntakeScope, q: Partial<IntakeQuery>, today: string, deadline: string): SQL {
  const parts: SQL[] = [sql`true`];
  if ('schoolId' in scope) parts.push(sql`i.school_id = ${scope.schoolId}`);
  if ('juniorHighId' in scope) parts.push(sql`s.junior_high_id = ${scope.juniorHighId}`);
  if (q.schoolId) parts.push(sql`i.school_id = ${q.schoolId}`);
  if (q.juniorHighId) parts.push(sql`s.junior_high_id = ${q.juniorHighId}`);
  if (q.state === 'open') parts.push(sql`${stateSql(today, deadline)} <> 'registered'`);
  else if (q.state) parts.push(sql`${stateSql(today, deadline)} = ${q.state}`);
  if (q.source) parts.push(sql`i.source = ${q.source}`);
  if (q.careMissing === 'true') parts.push(sql`e.status = 'registered' and e.care is null`);
  if (q.careMissing === 'false') parts.push(sql`e.status = 'registered' and e.care is not null`);
  if (q.q) parts.push(sql`(s.exam_no like ${`${escapeLike(normalizeExamNo(q.q))}%`} or s.name like ${`%${escapeLike(q.q)}%`})`);
  return sql.join(parts, sql` and `);
}

type Raw = {
  student_id: number; source: string; admission_id: number | null; early_transfer_id: number | null; school_id: number; programme_id: number;
  exam_no: string; name: string; gender: string; junior_high_id: number | null; jh: string | null; school: string; major: string; campus: string;
  e_status: string | null; registered_on: string | null; reg_campus: string | null; no_show_reason: string | null; no_show_note: string | null; care: CareRecord | null;
  contacts: number; last_on: string | null; last_kind: string | null; last_result: string | null;
};

const selectSql = (campaignId: number, where: SQL, n: Narrow = {}) => sql`
  ${intakeCte(campaignId, n)}
  select i.student_id, i.source, i.admission_id, i.early_transfer_id, i.school_id, i.programme_id, s.exam_no, s.name, s.gender, s.junior_high_id, jh.name as jh,
    o.name as school, m.name as major, cp.name as campus, e.status as e_status, e.registered_on, rc.name as reg_campus, e.no_show_reason, e.no_show_note, e.care,
    (select count(*)::int from intake_contacts ic where ic.student_id = i.student_id and ic.campaign_id = ${campaignId}) as contacts,
    lc.contacted_on as last_on, lc.kind as last_kind, lc.result as last_result
  ${fromIntake}
  left join organizations jh on jh.id = s.junior_high_id join organizations o on o.id = i.school_id
  join planned_seats ps on ps.id = i.programme_id join majors m on m.id = ps.major_id join campuses cp on cp.id = m.campus_id
  left join campuses rc on rc.id = e.campus_id
  left join lateral (select ic.contacted_on, ic.kind, ic.result from intake_contacts ic where ic.student_id = i.student_id and ic.campaign_id = ${campaignId} order by ic.contacted_on desc, ic.id desc limit 1) lc on true
  where ${where}`;

function view(r: Raw, today: string, window: DateWindow): IntakeRow {
  const s = intakeState({ source: r.source as 'admission', registeredOn: r.e_status === 'registered' ? r.registered_on : null, noShowReason: r.e_status === 'no_show' ? (r.no_show_reason as NoShowReason) : null }, today, window);
  return {
    studentId: Number(r.student_id), examNo: r.exam_no, studentName: r.name, gender: r.gender as 'male' | 'female',
    juniorHighId: r.junior_high_id === null ? null : Number(r.junior_high_id), juniorHighName: r.jh,
    source: r.source as 'admission' | 'early_transfer', admissionId: r.admission_id === null ? null : Number(r.admission_id), earlyTransferId: r.early_transfer_id === null ? null : Number(r.early_transfer_id),
    schoolId: Number(r.school_id), schoolName: r.school, programmeId: Number(r.programme_id), majorName: r.major, campusName: r.campus,
    state: s.state, registeredOn: s.state === 'registered' ? r.registered_on : null, registeredCampusName: s.state === 'registered' ? r.reg_campus : null,
    noShowReason: s.reason, noShowNote: r.e_status === 'no_show' ? r.no_show_note : null, noShowByDeadline: s.byDeadline,
    care: r.e_status === 'registered' ? r.care : null,
    contacts: Number(r.contacts), lastContact: r.last_on ? { on: r.last_on, kind: r.last_kind as 'call', result: r.last_result ?? '' } : null,
  };
}

async function campaignFor(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<CampaignWithDistrict> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  return c;
}

export async function listIntake(deps: AppDeps, actor: Actor, q: IntakeQuery): Promise<IntakePage> {
  const c = await campaignFor(deps, actor, q.campaignId);
  const scope = intakeScope(actor, 'enrolment.read', c.district);
  const today = (await deps.clock()).today;
  const window = registrationWindow(c);
  const where = whereOf(scope, q, today, window.to);
  const base = whereOf(scope, { ...q, state: undefined, careMissing: undefined }, today, window.to);
  const n = narrowOf(scope, q);
  const [counts] = await queryRows<{ total: number; pending: number; registered: number; no_show: number; n: number }>(deps.db, sql`
    ${intakeCte(c.id, n)}
    select count(*)::int as total, count(*) filter (where ${stateSql(today, window.to)} = 'pending')::int as pending,
      count(*) filter (where ${stateSql(today, window.to)} = 'registered')::int as registered, count(*) filter (where ${stateSql(today, window.to)} = 'no_show')::int as no_show,
      count(*) filter (where ${where})::int as n
    ${fromIntake} where ${base}`);
  // The page's students first (few joins), then their rows: the contacts are looked up for 50 students, not for all.
  const ids = (await queryRows<{ student_id: number }>(deps.db, sql`
    ${intakeCte(c.id, n)} select i.student_id ${fromIntake} where ${where}
    order by i.school_id, s.junior_high_id nulls last, s.exam_no limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`)).map((r) => Number(r.student_id));
  const found = ids.length ? await queryRows<Raw>(deps.db, selectSql(c.id, sql`i.student_id in (select unnest(${sql.param(ids)}::int[]))`, n)) : [];
  const byId = new Map(found.map((r) => [Number(r.student_id), r]));
  const rows = ids.map((id) => byId.get(id)!).filter(Boolean);
  return {
    items: rows.map((r) => view(r, today, window)),
    total: Number(counts!.n), page: q.page, pageSize: q.pageSize,
    counts: { total: Number(counts!.total), pending: Number(counts!.pending), registered: Number(counts!.registered), noShow: Number(counts!.no_show) },
    window, today, campaignId: c.id,
  };
}

/** Every row of the scoped list (the Excel export). */
export async function allIntake(deps: AppDeps, actor: Actor, q: Partial<IntakeQuery>) {
  const c = await campaignFor(deps, actor, q.campaignId);
  const scope = intakeScope(actor, 'enrolment.read', c.district);
  const today = (await deps.clock()).today;
  const window = registrationWindow(c);
  const rows = await queryRows<Raw>(deps.db, sql`${selectSql(c.id, whereOf(scope, q, today, window.to), narrowOf(scope, q))} order by i.school_id, s.junior_high_id nulls last, s.exam_no limit 200000`);
  return { campaign: c, today, rows: rows.map((r) => view(r, today, window)) };
}

/** One student of the intake, with what the policy needs; null when the student is not admitted anywhere now. */
export async function intakeOf(db: Queryable, studentId: number, today: string): Promise<{ row: IntakeRow; ref: IntakeRef; campaign: CampaignWithDistrict; window: DateWindow } | null> {
  const [st] = await queryRows<{ campaign_id: number }>(db, sql`select campaign_id from students where id = ${studentId}`);
  if (!st) return null;
  const c = await campaignById(db, Number(st.campaign_id));
  const [r] = await queryRows<Raw>(db, selectSql(c.id, sql`i.student_id = ${studentId}`, { studentId }));
  if (!r) return null;
  const window = registrationWindow(c);
  const row = view(r, today, window);
  return { row, campaign: c, window, ref: { schoolId: row.schoolId, juniorHighId: row.juniorHighId, district: c.district } };
}

/** The student a letter's code (or the URL in its QR, `…/verify/<code>`) names, and whether the letter is in force. */
export async function studentOfLetter(db: Queryable, input: string): Promise<{ studentId: number; inForce: boolean } | null> {
  const code = letterCodeOf(input);
  const [a] = await queryRows<{ student_id: number; status: string }>(db, sql`select student_id, status from admissions where letter_code = ${code} limit 1`);
  return a ? { studentId: Number(a.student_id), inForce: a.status === 'admitted' } : null;
}

export function letterCodeOf(input: string): string {
  const s = input.trim();
  const at = s.lastIndexOf('/verify/');
  const tail = at >= 0 ? s.slice(at + '/verify/'.length) : s;
  const clean = tail.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(clean);
  } catch {
    return clean;
  }
}
