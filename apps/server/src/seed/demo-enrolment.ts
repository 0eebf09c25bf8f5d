/**
 * The demo's September (issue 12 §6), on 示例区's 2026 campaign after its admission round
 * (demo-admission.ts): nine in ten admitted students registered between 08-20 and 09-05 with a
 * class, a homeroom teacher and their aid (a few still without), one in fifteen a no-show with the
 * reason the school or the junior high recorded, the rest never came (no-shows by the deadline);
 * the junior highs' calls and visits to the families of those who did not come; then the October
 * statistics: submitted by every school but 示例市华信职业学校 (overdue), acknowledged by the junior
 * highs, and one row disputed (示例区第三中学 against 市职业高级中学校). Deterministic (seeded). Bulk
 * inserts for the records (a few thousand rows), the statistics through their use case; one audit
 * event records the counts.
 */
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { queryRows, type Tx } from '../db/client';
import { writeAudit, type RequestContext } from '../audit/write-audit';
import { actorByUsername } from '../auth/actor';
import { submitStatistics } from '../features/enrolment/statistics';
import { mulberry32 } from './demo-people';
import { DEMO_PAST_YEAR } from './demo-admission';

const p = (values: unknown[]) => sql.param(values);

/** The school that has not submitted, and the disputed row. */
export const DEMO_STATISTICS = { overdueSchool: 'V15', disputed: { juniorHigh: 'JH03', school: 'V02' }, submittedOn: '2026-10-08' } as const;

const TEACHERS = ['王老师', '李老师', '张老师', '刘老师', '陈老师', '杨老师', '赵老师', '黄老师', '周老师', '吴老师'];
const REASONS = ['general_high', 'other_city', 'work', 'repeat_exam', 'dropped_out'] as const;
const REASON_NOTES: Record<(typeof REASONS)[number], string> = {
  general_high: '家长告知已被民办普通高中录取',
  other_city: '随父母到外地就读',
  work: '本人表示先外出务工',
  repeat_exam: '家长决定复读一年再考',
  dropped_out: '多次联系未果，家访确认不再上学',
};
const EVIDENCE = ['low_income', 'subsistence', 'orphan', 'disability', 'poverty_alleviation'] as const;

