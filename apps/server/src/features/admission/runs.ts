/**
 * A batch's run (R15): started by the district bureau, computed by a background job (jobs/),
 * stored with its exact inputs (admission_run_programmes, admission_run_applicants), the hash of
 * those inputs and the hash of its results. A run is a dry run until the bureau publishes it;
 * publishing re-reads the inputs and refuses when anything changed since (a new score version,
 * a confirmed change, seats, lines), so what is published is what was looked at. Re-running on
 * the same inputs gives the same bytes (batchInput orders everything; the lottery is seeded).
 * A job restarted after a crash clears what it wrote and writes again.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { admitRecords, type ApplicantRecord, type ProgramRecord, type StoredKey } from '@zhizhao/domain/admission/index';
import type { admissionRun, runBody, runDetail, runPlacementsPage, runPlacementsQuery } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { escapeLike, queryRows, type Queryable } from '../../db/client';
import { admissionBatches, admissionRuns, users } from '../../db/schema';
import { sha256, writeAudit, type RequestContext } from '../../audit/write-audit';
import { authorizeBureau } from '../../auth/admission-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { enqueueJob, type JobContext } from '../../jobs/jobs';
import { campaignById, campaignOfActor } from '../applications/bureau-campaign';
import { loadBatch, type BatchRow } from './batches';
import { gatherInputs, inputsHashOf, lockedScoreSet, type GatheredInputs, type Lines, type RunMeta, type ScoreSetRef } from './inputs';
import { applicantsCsv, programsCsv, resultsCsv } from './csv';
import { normalizeExamNo } from '../students/fields';

export type RunRow = typeof admissionRuns.$inferSelect;
type Line = { programmeId: number; minScore: number };
const CHUNK = 5000;
const p = (values: unknown[]) => sql.param(values);

export async function loadRun(db: Queryable, id: number, lock = false): Promise<RunRow> {
  const q = db.select().from(admissionRuns).where(eq(admissionRuns.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw new AppError('NOT_FOUND', { runId: id });
  return r;
}

async function progressOf(db: Queryable, jobId: number | null, run?: RunRow) {
  if (run?.status === 'published') {
    // After publication: the letters signed so far (admission.letters, publish.ts).
    const [l] = await queryRows<{ done: number; total: number }>(db, sql`select count(letter_code)::int as done, count(*)::int as total from admissions where run_id = ${run.id}`);
    return { phase: 'letters', done: Number(l?.done ?? 0), total: Number(l?.total ?? 0) };
  }
  if (!jobId) return { phase: '', done: 0, total: 0 };
  const [j] = await queryRows<{ phase: string; done: number; total: number }>(db, sql`select phase, done, total from jobs where id = ${jobId}`);
  return j ? { phase: j.phase, done: Number(j.done), total: Number(j.total) } : { phase: '', done: 0, total: 0 };
}

export async function runView(db: Queryable, r: RunRow, current: boolean | null = null): Promise<z.infer<typeof admissionRun>> {
  const [b] = await db.select({ name: admissionBatches.name }).from(admissionBatches).where(eq(admissionBatches.id, r.batchId));
  const names = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, [r.createdBy ?? 0]));
  return {
    id: r.id, campaignId: r.campaignId, batchId: r.batchId, batch: b?.name ?? '', status: r.status as z.infer<typeof admissionRun>['status'],
    progress: await progressOf(db, r.jobId, r), scoreSetId: r.scoreSetId, inputsHash: r.inputsHash, resultsHash: r.resultsHash,
    minScore: r.minScore, programmeLines: r.programmeLines as Line[], applicants: r.applicants, admitted: r.admitted, error: r.error,
    createdAt: r.createdAt.toISOString(), createdBy: names[0]?.username ?? null, publishedAt: r.publishedAt?.toISOString() ?? null, current,
  };
}

/** Batches run in order: every earlier batch must be published first. */
async function checkOrder(db: Queryable, b: BatchRow) {
  if (b.publishedRunId) throw new AppError('BATCH_PUBLISHED', { batchId: b.id });
  const earlier = await queryRows<{ name: string }>(db, sql`select name from admission_batches where campaign_id = ${b.campaignId} and seq < ${b.seq} and published_run_id is null order by seq limit 1`);
  if (earlier[0]) throw new AppError('BATCH_ORDER', { waitingFor: earlier[0].name });
}

