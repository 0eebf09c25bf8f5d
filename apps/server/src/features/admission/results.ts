/**
 * What each party sees of the admission (R15): the family its score, each published batch's
 * result with the reasons in plain words (from the batch's publication date), its letter and the
 * 征集志愿 round when open; the bureau every admission and every letter; a school its admitted
 * students (Excel); a junior high its students' results; the public each programme's seats
 * filled and cutoff score.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { explainPlacement, resultHeadline, resultsVisible, residualSeats, type StoredKey, type StoredProgramme } from '@zhizhao/domain/admission/index';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { admissionListQuery, admissionPage, admissionRow, letterList, myAdmission, publicCutoffs } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { escapeLike, queryRows, type Queryable } from '../../db/client';
import { admissionScope, authorizeBureau } from '../../auth/admission-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { campaignById, campaignOfActor } from '../applications/bureau-campaign';
import type { StudentCtx } from '../applications/queries';
import { admissionPool } from '../transfers/admission-pool';
import { admissionsHoldingSeats } from './seats-taken';
import { normalizeExamNo } from '../students/fields';
import { myScore } from './scores';

// ------------------------------------------------------------------ staff lists

type Q = z.infer<typeof admissionListQuery>;

function whereOf(campaignId: number, scope: ReturnType<typeof admissionScope>, q: Partial<Q>) {
  const parts = [sql`a.campaign_id = ${campaignId}`];
  if ('schoolId' in scope) parts.push(sql`a.school_id = ${scope.schoolId}`);
  if ('juniorHighId' in scope) parts.push(sql`s.junior_high_id = ${scope.juniorHighId}`);
  if (q.schoolId) parts.push(sql`a.school_id = ${q.schoolId}`);
  if (q.juniorHighId) parts.push(sql`s.junior_high_id = ${q.juniorHighId}`);
  if (q.programmeId) parts.push(sql`a.programme_id = ${q.programmeId}`);
  if (q.status) parts.push(sql`a.status = ${q.status}`);
  if (q.q) parts.push(sql`(s.exam_no like ${`${escapeLike(normalizeExamNo(q.q))}%`} or s.name like ${`%${escapeLike(q.q)}%`})`);
  return sql.join(parts, sql` and `);
}

const listSql = (where: ReturnType<typeof sql>) => sql`
  select a.id, a.student_id, s.exam_no, s.name, s.gender, jh.name as jh, a.kind, b.name as batch, a.school_id, o.name as school, a.programme_id, m.name as major, c.name as campus,
    a.choice_rank, a.status, a.letter_code,
    (select es.total from exam_scores es join score_sets ss on ss.id = es.score_set_id where es.student_id = a.student_id and ss.status = 'locked' order by ss.version desc limit 1) as score,
    (select json_build_object('id', r.id, 'reason', r.reason, 'status', r.status, 'note', r.decision_note) from admission_returns r where r.admission_id = a.id order by r.id desc limit 1) as ret
  from admissions a join students s on s.id = a.student_id left join organizations jh on jh.id = s.junior_high_id
  left join admission_batches b on b.id = a.batch_id join organizations o on o.id = a.school_id
  join planned_seats ps on ps.id = a.programme_id join majors m on m.id = ps.major_id join campuses c on c.id = m.campus_id
  where ${where}`;

type ListRow = { id: number; student_id: number; exam_no: string; name: string; gender: string; jh: string | null; kind: string; batch: string | null; school_id: number; school: string; programme_id: number; major: string; campus: string; choice_rank: number | null; status: string; letter_code: string | null; score: number | null; ret: { id: number; reason: string; status: string; note: string | null } | null };

export function rowView(r: ListRow): z.infer<typeof admissionRow> {
  return {
    id: Number(r.id), studentId: Number(r.student_id), examNo: r.exam_no, studentName: r.name, gender: r.gender as 'male' | 'female', juniorHighName: r.jh, kind: r.kind as 'batch' | 'registration', batch: r.batch,
    schoolId: Number(r.school_id), schoolName: r.school, programmeId: Number(r.programme_id), majorName: r.major, campusName: r.campus,
    choiceRank: r.choice_rank === null ? null : Number(r.choice_rank) === 0 ? 'adj' : Number(r.choice_rank), score: r.score === null ? null : Number(r.score),
    status: r.status as 'admitted' | 'returned', letterCode: r.letter_code,
    returnRequest: r.ret ? { id: Number(r.ret.id), reason: r.ret.reason, status: r.ret.status as 'requested' | 'approved' | 'rejected', note: r.ret.note } : null,
  };
}

export async function admissionById(db: Queryable, id: number): Promise<z.infer<typeof admissionRow> | null> {
  const [r] = await queryRows<ListRow>(db, listSql(sql`a.id = ${id}`));
  return r ? rowView(r) : null;
}

export async function listAdmissions(deps: AppDeps, actor: Actor, q: Q): Promise<z.infer<typeof admissionPage>> {
  const c = await campaignOfActor(deps, actor, q.campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  const where = whereOf(c.id, admissionScope(actor, c.district), q);
  const [{ n }] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from admissions a join students s on s.id = a.student_id where ${where}`);
  const rows = await queryRows<ListRow>(deps.db, sql`${listSql(where)} order by a.school_id, a.programme_id, s.exam_no limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  return { items: rows.map(rowView), total: Number(n), page: q.page, pageSize: q.pageSize };
}

/** Every row of the scoped list (the Excel export); at most a district's worth. */
export async function allAdmissions(deps: AppDeps, actor: Actor, q: Partial<Q>) {
  const c = await campaignOfActor(deps, actor, q.campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  const rows = await queryRows<ListRow>(deps.db, sql`${listSql(whereOf(c.id, admissionScope(actor, c.district), q))} order by a.school_id, a.programme_id, s.exam_no limit 200000`);
  return { campaign: c, rows: rows.map(rowView) };
}

export async function listLetters(deps: AppDeps, actor: Actor, q: { campaignId?: number; page?: number; pageSize?: number }): Promise<z.infer<typeof letterList>> {
  const c = await campaignOfActor(deps, actor, q.campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  authorizeBureau(actor, 'admission.read', c.district);
  const limit = q.pageSize ? sql`limit ${q.pageSize} offset ${((q.page ?? 1) - 1) * q.pageSize}` : sql``;
  const rows = await queryRows<{ id: number; letter_code: string; status: string; exam_no: string; programme_id: number; school_id: number }>(deps.db, sql`
    select a.id, a.letter_code, a.status, s.exam_no, a.programme_id, a.school_id from admissions a join students s on s.id = a.student_id
    where a.campaign_id = ${c.id} and a.letter_code is not null order by a.id ${limit}`);
  return { items: rows.map((r) => ({ code: r.letter_code, status: r.status === 'admitted' ? 'valid' : 'withdrawn', applicantId: r.exam_no, programmeId: Number(r.programme_id), admissionId: Number(r.id), schoolId: Number(r.school_id) })) };
}

// ------------------------------------------------------------------ seats left

/** Seats each programme still offers: for admission less those taken now (admitted, not returned, not a no-show given back to 补录: seats-taken.ts). */
export async function seatsLeft(db: Queryable, campaignId: number): Promise<Map<number, number>> {
  const pool = await admissionPool(db, campaignId);
  const t = new Map<number, number>();
  for (const r of await admissionsHoldingSeats(db, campaignId)) if (r.holdsSeat) t.set(r.programmeId, (t.get(r.programmeId) ?? 0) + 1);
  return new Map(pool.programmes.map((p) => [p.programmeId, residualSeats(p.seatsForAdmission, t.get(p.programmeId) ?? 0)]));
}

// ------------------------------------------------------------------ the family

async function programmeLabels(db: Queryable, ids: number[]) {
  if (ids.length === 0) return new Map<number, { school: string; major: string; campus: string }>();
  const rows = await queryRows<{ id: number; school: string; major: string; campus: string }>(db, sql`
    select ps.id, o.name as school, m.name as major, c.name as campus from planned_seats ps join majors m on m.id = ps.major_id join organizations o on o.id = m.organization_id join campuses c on c.id = m.campus_id
    where ps.id in (select unnest(${sql.param(ids)}::int[]))`);
  return new Map(rows.map((r) => [Number(r.id), { school: r.school, major: r.major, campus: r.campus }]));
}

/** The solicitation batch a family may choose in now or soon, and whether it may. */
async function solicitationFor(db: Queryable, ctx: StudentCtx, today: string, activeAdmission: boolean) {
  const [b] = await queryRows<{ id: number; name: string; programme_ids: number[] | null; solicit_from: string; solicit_to: string }>(db, sql`
    select id, name, programme_ids, solicit_from, solicit_to from admission_batches
    where campaign_id = ${ctx.campaign.id} and kind = 'solicitation' and published_run_id is null and solicit_from is not null and solicit_to >= ${today}
    order by seq limit 1`);
  if (!b) return null;
  const eligible = !activeAdmission && ctx.app?.track === 'vocational' && ctx.app?.status === 'confirmed' && !ctx.earlyTransferActive;
  if (!eligible) return null;
  const left = await seatsLeft(db, ctx.campaign.id);
  const named = b.programme_ids ? new Set(b.programme_ids.map(Number)) : null;
  const offered = [...left].filter(([id, n]) => n > 0 && (!named || named.has(id)));
  const labels = await programmeLabels(db, offered.map(([id]) => id));
  const [mine] = await queryRows<{ choices: number[]; accept_adjustment: boolean }>(db, sql`select choices, accept_adjustment from solicitation_choices where batch_id = ${b.id} and student_id = ${ctx.student.id}`);
  return {
    batchId: Number(b.id), batch: b.name, from: b.solicit_from, to: b.solicit_to, open: b.solicit_from <= today && today <= b.solicit_to,
    maxChoices: withSettingDefaults(ctx.campaign.settings as CampaignSettings).maxChoices,
    programmes: offered.map(([id, n]) => ({ programmeId: id, schoolName: labels.get(id)?.school ?? '', majorName: labels.get(id)?.major ?? '', campusName: labels.get(id)?.campus ?? '', seatsLeft: n })).sort((x, y) => x.schoolName.localeCompare(y.schoolName, 'zh') || x.majorName.localeCompare(y.majorName, 'zh')),
    choices: (mine?.choices ?? []).map(Number),
    acceptAdjustment: mine?.accept_adjustment ?? false,
  };
}

export async function myAdmissionOf(deps: AppDeps, ctx: StudentCtx): Promise<z.infer<typeof myAdmission>> {
  const db = deps.db;
  const today = (await deps.clock()).today;
  const score = await myScore(db, ctx.student.id, ctx.campaign.id);
  const published = await queryRows<{ run_id: number; batch: string; publish_on: string | null; tiebreak_names: string[] }>(db, sql`
    select b.published_run_id as run_id, b.name as batch, b.publish_on, r.tiebreak_names from admission_batches b join admission_runs r on r.id = b.published_run_id
    where b.campaign_id = ${ctx.campaign.id} order by b.seq`);
  const results: z.infer<typeof myAdmission>['results'] = [];
  for (const b of published) {
    if (!resultsVisible(b.publish_on, today)) continue;
    const [me] = await queryRows<{ score: number; tiebreaks: number[]; lottery: number; exam_no: string; choices: number[]; accept_adjustment: boolean; programme_id: number | null; choice_rank: number | null }>(db, sql`
      select score, tiebreaks, lottery, exam_no, choices, accept_adjustment, programme_id, choice_rank from admission_run_applicants where run_id = ${b.run_id} and student_id = ${ctx.student.id}`);
    if (!me) continue;
    const choices = (me.choices ?? []).map(Number);
    const progRows = await queryRows<{ programme_id: number; capacity: number; min_score: number | null; last_key: StoredKey | null }>(db, sql`
      select programme_id, capacity, min_score, last_key from admission_run_programmes where run_id = ${b.run_id} and programme_id in (select unnest(${sql.param(choices)}::int[]))`);
    const labels = await programmeLabels(db, choices);
    const programmes = new Map<number, StoredProgramme>(progRows.map((r) => [Number(r.programme_id), { id: Number(r.programme_id), name: `${labels.get(Number(r.programme_id))?.school ?? ''} ${labels.get(Number(r.programme_id))?.major ?? ''}`, capacity: Number(r.capacity), minScore: r.min_score === null ? null : Number(r.min_score), last: r.last_key }]));
    const choiceRank = me.choice_rank === null ? null : Number(me.choice_rank) === 0 ? ('adj' as const) : Number(me.choice_rank);
    const programmeId = me.programme_id === null ? null : Number(me.programme_id);
    const explanation = explainPlacement(
      { score: Number(me.score), tiebreaks: (me.tiebreaks ?? []).map(Number), lottery: Number(me.lottery), examNo: me.exam_no, choices, acceptAdjustment: me.accept_adjustment },
      { programmeId, choiceRank },
      programmes,
      b.tiebreak_names,
    );
    const l = programmeId !== null ? labels.get(programmeId) ?? (await programmeLabels(db, [programmeId])).get(programmeId) : undefined;
    const [ret] = programmeId !== null ? await queryRows<{ status: string }>(db, sql`select status from admissions where run_id = ${b.run_id} and student_id = ${ctx.student.id}`) : [];
    results.push({
      batch: b.batch, publishOn: b.publish_on,
      outcome: programmeId === null ? 'not-admitted' : ret?.status === 'returned' ? 'returned' : choiceRank === 'adj' ? 'adjusted' : 'admitted',
      headline: resultHeadline({ programmeName: l?.major ?? null, schoolName: l?.school ?? null, choiceRank }),
      schoolName: l?.school ?? null, programme: l?.major ?? null, campusName: l?.campus ?? null, choiceRank, explanation,
    });
  }
  const [adm] = await queryRows<{ id: number; status: string; school: string; major: string; campus: string; letter_code: string | null; kind: string; publish_on: string | null }>(db, sql`
    select a.id, a.status, o.name as school, m.name as major, c.name as campus, a.letter_code, a.kind, b.publish_on
    from admissions a join organizations o on o.id = a.school_id join planned_seats ps on ps.id = a.programme_id join majors m on m.id = ps.major_id join campuses c on c.id = m.campus_id
    left join admission_batches b on b.id = a.batch_id
    where a.student_id = ${ctx.student.id} order by (a.status = 'admitted') desc, a.id desc limit 1`);
  const admissionVisible = adm && (adm.kind === 'registration' || resultsVisible(adm.publish_on, today));
  return {
    score,
    results,
    admission: admissionVisible ? { id: Number(adm.id), status: adm.status as 'admitted' | 'returned', schoolName: adm.school, majorName: adm.major, campusName: adm.campus, letterCode: adm.status === 'admitted' ? adm.letter_code : null, kind: adm.kind as 'batch' | 'registration' } : null,
    solicitation: await solicitationFor(db, ctx, today, adm?.status === 'admitted'),
  };
}

/** The family's own letter (admitted, published). */
export async function myLetterId(deps: AppDeps, ctx: StudentCtx): Promise<number> {
  const mine = await myAdmissionOf(deps, ctx);
  if (!mine.admission || mine.admission.status !== 'admitted') throw new AppError('NOT_FOUND', { letter: 'none' });
  return mine.admission.id;
}

// ------------------------------------------------------------------ the public

export async function publicCutoffsOf(deps: AppDeps, campaignId: number): Promise<z.infer<typeof publicCutoffs>> {
  const c = await campaignById(deps.db, campaignId);
  const today = (await deps.clock()).today;
  const batches = await queryRows<{ run_id: number; name: string; publish_on: string | null }>(deps.db, sql`
    select published_run_id as run_id, name, publish_on from admission_batches where campaign_id = ${c.id} and published_run_id is not null order by seq`);
  const out: z.infer<typeof publicCutoffs>['batches'] = [];
  for (const b of batches) {
    if (!resultsVisible(b.publish_on, today)) continue;
    const rows = await queryRows<{ school: string; major: string; campus: string; capacity: number; filled: number; cutoff_score: number | null; min_score: number | null }>(deps.db, sql`
      select o.name as school, m.name as major, c.name as campus, rp.capacity, (rp.admitted_main + rp.admitted_adjustment)::int as filled, rp.cutoff_score, rp.min_score
      from admission_run_programmes rp join planned_seats ps on ps.id = rp.programme_id join majors m on m.id = ps.major_id join organizations o on o.id = m.organization_id join campuses c on c.id = m.campus_id
      where rp.run_id = ${b.run_id} order by o.code, m.code`);
    out.push({
      batch: b.name, publishedOn: b.publish_on,
      programmes: rows.map((r) => ({ schoolName: r.school, majorName: r.major, campusName: r.campus, seats: Number(r.capacity), filled: Number(r.filled), cutoffScore: r.cutoff_score === null ? null : Number(r.cutoff_score), minScore: r.min_score === null ? null : Number(r.min_score) })),
    });
  }
  return { campaign: { id: c.id, name: c.name, year: c.year }, batches: out };
}