export async function seedDemoEnrolment(tx: Tx, orgIds: Map<string, number>): Promise<void> {
  const [c] = await queryRows<{ id: number }>(tx, sql`select id from campaigns where district_id = ${orgIds.get('D01')!} and year = ${DEMO_PAST_YEAR}`);
  if (!c) throw new Error('demo seed: no 2026 campaign');
  const campaignId = Number(c.id);
  const intake = await queryRows<{ student_id: number; admission_id: number; school_id: number; campus_id: number; major: string; junior_high_id: number | null; school_user: number; jh_user: number | null }>(tx, sql`
    select a.student_id, a.id as admission_id, a.school_id, m.campus_id, m.name as major, s.junior_high_id,
      (select u.id from users u where u.organization_id = a.school_id order by u.id limit 1) as school_user,
      (select u.id from users u where u.organization_id = s.junior_high_id and u.role = 'junior_high_admin' order by u.id limit 1) as jh_user
    from admissions a join students s on s.id = a.student_id join planned_seats ps on ps.id = a.programme_id join majors m on m.id = ps.major_id
    where a.campaign_id = ${campaignId} and a.status = 'admitted' order by s.exam_no`);
  const rnd = mulberry32(DEMO_PAST_YEAR * 13);
  /** August `from` plus `offset` days, running into September. */
  const day = (from: number, offset: number) => {
    const d = from + offset;
    return d > 31 ? `${DEMO_PAST_YEAR}-09-${String(d - 31).padStart(2, '0')}` : `${DEMO_PAST_YEAR}-08-${String(d).padStart(2, '0')}`;
  };
  const registered: Array<{ r: (typeof intake)[number]; on: string; care: unknown }> = [];
  const noShows: Array<{ r: (typeof intake)[number]; reason: string; note: string; byJuniorHigh: boolean }> = [];
  const absent: Array<(typeof intake)[number]> = [];
  const classes = new Map<string, number>();
  for (const r of intake) {
    const x = rnd();
    if (x < 0.9) {
      // 08-20 … 09-05: most in the first days.
      const on = day(20, Math.floor(rnd() * rnd() * 17));
      const key = `${r.school_id}:${r.major}`;
      const seq = (classes.get(key) ?? 0) + 1;
      classes.set(key, seq);
      const hardship = rnd() < 0.09;
      const care = rnd() < 0.08 ? null : {
        className: `${r.major.slice(0, 6)}${DEMO_PAST_YEAR}级${1 + Math.floor((seq - 1) / 40)}班`, homeroomTeacher: TEACHERS[(Number(r.school_id) + Math.floor((seq - 1) / 40)) % TEACHERS.length]!,
        tuitionFree: rnd() < 0.92, grant: hardship || rnd() < 0.12, hardship, hardshipEvidence: hardship ? EVIDENCE[Math.floor(rnd() * EVIDENCE.length)]! : null,
      };
      registered.push({ r, on, care });
    } else if (x < 0.967) {
      const reason = REASONS[Math.floor(rnd() * REASONS.length)]!;
      noShows.push({ r, reason, note: REASON_NOTES[reason], byJuniorHigh: rnd() < 0.5 && r.jh_user !== null });
    } else absent.push(r);
  }
  if (!registered.length || !noShows.length || !absent.length) throw new Error('demo seed: the 2026 intake is too small for its September');

  await tx.execute(sql`
    insert into enrolments (campaign_id, student_id, school_id, source, admission_id, status, registered_on, campus_id, recorded_by_org, recorded_by, care, created_at, updated_at)
    select ${campaignId}, t.s, t.school, 'admission', t.a, 'registered', t.d, t.campus, t.school, t.u, t.care, (t.d || 'T09:00:00+08:00')::timestamptz, (t.d || 'T09:00:00+08:00')::timestamptz
    from unnest(${p(registered.map((x) => x.r.student_id))}::int[], ${p(registered.map((x) => x.r.school_id))}::int[], ${p(registered.map((x) => x.r.admission_id))}::int[],
      ${p(registered.map((x) => x.on))}::text[], ${p(registered.map((x) => x.r.campus_id))}::int[], ${p(registered.map((x) => x.r.school_user))}::int[],
      ${p(registered.map((x) => (x.care ? JSON.stringify(x.care) : null)))}::jsonb[]) as t(s, school, a, d, campus, u, care)`);
  await tx.execute(sql`
    insert into enrolments (campaign_id, student_id, school_id, source, admission_id, status, no_show_reason, no_show_note, recorded_by_org, recorded_by, created_at, updated_at)
    select ${campaignId}, t.s, t.school, 'admission', t.a, 'no_show', t.reason, t.note, t.org, t.u, ${`${DEMO_PAST_YEAR}-09-12T16:00:00+08:00`}::timestamptz, ${`${DEMO_PAST_YEAR}-09-12T16:00:00+08:00`}::timestamptz
    from unnest(${p(noShows.map((x) => x.r.student_id))}::int[], ${p(noShows.map((x) => x.r.school_id))}::int[], ${p(noShows.map((x) => x.r.admission_id))}::int[], ${p(noShows.map((x) => x.reason))}::text[],
      ${p(noShows.map((x) => x.note))}::text[], ${p(noShows.map((x) => (x.byJuniorHigh ? x.r.junior_high_id : x.r.school_id)))}::int[], ${p(noShows.map((x) => (x.byJuniorHigh ? x.r.jh_user : x.r.school_user)))}::int[]) as t(s, school, a, reason, note, org, u)`);

  // R16: the junior highs press the families of those who have not come; the schools call the junior highs.
  const contacts: Array<{ s: number; org: number; u: number | null; kind: string; party: string; on: string; result: string }> = [];
  for (const x of [...noShows.map((n) => n.r), ...absent]) {
    if (x.junior_high_id === null) continue;
    contacts.push({ s: x.student_id, org: x.junior_high_id, u: x.jh_user, kind: 'call', party: 'family', on: `${DEMO_PAST_YEAR}-09-0${2 + Math.floor(rnd() * 6)}`, result: '电话联系家长，提醒按时到校报到' });
    if (rnd() < 0.5) contacts.push({ s: x.student_id, org: x.junior_high_id, u: x.jh_user, kind: 'visit', party: 'family', on: `${DEMO_PAST_YEAR}-09-1${Math.floor(rnd() * 4)}`, result: '班主任家访，家长表示会再考虑' });
    if (rnd() < 0.4) contacts.push({ s: x.student_id, org: x.school_id, u: x.school_user, kind: 'call', party: 'school', on: `${DEMO_PAST_YEAR}-09-0${1 + Math.floor(rnd() * 8)}`, result: '与初中学校班主任核对学生去向' });
  }
  await tx.execute(sql`
    insert into intake_contacts (campaign_id, student_id, organization_id, kind, party, contacted_on, result, created_by, created_at)
    select ${campaignId}, t.s, t.org, t.kind, t.party, t.d, t.result, t.u, (t.d || 'T15:00:00+08:00')::timestamptz
    from unnest(${p(contacts.map((x) => x.s))}::int[], ${p(contacts.map((x) => x.org))}::int[], ${p(contacts.map((x) => x.kind))}::text[], ${p(contacts.map((x) => x.party))}::text[],
      ${p(contacts.map((x) => x.on))}::text[], ${p(contacts.map((x) => x.result))}::text[], ${p(contacts.map((x) => x.u))}::int[]) as t(s, org, kind, party, d, result, u)`);

  // 送培统计 (R18): every school with students submits but one; the junior highs acknowledge, one disputes.
  const deps = { db: tx, clock: async () => ({ now: new Date(`${DEMO_STATISTICS.submittedOn}T10:00:00+08:00`), today: DEMO_STATISTICS.submittedOn, source: 'env' as const }) } as unknown as AppDeps;
  const schools = await queryRows<{ id: number; code: string }>(tx, sql`select distinct o.id, o.code from admissions a join organizations o on o.id = a.school_id where a.campaign_id = ${campaignId} and a.status = 'admitted' order by o.code`);
  let submitted = 0;
  for (const s of schools) {
    if (s.code === DEMO_STATISTICS.overdueSchool) continue;
    const rctx: RequestContext = { actor: await actorByUsername(tx, `${s.code.toLowerCase()}.admin`), requestId: null, ip: null };
    await submitStatistics(deps, rctx, { campaignId, corrections: [] });
    submitted++;
  }
  await tx.execute(sql`update sending_submissions set submitted_at = ${`${DEMO_STATISTICS.submittedOn}T11:00:00+08:00`}::timestamptz where campaign_id = ${campaignId}`);
  const jh = orgIds.get(DEMO_STATISTICS.disputed.juniorHigh)!;
  const school = orgIds.get(DEMO_STATISTICS.disputed.school)!;
  await tx.execute(sql`
    update sending_rows r set ack = 'acknowledged', ack_note = '', ack_at = ${`${DEMO_PAST_YEAR}-10-09T10:00:00+08:00`}::timestamptz,
      ack_by = (select u.id from users u where u.organization_id = r.junior_high_id and u.role = 'junior_high_admin' order by u.id limit 1)
    where r.campaign_id = ${campaignId} and not (r.junior_high_id = ${jh} and r.school_id = ${school})`);
  const disputed = await queryRows<{ id: number }>(tx, sql`
    update sending_rows r set ack = 'disputed', ack_note = '我校记录有一名学生已于9月初到该校报到，统计为未报到，请核实', ack_at = ${`${DEMO_PAST_YEAR}-10-09T11:00:00+08:00`}::timestamptz,
      ack_by = (select u.id from users u where u.organization_id = r.junior_high_id and u.role = 'junior_high_admin' order by u.id limit 1)
    where r.campaign_id = ${campaignId} and r.junior_high_id = ${jh} and r.school_id = ${school} returning id`);
  if (!disputed.length) throw new Error('demo seed: no 2026 statistics row to dispute');

  await writeAudit(tx, { actor: null, requestId: null, ip: null }, {
    action: 'seed.demo_enrolment', objectType: 'system', objectId: null, organizationId: null,
    changes: { campaignId, registered: registered.length, noShows: noShows.length, absent: absent.length, contacts: contacts.length, statisticsSubmitted: submitted, overdue: DEMO_STATISTICS.overdueSchool, disputed: DEMO_STATISTICS.disputed },
  });
}