const linesOf = (b: BatchRow, body: Pick<z.infer<typeof runBody>, 'minScore' | 'programmeLines'>): Lines => ({
  minScore: body.minScore !== undefined ? body.minScore : b.minScore,
  programmeLines: body.programmeLines ?? (b.programmeLines as Line[]),
});

export async function startRun(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof runBody>) {
  const actor = rctx.actor!;
  const b0 = await loadBatch(deps.db, body.batchId);
  const c = await campaignById(deps.db, b0.campaignId);
  authorizeBureau(actor, 'admission.run', c.district);
  const view = await deps.db.transaction(async (tx) => {
    const b = await loadBatch(tx, body.batchId, true);
    await checkOrder(tx, b);
    const scores = await lockedScoreSet(tx, c.id);
    if (!scores) throw new AppError('SCORE_SET_MISSING', { campaignId: c.id });
    const busy = await queryRows<{ id: number }>(tx, sql`select id from admission_runs where batch_id = ${b.id} and status in ('queued', 'running', 'publishing') limit 1`);
    if (busy[0]) throw new AppError('ADMISSION_RUN_BUSY', { runId: Number(busy[0].id) });
    const lines = linesOf(b, body);
    const jobId = await enqueueJob(tx, { kind: 'admission.run', payload: {}, organizationId: actor.organizationId, createdBy: actor.userId });
    const [run] = await tx
      .insert(admissionRuns)
      .values({ campaignId: c.id, batchId: b.id, status: 'queued', jobId, scoreSetId: scores.id, minScore: lines.minScore, programmeLines: lines.programmeLines, lotterySeed: '', tiebreakNames: scores.tiebreakNames, createdBy: actor.userId })
      .returning();
    await tx.execute(sql`update jobs set payload = ${JSON.stringify({ runId: run!.id })}::jsonb where id = ${jobId}`);
    await writeAudit(tx, rctx, { action: 'admission.run_start', objectType: 'admission_run', objectId: run!.id, organizationId: c.districtId, changes: { batchId: b.id, batch: b.name, scoreSetId: scores.id, scoreVersion: scores.version, ...lines } });
    return runView(tx, run!);
  });
  deps.jobs.kick();
  return view;
}

async function scoreSetById(db: Queryable, id: number): Promise<ScoreSetRef> {
  const [r] = await queryRows<{ id: number; version: number; content_hash: string; tiebreak_names: string[] }>(db, sql`select id, version, content_hash, tiebreak_names from score_sets where id = ${id}`);
  if (!r) throw new AppError('SCORE_SET_MISSING', { scoreSetId: id });
  return { id: Number(r.id), version: Number(r.version), contentHash: r.content_hash, tiebreakNames: r.tiebreak_names };
}

/** The inputs of a run as they are in the database now. */
export async function currentInputs(db: Queryable, run: RunRow): Promise<GatheredInputs> {
  const batch = await loadBatch(db, run.batchId);
  return gatherInputs(db, batch, await scoreSetById(db, run.scoreSetId!), { minScore: run.minScore, programmeLines: run.programmeLines as Line[] });
}

type Computed = ReturnType<typeof compute>;

/** The engine over gathered inputs, with what a run stores per programme. */
export function compute(g: GatheredInputs) {
  const out = admitRecords(g.programs, g.applicants, [], { tiebreakNames: g.meta.tiebreakNames });
  const { result } = out;
  const summary = out.summary();
  const applicantsOf = new Int32Array(g.programs.length);
  const k = out.input.applicants.choiceSlots;
  for (let a = 0; a < g.applicants.length; a++) {
    for (let j = 0; j < k; j++) {
      const prog = out.input.applicants.choices[a * k + j];
      if (prog >= 0) applicantsOf[prog]++;
    }
  }
  const programmes = g.programs.map((pr, i) => {
    const last = result.lastAdmitted[i];
    const ap = last >= 0 ? g.applicants[last] : null;
    const lastKey: StoredKey | null = ap ? { score: ap.score, tiebreaks: ap.tiebreaks ?? [], lottery: ap.lottery!, examNo: ap.id } : null;
    const s = summary[i];
    return {
      programmeId: Number(pr.id), schoolId: Number(pr.schoolId), capacity: pr.capacity, minScore: pr.minScore ?? null, applicants: applicantsOf[i], firstChoice: s.firstChoiceCount,
      admittedMain: s.admittedMain, admittedAdjustment: s.admittedAdjustment, lastRank: last >= 0 ? result.rank[last] + 1 : null, lastKey, cutoffScore: ap ? ap.score : null, cutoffKey: s.cutoffKey,
    };
  });
  const results = resultsCsv(out.placements);
  return { out, programmes, results, resultsHash: sha256(results), admitted: out.placements.filter((x) => x.programId !== null).length };
}

async function writeRunRows(ctx: JobContext, runId: number, g: GatheredInputs, c: Computed) {
  const db = ctx.deps.db;
  await db.execute(sql`delete from admission_run_applicants where run_id = ${runId}`);
  await db.execute(sql`delete from admission_run_programmes where run_id = ${runId}`);
  const pr = c.programmes;
  if (pr.length) {
    await db.execute(sql`
      insert into admission_run_programmes (run_id, programme_id, school_id, capacity, min_score, applicants, first_choice, admitted_main, admitted_adjustment, last_rank, last_key, cutoff_score, cutoff_key)
      select ${runId}, u.* from unnest(${p(pr.map((x) => x.programmeId))}::int[], ${p(pr.map((x) => x.schoolId))}::int[], ${p(pr.map((x) => x.capacity))}::int[], ${p(pr.map((x) => x.minScore))}::float8[],
        ${p(pr.map((x) => x.applicants))}::int[], ${p(pr.map((x) => x.firstChoice))}::int[], ${p(pr.map((x) => x.admittedMain))}::int[], ${p(pr.map((x) => x.admittedAdjustment))}::int[],
        ${p(pr.map((x) => x.lastRank))}::int[], ${p(pr.map((x) => (x.lastKey ? JSON.stringify(x.lastKey) : null)))}::jsonb[], ${p(pr.map((x) => x.cutoffScore))}::float8[], ${p(pr.map((x) => x.cutoffKey))}::text[]) as u`);
  }
  const n = g.applicants.length;
  const { result } = c.out;
  // Each chunk goes as one JSON document that PostgreSQL unpacks (json_to_recordset): one text
  // parameter instead of thirteen arrays, two of them of jsonb literals escaped one by one.
  for (let start = 0; start < n; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const a = g.applicants[i];
      const who = g.studentOf.get(a.id)!;
      const place = c.out.placements[i];
      rows.push({
        o: i, s: who.studentId, e: a.id, j: who.juniorHighId, sc: a.score, t: a.tiebreaks ?? [], l: a.lottery, c: a.choices.map(Number), a: !!a.acceptAdjustment,
        p: place.programId === null ? null : Number(place.programId), cr: place.choiceRank === null ? null : place.choiceRank === 'adj' ? 0 : place.choiceRank, r: result.rank[i] + 1,
      });
    }
    await db.execute(sql`
      insert into admission_run_applicants (run_id, ord, student_id, exam_no, junior_high_id, score, tiebreaks, lottery, choices, accept_adjustment, programme_id, choice_rank, rank)
      select ${runId}, u.o, u.s, u.e, u.j, u.sc, u.t, u.l, u.c, u.a, u.p, u.cr, u.r
      from json_to_recordset(${JSON.stringify(rows)}::json) as u(o int, s int, e text, j int, sc float8, t jsonb, l bigint, c jsonb, a bool, p int, cr int, r int)`);
    await ctx.progress('writing', start + rows.length, n);
  }
}

/** The `admission.run` job: read, admit, store. */
export async function runJobHandler(ctx: JobContext): Promise<unknown> {
  const db = ctx.deps.db;
  const runId = Number((ctx.job.payload as { runId: number }).runId);
  const run = await loadRun(db, runId);
  if (run.status !== 'queued' && run.status !== 'running') return { runId, skipped: run.status };
  await db.update(admissionRuns).set({ status: 'running', error: null }).where(eq(admissionRuns.id, runId));
  await ctx.progress('reading', 0, 1);
  const g = await currentInputs(db, run);
  await ctx.progress('admitting', 0, g.applicants.length);
  const c = compute(g);
  await writeRunRows(ctx, runId, g, c);
  const inputsHash = inputsHashOf(g.meta, g.programs, g.applicants);
  await db.transaction(async (tx) => {
    await tx
      .update(admissionRuns)
      .set({ status: 'ready', lotterySeed: g.meta.lotterySeed, inputsHash, resultsHash: c.resultsHash, skipped: g.skipped, applicants: g.applicants.length, admitted: c.admitted })
      .where(eq(admissionRuns.id, runId));
    await writeAudit(tx, { actor: null, requestId: `job-${ctx.job.id}`, ip: null }, { action: 'admission.run_ready', objectType: 'admission_run', objectId: runId, organizationId: (await campaignById(tx, run.campaignId)).districtId, changes: { inputsHash, resultsHash: c.resultsHash, applicants: g.applicants.length, admitted: c.admitted, skipped: g.skipped } });
  });
  await ctx.progress('done', g.applicants.length, g.applicants.length);
  return { runId, inputsHash, resultsHash: c.resultsHash };
}

/** A run whose job failed for good reads as failed. */
export async function runJobFailed(deps: AppDeps, job: { payload: unknown }, message: string, final: boolean) {
  if (!final) return;
  const runId = Number((job.payload as { runId?: number }).runId);
  if (!runId) return;
  await deps.db.transaction(async (tx) => {
    const changed = await queryRows<{ status: string; campaign_id: number }>(tx, sql`
      update admission_runs set status = case when status = 'publishing' then 'ready' else 'failed' end, error = ${message}
      where id = ${runId} and status in ('queued', 'running', 'publishing') returning status, campaign_id`);
    if (!changed[0]) return;
    const c = await campaignById(tx, Number(changed[0].campaign_id));
    await writeAudit(tx, { actor: null, requestId: null, ip: null }, { action: 'admission.run_failed', objectType: 'admission_run', objectId: runId, organizationId: c.districtId, changes: { status: changed[0].status, error: message.slice(0, 500) } });
  });
}

// ------------------------------------------------------------------ reading

export async function listRuns(deps: AppDeps, actor: Actor, campaignId: number | undefined) {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  authorizeBureau(actor, 'admission.read', c.district);
  const rows = await deps.db.select().from(admissionRuns).where(eq(admissionRuns.campaignId, c.id)).orderBy(desc(admissionRuns.id)).limit(200);
  return { items: await Promise.all(rows.map((r) => runView(deps.db, r))) };
}

async function authorizedRun(deps: AppDeps, actor: Actor, id: number, permission: 'admission.read' | 'admission.run' | 'admission.publish' = 'admission.read') {
  const run = await loadRun(deps.db, id);
  const c = await campaignById(deps.db, run.campaignId);
  authorizeBureau(actor, permission, c.district);
  return { run, c };
}

type ProgrammeStats = Computed['programmes'][number];

async function programmeNames(db: Queryable, ids: number[]) {
  if (ids.length === 0) return new Map<number, { schoolName: string; majorName: string; campusName: string }>();
  const rows = await queryRows<{ id: number; school_name: string; major_name: string; campus_name: string }>(db, sql`
    select ps.id, o.name as school_name, m.name as major_name, c.name as campus_name
    from planned_seats ps join majors m on m.id = ps.major_id join organizations o on o.id = m.organization_id join campuses c on c.id = m.campus_id
    where ps.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(rows.map((r) => [Number(r.id), { schoolName: r.school_name, majorName: r.major_name, campusName: r.campus_name }]));
}

async function detailOf(db: Queryable, view: z.infer<typeof admissionRun>, programmes: ProgrammeStats[], juniorHighs: Array<{ juniorHighId: number | null; applicants: number; admitted: number }>, skipped: { admittedBefore?: number; noChoiceInBatch?: number; noScore?: number }, adjusted: number): Promise<z.infer<typeof runDetail>> {
  const names = await programmeNames(db, programmes.map((x) => x.programmeId));
  const jhIds = juniorHighs.map((j) => j.juniorHighId).filter((x): x is number => x !== null);
  const jhNames = new Map((jhIds.length ? await queryRows<{ id: number; name: string }>(db, sql`select id, name from organizations where id in (${sql.join(jhIds.map((i) => sql`${i}`), sql`, `)})`) : []).map((r) => [Number(r.id), r.name]));
  return {
    ...view,
    programmes: programmes.map((x) => ({
      programmeId: x.programmeId, schoolId: x.schoolId, ...(names.get(x.programmeId) ?? { schoolName: '', majorName: '', campusName: '' }), seats: x.capacity, minScore: x.minScore,
      applicants: x.applicants, firstChoice: x.firstChoice, admitted: x.admittedMain + x.admittedAdjustment, admittedAdjustment: x.admittedAdjustment, cutoffScore: x.cutoffScore, cutoffKey: x.cutoffKey, lastRank: x.lastRank,
    })),
    juniorHighs: juniorHighs.map((j) => ({ juniorHighId: j.juniorHighId, name: j.juniorHighId === null ? '社会考生' : (jhNames.get(j.juniorHighId) ?? ''), applicants: j.applicants, admitted: j.admitted })).sort((a, b) => b.applicants - a.applicants),
    totals: { applicants: view.applicants, admitted: view.admitted, adjusted, unplaced: view.applicants - view.admitted, admittedBefore: skipped.admittedBefore ?? 0, noChoiceInBatch: skipped.noChoiceInBatch ?? 0, noScore: skipped.noScore ?? 0 },
  };
}

/** Whether the inputs are still what the run read (publish requires it). */
/** A run is current while its score version is the newest locked one and its inputs give the same hash again. */
export async function isCurrent(db: Queryable, run: RunRow): Promise<boolean> {
  if (!run.inputsHash) return false;
  const latest = await lockedScoreSet(db, run.campaignId);
  if (!latest || latest.id !== run.scoreSetId) return false;
  const g = await currentInputs(db, run);
  return inputsHashOf(g.meta, g.programs, g.applicants) === run.inputsHash;
}

export async function getRun(deps: AppDeps, actor: Actor, id: number): Promise<z.infer<typeof runDetail>> {
  const { run } = await authorizedRun(deps, actor, id);
  const done = run.status === 'ready' || run.status === 'published' || run.status === 'publishing';
  const current = run.status === 'ready' ? await isCurrent(deps.db, run) : null;
  const view = await runView(deps.db, run, current);
  if (!done) return detailOf(deps.db, view, [], [], {}, 0);
  const programmes = (await queryRows<Record<string, unknown>>(deps.db, sql`select * from admission_run_programmes where run_id = ${id} order by programme_id`)).map((r) => ({
    programmeId: Number(r.programme_id), schoolId: Number(r.school_id), capacity: Number(r.capacity), minScore: r.min_score === null ? null : Number(r.min_score), applicants: Number(r.applicants), firstChoice: Number(r.first_choice),
    admittedMain: Number(r.admitted_main), admittedAdjustment: Number(r.admitted_adjustment), lastRank: r.last_rank === null ? null : Number(r.last_rank), lastKey: r.last_key as StoredKey | null, cutoffScore: r.cutoff_score === null ? null : Number(r.cutoff_score), cutoffKey: String(r.cutoff_key),
  }));
  const jh = await queryRows<{ junior_high_id: number | null; applicants: number; admitted: number; adjusted: number }>(deps.db, sql`
    select junior_high_id, count(*)::int as applicants, count(programme_id)::int as admitted, count(*) filter (where choice_rank = 0)::int as adjusted
    from admission_run_applicants where run_id = ${id} group by junior_high_id`);
  const adjusted = jh.reduce((s, r) => s + Number(r.adjusted), 0);
  return detailOf(deps.db, view, programmes, jh.map((r) => ({ juniorHighId: r.junior_high_id === null ? null : Number(r.junior_high_id), applicants: Number(r.applicants), admitted: Number(r.admitted) })), run.skipped as Record<string, number>, adjusted);
}

/** The what-if: the batch with other lines, computed now and not stored. */
export async function previewRun(deps: AppDeps, actor: Actor, body: z.infer<typeof runBody>): Promise<z.infer<typeof runDetail>> {
  const b = await loadBatch(deps.db, body.batchId);
  const c = await campaignById(deps.db, b.campaignId);
  authorizeBureau(actor, 'admission.run', c.district);
  const scores = await lockedScoreSet(deps.db, c.id);
  if (!scores) throw new AppError('SCORE_SET_MISSING', { campaignId: c.id });
  const lines = linesOf(b, body);
  const g = await gatherInputs(deps.db, b, scores, lines);
  const computed = compute(g);
  const byJh = new Map<number | null, { applicants: number; admitted: number }>();
  computed.out.placements.forEach((pl) => {
    const jh = g.studentOf.get(pl.applicantId)!.juniorHighId;
    const e = byJh.get(jh) ?? { applicants: 0, admitted: 0 };
    e.applicants++;
    if (pl.programId !== null) e.admitted++;
    byJh.set(jh, e);
  });
  const view: z.infer<typeof admissionRun> = {
    id: 0, campaignId: c.id, batchId: b.id, batch: b.name, status: 'ready', progress: { phase: 'preview', done: g.applicants.length, total: g.applicants.length }, scoreSetId: scores.id,
    inputsHash: inputsHashOf(g.meta, g.programs, g.applicants), resultsHash: computed.resultsHash, minScore: lines.minScore, programmeLines: lines.programmeLines, applicants: g.applicants.length, admitted: computed.admitted,
    error: null, createdAt: new Date().toISOString(), createdBy: actor.username, publishedAt: null, current: true,
  };
  const adjusted = computed.out.placements.filter((x) => x.choiceRank === 'adj').length;
  return detailOf(deps.db, view, computed.programmes, [...byJh].map(([juniorHighId, v]) => ({ juniorHighId, ...v })), g.skipped, adjusted);
}

export async function runPlacements(deps: AppDeps, actor: Actor, id: number, q: z.infer<typeof runPlacementsQuery>): Promise<z.infer<typeof runPlacementsPage>> {
  await authorizedRun(deps, actor, id);
  const where = sql.join(
    [
      sql`ra.run_id = ${id}`,
      q.programmeId ? sql`ra.programme_id = ${q.programmeId}` : sql`true`,
      q.juniorHighId ? sql`ra.junior_high_id = ${q.juniorHighId}` : sql`true`,
      q.outcome === 'admitted' ? sql`ra.programme_id is not null` : q.outcome === 'unplaced' ? sql`ra.programme_id is null` : sql`true`,
      q.q ? sql`(ra.exam_no like ${`${escapeLike(normalizeExamNo(q.q))}%`} or s.name like ${`%${escapeLike(q.q)}%`})` : sql`true`,
    ],
    sql` and `,
  );
  const [{ n }] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from admission_run_applicants ra join students s on s.id = ra.student_id where ${where}`);
  const rows = await queryRows<{ exam_no: string; name: string; jh: string | null; score: number; rank: number; programme_id: number | null; choice_rank: number | null; major: string | null; school: string | null }>(deps.db, sql`
    select ra.exam_no, s.name, o.name as jh, ra.score, ra.rank, ra.programme_id, ra.choice_rank, m.name as major, so.name as school
    from admission_run_applicants ra join students s on s.id = ra.student_id left join organizations o on o.id = ra.junior_high_id
    left join planned_seats ps on ps.id = ra.programme_id left join majors m on m.id = ps.major_id left join organizations so on so.id = m.organization_id
    where ${where} order by ra.rank limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
  return {
    items: rows.map((r) => ({ examNo: r.exam_no, studentName: r.name, juniorHighName: r.jh, score: Number(r.score), rank: Number(r.rank), programmeId: r.programme_id === null ? null : Number(r.programme_id), programme: r.major ? `${r.school} ${r.major}` : null, choiceRank: r.choice_rank === null ? null : Number(r.choice_rank) === 0 ? 'adj' : Number(r.choice_rank) })),
    total: Number(n), page: q.page, pageSize: q.pageSize,
  };
}

// ------------------------------------------------------------------ the stored inputs, as files

/** The run's inputs rebuilt from what it stored; the hash is checked against the one recorded. */
export async function storedInputs(db: Queryable, run: RunRow): Promise<{ meta: RunMeta; programs: ProgramRecord[]; applicants: ApplicantRecord[] }> {
  const [b] = await db.select().from(admissionBatches).where(eq(admissionBatches.id, run.batchId));
  const scores = await scoreSetById(db, run.scoreSetId!);
  const programs = (await queryRows<{ programme_id: number; school_id: number; capacity: number; min_score: number | null }>(db, sql`select programme_id, school_id, capacity, min_score from admission_run_programmes where run_id = ${run.id} order by programme_id`)).map(
    (r): ProgramRecord => ({ id: String(r.programme_id), schoolId: String(r.school_id), capacity: Number(r.capacity), minScore: r.min_score === null ? null : Number(r.min_score) }),
  );
  const applicants = (await queryRows<{ exam_no: string; score: number; tiebreaks: number[]; lottery: number; choices: number[]; accept_adjustment: boolean }>(db, sql`select exam_no, score, tiebreaks, lottery, choices, accept_adjustment from admission_run_applicants where run_id = ${run.id} order by ord`)).map(
    (r): ApplicantRecord => ({ id: r.exam_no, score: Number(r.score), tiebreaks: (r.tiebreaks ?? []).map(Number), lottery: Number(r.lottery), choices: (r.choices ?? []).map(String), acceptAdjustment: r.accept_adjustment }),
  );
  const meta: RunMeta = { campaignId: run.campaignId, batchId: run.batchId, kind: b!.kind, scoreSetId: scores.id, scoreSetHash: scores.contentHash, tiebreakNames: scores.tiebreakNames, lotterySeed: run.lotterySeed, minScore: run.minScore, programmeLines: [...(run.programmeLines as Line[])].sort((x, y) => x.programmeId - y.programmeId) };
  if (inputsHashOf(meta, programs, applicants) !== run.inputsHash) throw new Error(`run ${run.id}: the stored inputs do not match the recorded inputs hash`);
  return { meta, programs, applicants };
}

export async function storedResultsCsv(db: Queryable, runId: number): Promise<string> {
  const rows = await queryRows<{ exam_no: string; programme_id: number | null; choice_rank: number | null }>(db, sql`select exam_no, programme_id, choice_rank from admission_run_applicants where run_id = ${runId} order by ord`);
  return resultsCsv(rows.map((r) => ({ applicantId: r.exam_no, programId: r.programme_id === null ? null : String(r.programme_id), choiceRank: r.choice_rank === null ? null : Number(r.choice_rank) === 0 ? 'adj' : Number(r.choice_rank) })));
}

export async function runFiles(db: Queryable, runId: number) {
  const run = await loadRun(db, runId);
  if (!run.inputsHash) throw new AppError('ADMISSION_RUN_NOT_READY', { runId });
  const { programs, applicants } = await storedInputs(db, run);
  return { run, files: { 'programs.csv': programsCsv(programs), 'applicants.csv': applicantsCsv(applicants), 'results.csv': await storedResultsCsv(db, runId) } };
}

export async function runFile(deps: AppDeps, actor: Actor, id: number, name: string) {
  await authorizedRun(deps, actor, id);
  const { files } = await runFiles(deps.db, id);
  const body = (files as Record<string, string>)[name];
  if (body === undefined) throw new AppError('NOT_FOUND', { file: name });
  return body;
}

export { authorizedRun };
