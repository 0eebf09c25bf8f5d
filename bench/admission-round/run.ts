/**
 * Admission round benchmark (R15, issue 11 "Scale"): `npm run bench -- admission-round` or
 * `npx tsx bench/admission-round/run.ts [--quick] [--n N] [--no-db] [--no-publish] [--postgres]`.
 *
 * One process, one synthetic city (seeded): N applicants (default 100,000; --quick 20,000), 80
 * vocational schools with 600 programmes (7–8 each), 1–6 choices each (55 % fill all six) drawn
 * with Zipf popularity, seats adding up to 90 % of N (∝ popularity^0.7), a batch line of 200 and
 * an own line on 10 % of the programmes, integer subject scores (语文/数学/外语 0–150 are the
 * tie-break subjects, 综合 0–300), 30 % accept adjustment, 200 junior highs. It measures
 *  1. baseline: the pure engine `admitRecords` on the batch's records;
 *  2. the run as the server's job computes it, in memory: `batchInput` (+ the exam-number map
 *     gatherInputs builds), `compute` (engine, per-programme stats, results.csv and its hash),
 *     `inputsHashOf`; and the export files (`programsCsv` + `applicantsCsv`);
 *  3. `explainPlacement` for every applicant (what each family reads), from what a run stores;
 *  4. on PGlite (as `npm start` runs it, data folder on disk): the city seeded into the demo's
 *     示例北区 campaign (students, confirmed vocational applications, a locked score set, one
 *     batch), then `gatherInputs` alone, the whole `admission.run` job (startRun + the job worker:
 *     read, engine, write the run's rows, hash, audit), publishing (`publishRun` + the
 *     `admission.publish` job: re-read and compare the inputs, one signed letter per admitted), and
 *     a family's result page (`myAdmissionOf`) for a sample of students. With --postgres the same
 *     on a new PostgreSQL database (BENCH_DATABASE_URL, created and dropped as bench/applications).
 * Medians over several repetitions (the in-memory ones after a warm-up); ratios against the
 * baseline's median in the same process; peak RSS (maxRSS) after the in-memory part and at the end.
 * The run's placements read back from the database are checked against the in-memory ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import {
  admitRecords,
  batchInput,
  explainPlacement,
  type BatchDefinition,
  type RoundApplicant,
  type RoundProgramme,
  type StoredProgramme,
} from '@zhizhao/domain/admission/index';
import { loadConfig } from '@zhizhao/server/config';
import { migrateDatabase, openPglite, queryRows, type Database, type Db } from '@zhizhao/server/db/client';
import { seedDemo } from '@zhizhao/server/seed/demo';
import { makeDeps, type AppDeps } from '@zhizhao/server/deps';
import { actorByUsername } from '@zhizhao/server/auth/actor';
import type { RequestContext } from '@zhizhao/server/audit/write-audit';
import { drainJobs, type JobContext, type JobHandlers } from '@zhizhao/server/jobs/jobs';
import { compute, runJobHandler, startRun } from '@zhizhao/server/features/admission/runs';
import { LETTERS_SIGN, lettersJobHandler, publishJobHandler, publishRun } from '@zhizhao/server/features/admission/publish';
import { importScores } from '@zhizhao/server/features/admission/scores';
import { gatherInputs, inputsHashOf, lockedScoreSet, lotterySeedOf, type GatheredInputs, type RunMeta } from '@zhizhao/server/features/admission/inputs';
import { applicantsCsv, programsCsv } from '@zhizhao/server/features/admission/csv';
import { loadBatch } from '@zhizhao/server/features/admission/batches';
import { myAdmissionOf } from '@zhizhao/server/features/admission/results';
import { studentCtxById } from '@zhizhao/server/features/applications/queries';
import { largestRemainder, mulberry32, pick, zipfPopularity } from '../admission/generate';
import { createBenchDatabase, PG_URL } from '../applications/setup';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const nArg = args.indexOf('--n');
const N = nArg >= 0 ? Number(args[nArg + 1]) : quick ? 20_000 : 100_000;
if (!Number.isInteger(N) || N < 1000) throw new Error(`--n wants a whole number of applicants ≥ 1,000, not ${args[nArg + 1]}`);
const WITH_DB = !args.includes('--no-db');
const WITH_PUBLISH = !args.includes('--no-publish');
/** The database part on PostgreSQL (BENCH_DATABASE_URL, as bench/applications) instead of PGlite. */
const ON_POSTGRES = args.includes('--postgres');
const SCHOOLS = 80;
const PROGRAMMES = 600;
const JUNIOR_HIGHS = 200;
const MEMORY_REPS = 5;
const DB_REPS = 3;
const FAMILY_SAMPLE = 200;
const SUBJECTS = ['语文', '数学', '外语', '综合'];
const TIEBREAKS = ['语文', '数学', '外语'];
const BATCH_LINE = 200;
/** The demo's 示例北区 campaign (D02): no programmes of its own, so the city is all there is. */
const CAMPAIGN_ID = 2;
const BUREAU = 'north.admin';

// ------------------------------------------------------------------ the city

interface City {
  /** Per programme: its school (0-based), seats, own line (NaN: none). */
  school: Int32Array;
  seats: Int32Array;
  line: Float64Array;
  examNo: string[];
  juniorHigh: Int32Array;
  /** Subject scores, SUBJECTS order; the first three are the tie-break subjects. */
  subjects: Float64Array[];
  total: Float64Array;
  choices: number[][];
  accept: Uint8Array;
}

const subject = (rnd: () => number, max: number) => Math.round(((rnd() + rnd() + rnd()) / 3) * max);

function makeCity(n: number, seed = 20270701): City {
  const rnd = mulberry32(seed);
  const m = PROGRAMMES;
  const { weight, cumulative, total: sum } = zipfPopularity(rnd, m);
  // Seats ∝ weight^0.7, largest remainder, adding up to 90 % of the applicants.
  const seats = largestRemainder(weight.map((w) => w ** 0.7), Math.floor(0.9 * n));
  const school = Int32Array.from({ length: m }, (_, p) => Math.floor((p * SCHOOLS) / m));
  const line = Float64Array.from({ length: m }, () => (rnd() < 0.1 ? 350 + Math.floor(rnd() * 15) * 10 : NaN));

  const subjects = SUBJECTS.map(() => new Float64Array(n));
  const total = new Float64Array(n);
  const juniorHigh = new Int32Array(n);
  const accept = new Uint8Array(n);
  const choices: number[][] = [];
  const examNo: string[] = [];
  for (let a = 0; a < n; a++) {
    examNo.push(`B27${String(a + 1).padStart(7, '0')}`);
    juniorHigh[a] = Math.floor(rnd() * JUNIOR_HIGHS);
    let t = 0;
    SUBJECTS.forEach((_, s) => (t += subjects[s][a] = subject(rnd, s < 3 ? 150 : 300)));
    total[a] = t;
    accept[a] = rnd() < 0.3 ? 1 : 0;
    const k = rnd() < 0.55 ? 6 : 1 + Math.floor(rnd() * 5);
    const mine: number[] = [];
    while (mine.length < k) {
      const p = pick(cumulative, rnd() * sum);
      if (!mine.includes(p)) mine.push(p);
    }
    choices.push(mine);
  }
  return { school, seats, line, examNo, juniorHigh, subjects, total, choices, accept };
}

/** The city as the round sees it, with ids chosen so that their order is the database's. */
function roundOf(city: City, ids: { programme: (p: number) => number; school: (s: number) => number; student: (a: number) => number }) {
  const programmes: RoundProgramme[] = Array.from(city.seats, (seats, p) => ({ id: ids.programme(p), schoolId: ids.school(city.school[p]), seatsForAdmission: seats }));
  const applicants: RoundApplicant[] = city.examNo.map((examNo, a) => ({
    studentId: ids.student(a), examNo, score: city.total[a], tiebreaks: [city.subjects[0][a], city.subjects[1][a], city.subjects[2][a]],
    choices: city.choices[a].map(ids.programme), acceptAdjustment: city.accept[a] === 1,
  }));
  const programmeLines: Record<string, number> = {};
  city.line.forEach((l, p) => {
    if (!Number.isNaN(l)) programmeLines[String(ids.programme(p))] = l;
  });
  const def: BatchDefinition = { kind: 'exam', programmeIds: null, minScore: BATCH_LINE, programmeLines };
  return { programmes, applicants, def };
}

// ------------------------------------------------------------------ measuring

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))];
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const now = () => performance.now();
/** CPU time of this process (user + system), ms: under load, the part of a wall time that was work. */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const log = (s: string) => process.stderr.write(`${s}\n`);

type Row = { stage: string; runs: number[]; cpu?: number[]; note?: string };
const rows: Row[] = [];
let baselineMs = NaN;

/** The runs as a list, or their count and range when there are many (the family sample). */
const runsOf = (runs: number[]) => (runs.length <= DB_REPS + MEMORY_REPS ? runs.map(fmt).join(', ') : `${runs.length} requests, ${fmt(Math.min(...runs))}–${fmt(Math.max(...runs))}`);

function row(stage: string, runs: number[], note = '', cpu?: number[]) {
  rows.push({ stage, runs, cpu, note });
  log(`  ${stage}: median ${fmt(median(runs))} (${runsOf(runs)})${cpu ? `, CPU ${fmt(median(cpu))}` : ''}`);
}

// ------------------------------------------------------------------ 1–3: in memory

function inMemory(city: City) {
  const ids = { programme: (p: number) => 1001 + p, school: (s: number) => 101 + s, student: (a: number) => 1 + a };
  const { programmes, applicants, def } = roundOf(city, ids);
  const lotterySeed = lotterySeedOf(CAMPAIGN_ID, 1);
  const meta: RunMeta = {
    campaignId: CAMPAIGN_ID, batchId: 1, kind: 'exam', scoreSetId: 1, scoreSetHash: 'bench', tiebreakNames: TIEBREAKS, lotterySeed, minScore: BATCH_LINE,
    programmeLines: Object.entries(def.programmeLines).map(([id, minScore]) => ({ programmeId: Number(id), minScore })).sort((a, b) => a.programmeId - b.programmeId),
  };
  const gather = (): GatheredInputs => {
    const studentOf = new Map<string, { studentId: number; juniorHighId: number | null }>();
    applicants.forEach((a, i) => studentOf.set(a.examNo, { studentId: a.studentId, juniorHighId: 201 + city.juniorHigh[i] }));
    const b = batchInput(def, programmes, applicants, new Map(), new Set(), lotterySeed);
    return { meta, programs: b.programs, applicants: b.applicants, studentOf, skipped: { ...b.skipped, noScore: 0 } };
  };

  log(`in memory, ${N.toLocaleString('en')} applicants: warm-up…`);
  const g0 = gather();
  admitRecords(g0.programs, g0.applicants, [], { tiebreakNames: TIEBREAKS });
  const c0 = compute(g0);
  inputsHashOf(g0.meta, g0.programs, g0.applicants);

  const cpu = { base: [] as number[], total: [] as number[], explain: [] as number[] };
  const t = { base: [] as number[], batch: [] as number[], compute: [] as number[], hash: [] as number[], total: [] as number[], csv: [] as number[] };
  const hashes = new Set<string>();
  for (let r = 0; r < MEMORY_REPS; r++) {
    let c0 = cpuNow();
    let t0 = now();
    admitRecords(g0.programs, g0.applicants, [], { tiebreakNames: TIEBREAKS });
    t.base.push(now() - t0);
    cpu.base.push(cpuNow() - c0);

    c0 = cpuNow();
    t0 = now();
    const g = gather();
    const t1 = now();
    const c = compute(g);
    const t2 = now();
    const h = inputsHashOf(g.meta, g.programs, g.applicants);
    const t3 = now();
    t.batch.push(t1 - t0);
    t.compute.push(t2 - t1);
    t.hash.push(t3 - t2);
    t.total.push(t3 - t0);
    cpu.total.push(cpuNow() - c0);
    hashes.add(`${h}/${c.resultsHash}`);

    t0 = now();
    programsCsv(g.programs);
    applicantsCsv(g.applicants);
    t.csv.push(now() - t0);
  }
  if (hashes.size !== 1) throw new Error('the in-memory run is not reproducible: different hashes between repetitions');
  baselineMs = median(t.base);
  row('1. baseline: admitRecords (engine on the records)', t.base, '', cpu.base);
  row('2a. batchInput + exam-number map', t.batch);
  row('2b. compute (engine, per-programme stats, results.csv, hash)', t.compute);
  row('2c. inputsHashOf (programs.csv + applicants.csv bytes, sha256)', t.hash);
  row('2. the run in memory (2a + 2b + 2c)', t.total, 'what the job computes between reading and writing', cpu.total);
  row('2d. export files: programsCsv + applicantsCsv', t.csv);

  // 3. What each family reads: from what a run stores (per-programme last key, own key, choices).
  const names = new Map(c0.programmes.map((p) => [p.programmeId, `学校${p.schoolId - 100} 专业${p.programmeId - 1000}`]));
  const stored = new Map<number, StoredProgramme>(c0.programmes.map((p) => [p.programmeId, { id: p.programmeId, name: names.get(p.programmeId)!, capacity: p.capacity, minScore: p.minScore, last: p.lastKey }]));
  const mine = g0.applicants.map((a, i) => ({
    me: { score: a.score, tiebreaks: a.tiebreaks ?? [], lottery: a.lottery!, examNo: a.id, choices: a.choices.map(Number), acceptAdjustment: !!a.acceptAdjustment },
    placed: { programmeId: c0.out.placements[i].programId === null ? null : Number(c0.out.placements[i].programId), choiceRank: c0.out.placements[i].choiceRank },
  }));
  for (const x of mine.slice(0, 2000)) explainPlacement(x.me, x.placed, stored, TIEBREAKS);
  const te: number[] = [];
  let lines = 0;
  for (let r = 0; r < MEMORY_REPS; r++) {
    const c0 = cpuNow();
    const t0 = now();
    lines = 0;
    for (const x of mine) lines += explainPlacement(x.me, x.placed, stored, TIEBREAKS).length;
    te.push(now() - t0);
    cpu.explain.push(cpuNow() - c0);
  }
  row(`3. explainPlacement × ${N.toLocaleString('en')} (${lines.toLocaleString('en')} lines)`, te, `${((median(te) / N) * 1000).toFixed(1)} µs per family`, cpu.explain);

  // The stored explanation must say what the engine says (a sample; round.test.ts checks small cases).
  let differ = 0;
  const step = Math.max(1, Math.floor(N / 2000));
  for (let i = 0; i < N; i += step) {
    const a = g0.applicants[i];
    const engine = c0.out.explain(a.id).map((e) => e.outcome).join(',');
    const plain = explainPlacement(mine[i].me, mine[i].placed, stored, TIEBREAKS).map((e) => e.outcome).join(',');
    if (engine !== plain) differ++;
  }
  const placed = c0.out.placements.filter((p) => p.programId !== null).length;
  const adjusted = c0.out.placements.filter((p) => p.choiceRank === 'adj').length;
  return {
    ids,
    placements: c0.out.placements,
    facts: {
      applicants: g0.applicants.length, placed, adjusted, seats: city.seats.reduce((a, b) => a + b, 0), choiceRows: g0.applicants.reduce((s, a) => s + a.choices.length, 0),
      explainChecked: Math.ceil(N / step), explainDiffer: differ,
    },
  };
}

// ------------------------------------------------------------------ 4: the database

async function seedCity(db: Db, city: City) {
  const [d] = await queryRows<{ id: number; city_id: number; code: string }>(db, sql`select o.id, o.city_id, o.code from organizations o join campaigns c on c.district_id = o.id where c.id = ${CAMPAIGN_ID}`);
  if (d?.code !== 'D02') throw new Error(`campaign ${CAMPAIGN_ID} is not the demo's 示例北区 campaign`);
  const districtId = Number(d!.id);
  const cityId = Number(d!.city_id);
  const p = (v: unknown[]) => sql.param(v);
  const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
  const jhCodes = range(JUNIOR_HIGHS, (i) => `JNB${String(i + 1).padStart(3, '0')}`);
  await db.execute(sql`insert into organizations (code, name, kind, parent_id, district_id, city_id)
    select c, '示例北区基准初中' || substr(c, 4), 'junior_high', ${districtId}, ${districtId}, ${cityId} from unnest(${p(jhCodes)}::text[]) with ordinality as t(c, i) order by i`);
  const vCodes = range(SCHOOLS, (i) => `VB${String(i + 1).padStart(2, '0')}`);
  await db.execute(sql`insert into organizations (code, name, kind, parent_id, district_id, city_id, run_by, ownership)
    select c, '示例北区基准职校' || substr(c, 3), 'vocational_school', ${districtId}, ${districtId}, ${cityId}, 'district', 'public' from unnest(${p(vCodes)}::text[]) with ordinality as t(c, i) order by i`);
  const orgId = new Map((await queryRows<{ id: number; code: string }>(db, sql`select id, code from organizations where code like 'JNB%' or code like 'VB%'`)).map((r) => [r.code, Number(r.id)]));
  await db.execute(sql`insert into campuses (organization_id, name, address) select o, '本部', '示例北区' from unnest(${p(vCodes.map((c) => orgId.get(c)))}::int[]) as t(o)`);
  const campusOf = new Map((await queryRows<{ id: number; organization_id: number }>(db, sql`select id, organization_id from campuses`)).map((r) => [Number(r.organization_id), Number(r.id)]));
  const progCodes = range(PROGRAMMES, (i) => `B${String(i + 1).padStart(5, '0')}`);
  const schoolOrg = (s: number) => orgId.get(vCodes[s])!;
  await db.execute(sql`insert into majors (organization_id, campus_id, code, name, category, length_years, internship, fees, aid_policy)
    select o, c, code, '基准专业' || substr(code, 2), 'general', 3, '第三学年顶岗实习', '[{"name":"学费","amount":0,"unit":"元/学年（免学费）"}]'::jsonb, '国家助学金'
    from unnest(${p(Array.from(city.school, schoolOrg))}::int[], ${p(Array.from(city.school, (s) => campusOf.get(schoolOrg(s))))}::int[], ${p(progCodes)}::text[]) with ordinality as t(o, c, code, i) order by i`);
  // Planned seats one statement per programme, so that ids follow the programme order (the engine's order is by id).
  const majorOf = new Map((await queryRows<{ id: number; code: string }>(db, sql`select id, code from majors where code like 'B%'`)).map((r) => [r.code, Number(r.id)]));
  for (let q = 0; q < PROGRAMMES; q++) await db.execute(sql`insert into planned_seats (campaign_id, major_id, seats) values (${CAMPAIGN_ID}, ${majorOf.get(progCodes[q])}, ${city.seats[q]})`);
  const psRows = await queryRows<{ id: number; code: string }>(db, sql`select ps.id, m.code from planned_seats ps join majors m on m.id = ps.major_id where ps.campaign_id = ${CAMPAIGN_ID}`);
  const programmeId = new Int32Array(PROGRAMMES);
  for (const r of psRows) programmeId[progCodes.indexOf(r.code)] = Number(r.id);

  const n = city.examNo.length;
  const CH = 10_000;
  for (let s = 0; s < n; s += CH) {
    const idx = range(Math.min(CH, n - s), (i) => String(s + i)).map(Number);
    await db.execute(sql`insert into students (campaign_id, kind, junior_high_id, name, gender, id_type, id_cipher, id_hash, id_masked, exam_no, class_name)
      select ${CAMPAIGN_ID}, 'grade9', jh, '基准考生' || e, case when i % 2 = 0 then 'male' else 'female' end, 'resident_id', 'bench', 'bench-' || e, '990101********0000', e, '九(' || (i % 12 + 1) || ')班'
      from unnest(${p(idx.map((a) => city.examNo[a]))}::text[], ${p(idx.map((a) => orgId.get(jhCodes[city.juniorHigh[a]])))}::int[], ${p(idx)}::int[]) as t(e, jh, i)`);
  }
  const studentOf = new Map((await queryRows<{ id: number; exam_no: string }>(db, sql`select id, exam_no from students where campaign_id = ${CAMPAIGN_ID} and exam_no like 'B27%'`)).map((r) => [r.exam_no, Number(r.id)]));
  const studentId = Int32Array.from(city.examNo, (e) => studentOf.get(e)!);

  for (let s = 0; s < n; s += CH) {
    const idx = range(Math.min(CH, n - s), (i) => String(s + i)).map(Number);
    const apps = await queryRows<{ id: number; student_id: number }>(db, sql`
      insert into applications (campaign_id, student_id, track, accept_adjustment, version, entered_by, entered_at, student_confirmed_version, student_confirmed_at, guardian_confirmed_version, guardian_confirmed_at, status)
      select ${CAMPAIGN_ID}, sid, 'vocational', acc, 1, 'student', now(), 1, now(), 1, now(), 'confirmed'
      from unnest(${p(idx.map((a) => studentId[a]))}::int[], ${p(idx.map((a) => city.accept[a] === 1))}::bool[]) as t(sid, acc)
      returning id, student_id`);
    const appOf = new Map(apps.map((r) => [Number(r.student_id), Number(r.id)]));
    const app: number[] = [];
    const rank: number[] = [];
    const prog: number[] = [];
    for (const a of idx) city.choices[a].forEach((q, j) => (app.push(appOf.get(studentId[a])!), rank.push(j + 1), prog.push(programmeId[q])));
    await db.execute(sql`insert into application_choices (application_id, rank, programme_id) select * from unnest(${p(app)}::int[], ${p(rank)}::int[], ${p(prog)}::int[])`);
  }

  const [set] = await queryRows<{ id: number }>(db, sql`
    insert into score_sets (campaign_id, version, status, rows, content_hash, subjects, tiebreak_names, locked_at)
    values (${CAMPAIGN_ID}, 1, 'locked', ${n}, 'bench', ${JSON.stringify(SUBJECTS)}::jsonb, ${JSON.stringify(TIEBREAKS)}::jsonb, now()) returning id`);
  for (let s = 0; s < n; s += CH) {
    const idx = range(Math.min(CH, n - s), (i) => String(s + i)).map(Number);
    await db.execute(sql`insert into exam_scores (score_set_id, student_id, total, subjects, tiebreaks)
      select ${set!.id}, sid, t, j::jsonb, b::jsonb from unnest(${p(idx.map((a) => studentId[a]))}::int[], ${p(idx.map((a) => city.total[a]))}::float8[],
        ${p(idx.map((a) => JSON.stringify(Object.fromEntries(SUBJECTS.map((name, k) => [name, city.subjects[k][a]])))))}::text[],
        ${p(idx.map((a) => JSON.stringify([city.subjects[0][a], city.subjects[1][a], city.subjects[2][a]])))}::text[]) as x(sid, t, j, b)`);
  }
  const lines = Array.from(city.line, (l, q) => ({ programmeId: programmeId[q], minScore: l })).filter((l) => !Number.isNaN(l.minScore));
  const [batch] = await queryRows<{ id: number }>(db, sql`
    insert into admission_batches (campaign_id, seq, name, kind, programme_ids, min_score, programme_lines, publish_on)
    values (${CAMPAIGN_ID}, 1, '统招批', 'exam', null, ${BATCH_LINE}, ${JSON.stringify(lines)}::jsonb, null) returning id`);
  for (const t of ['students', 'applications', 'application_choices', 'exam_scores', 'planned_seats', 'majors', 'organizations']) await db.execute(sql.raw(`analyze ${t}`));
  return { batchId: Number(batch!.id), programmeId, studentId };
}

/** The job handlers, with a mark at every progress report (the job's phases: reading, admitting, writing, done / letters). */
function markedHandlers(marks: Array<[string, number]>): JobHandlers {
  const marked = (h: (ctx: JobContext) => Promise<unknown>) => (ctx: JobContext) =>
    h({
      ...ctx,
      async progress(phase, done, total) {
        await ctx.progress(phase, done, total);
        marks.push([phase, now()]);
      },
    });
  return { 'admission.run': marked(runJobHandler), 'admission.publish': marked(publishJobHandler), [LETTERS_SIGN]: marked(lettersJobHandler) };
}

async function inDatabase(city: City, memory: ReturnType<typeof inMemory>) {
  const dir = mkdtempSync(join(tmpdir(), 'zhizhao-round-bench-'));
  let database: Database | undefined;
  let drop: () => Promise<void> = async () => {};
  try {
    let t0 = now();
    if (ON_POSTGRES) {
      log(`PostgreSQL (${PG_URL}): a new database, migrated and demo-seeded…`);
      const b = await createBenchDatabase(5);
      database = b.database;
      drop = b.drop;
    } else {
      log(`PGlite in ${dir}: migrating and seeding the demo…`);
      database = await openPglite(join(dir, 'data'));
      await migrateDatabase(database);
      await seedDemo(database.db);
      drop = () => database!.close();
    }
    const setupDemo = now() - t0;
    log(`  demo ready in ${fmt(setupDemo)}; seeding the city…`);
    t0 = now();
    const seeded = await seedCity(database.db, city);
    const setupCity = now() - t0;
    log(`  city seeded in ${fmt(setupCity)}`);
    const db = database.db;
    const config = { ...loadConfig({ TZ: 'UTC' } as NodeJS.ProcessEnv), logLevel: 'silent' as const };
    const deps: AppDeps = makeDeps(database, config, true);
    const rctx: RequestContext = { actor: await actorByUsername(db, BUREAU), requestId: 'bench', ip: null };

    // gatherInputs alone (the reading of the job).
    const batch = await loadBatch(db, seeded.batchId);
    const scores = (await lockedScoreSet(db, CAMPAIGN_ID))!;
    const lines = { minScore: batch.minScore, programmeLines: batch.programmeLines as Array<{ programmeId: number; minScore: number }> };
    const tg: number[] = [];
    const cg: number[] = [];
    for (let r = 0; r < DB_REPS; r++) {
      const c1 = cpuNow();
      const t1 = now();
      await gatherInputs(db, batch, scores, lines);
      tg.push(now() - t1);
      cg.push(cpuNow() - c1);
    }
    row('4a. gatherInputs (read scores, applications, choices, seats; batchInput)', tg, '', cg);

    // The whole admission.run job, as the server runs it.
    const job = { total: [] as number[], cpu: [] as number[], reading: [] as number[], admitWrite: [] as number[], finish: [] as number[], start: [] as number[] };
    let runId = 0;
    for (let r = 0; r < DB_REPS; r++) {
      const marks: Array<[string, number]> = [];
      const c1 = cpuNow();
      const t1 = now();
      const view = await startRun(deps, rctx, { batchId: seeded.batchId });
      const t2 = now();
      await drainJobs(deps, markedHandlers(marks));
      const t3 = now();
      runId = view.id;
      const at = (phase: string, last = false) => {
        const m = last ? marks.filter((x) => x[0] === phase).pop() : marks.find((x) => x[0] === phase);
        if (!m) throw new Error(`no progress mark ${phase}`);
        return m[1];
      };
      job.start.push(t2 - t1);
      job.reading.push(at('admitting') - at('reading'));
      job.admitWrite.push(at('writing', true) - at('admitting'));
      job.finish.push(at('done') - at('writing', true));
      job.total.push(t3 - t1);
      job.cpu.push(cpuNow() - c1);
    }
    const [run] = await queryRows<{ status: string; applicants: number; admitted: number; inputs_hash: string; results_hash: string }>(db, sql`select status, applicants, admitted, inputs_hash, results_hash from admission_runs where id = ${runId}`);
    if (run!.status !== 'ready') throw new Error(`run ${runId} is ${run!.status}`);
    const hashes = await queryRows<{ n: number }>(db, sql`select count(distinct inputs_hash || results_hash)::int as n from admission_runs where batch_id = ${seeded.batchId}`);
    row('4b. startRun (request: checks, enqueue, audit)', job.start);
    row('4c. job: reading (currentInputs = gatherInputs)', job.reading);
    row('4d. job: engine + stats + writing the run rows', job.admitWrite, 'compute, then 1 + N/5,000 batched inserts with a progress update each');
    row('4e. job: inputs hash + status + audit', job.finish);
    row('4. the admission.run job end to end (4b + claim + 4c–4e)', job.total, `dry run stored: ${Number(run!.applicants).toLocaleString('en')} applicants, ${Number(run!.admitted).toLocaleString('en')} admitted; ${hashes[0]!.n} distinct hash pair(s) over ${DB_REPS} runs`, job.cpu);

    // The placements read back equal the in-memory run's (ids mapped).
    const back = await queryRows<{ exam_no: string; programme_id: number | null; choice_rank: number | null }>(db, sql`select exam_no, programme_id, choice_rank from admission_run_applicants where run_id = ${runId} order by ord`);
    const indexOfProgramme = new Map(Array.from(seeded.programmeId, (id, q) => [id, q]));
    let mismatches = 0;
    back.forEach((r, i) => {
      const m = memory.placements[i];
      const q = r.programme_id === null ? null : memory.ids.programme(indexOfProgramme.get(Number(r.programme_id))!);
      const rank = r.choice_rank === null ? null : Number(r.choice_rank) === 0 ? 'adj' : Number(r.choice_rank);
      if (m.applicantId !== r.exam_no || (m.programId === null ? null : Number(m.programId)) !== q || m.choiceRank !== rank) mismatches++;
    });
    if (back.length !== memory.placements.length || mismatches) throw new Error(`database run differs from the in-memory run: ${back.length} rows, ${mismatches} mismatches`);

    let publish: { request: number; job: number; letters: number; admitted: number } | null = null;
    const only = (kind: string, h: JobHandlers) => ({ [kind]: h[kind]! });
    let family: number[] = [];
    if (WITH_PUBLISH) {
      log('  publishing…');
      const marks: Array<[string, number]> = [];
      const c1 = cpuNow();
      const t1 = now();
      await publishRun(deps, rctx, runId);
      const t2 = now();
      const c2 = cpuNow();
      await drainJobs(deps, only('admission.publish', markedHandlers(marks)));
      const t3 = now();
      const c3 = cpuNow();
      const [pub] = await queryRows<{ status: string; n: number }>(db, sql`select r.status, (select count(*)::int from admissions a where a.run_id = r.id) as n from admission_runs r where r.id = ${runId}`);
      if (pub!.status !== 'published') throw new Error(`run ${runId} is ${pub!.status} after publishing`);
      // The letters: the job that follows publication.
      await drainJobs(deps, only(LETTERS_SIGN, markedHandlers(marks)));
      const t4 = now();
      const c4 = cpuNow();
      const [unsigned] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from admissions where run_id = ${runId} and letter_code is null`);
      if (Number(unsigned!.n) !== 0) throw new Error(`run ${runId}: ${unsigned!.n} letters unsigned`);
      publish = { request: t2 - t1, job: t3 - t2, letters: t4 - t3, admitted: Number(pub!.n) };
      row('4f. publishRun (request: inputs re-read and re-hashed, enqueue, audit)', [publish.request], '', [c2 - c1]);
      row('4g. admission.publish job (the admissions, batched inserts; results published)', [publish.job], `${publish.admitted.toLocaleString('en')} admissions`, [c3 - c2]);
      row('4h. admission.letters job (one letter signed by the school and the bureau per admission)', [publish.letters], `${((publish.letters / Math.max(1, publish.admitted)) * 1000).toFixed(0)} µs per letter`, [c4 - c3]);

      // A family's result page: the use case behind GET /api/me/admission, for a sample of students.
      const rnd = mulberry32(11);
      const sample = Array.from({ length: FAMILY_SAMPLE }, () => seeded.studentId[Math.floor(rnd() * seeded.studentId.length)]);
      for (const id of sample.slice(0, 10)) await myAdmissionOf(deps, await studentCtxById(db, id));
      for (const id of sample) {
        const ctx = await studentCtxById(db, id);
        const t5 = now();
        const mine = await myAdmissionOf(deps, ctx);
        family.push(now() - t5);
        if (mine.results.length !== 1) throw new Error(`student ${id}: ${mine.results.length} results`);
      }
      row(`4i. a family's result page (myAdmissionOf), ${FAMILY_SAMPLE} students one after another`, family, `p95 ${fmt(p95(family))}`);
    }
    // The exam office's file (issue 11 item 1: 100,000 rows checked in < 30 s): every applicant's
    // scores as CSV, imported as a correction (a new draft version, with its reason): parsed, every
    // row checked against the roster, hashed and written. A dry run first (checks only).
    const csvLines = [['中考报名号', '总分', ...SUBJECTS].join(',')];
    for (let a = 0; a < city.examNo.length; a++) csvLines.push([city.examNo[a], city.total[a], ...SUBJECTS.map((_, s) => city.subjects[s][a])].join(','));
    const file = Buffer.from(`${csvLines.join('\r\n')}\r\n`, 'utf8');
    const imports: number[] = [];
    const importCpu: number[] = [];
    for (const dryRun of [true, false]) {
      const c0 = cpuNow();
      const t0 = now();
      const out = await importScores(deps, rctx, async () => file, { campaignId: CAMPAIGN_ID, dryRun, reason: '基准：导入更正版本', locale: 'zh-CN' });
      imports.push(now() - t0);
      importCpu.push(cpuNow() - c0);
      if (out.errors.length || out.rows !== city.examNo.length || (!dryRun && !out.scoreSet)) throw new Error(`score import: ${out.rows} rows, ${out.errors.length} errors`);
    }
    row(`4j. score import, dry run (${city.examNo.length.toLocaleString('en')} rows, ${(file.length / 1e6).toFixed(1)} MB CSV: parse, check each row, hash)`, [imports[0]!], '', [importCpu[0]!]);
    row('4k. score import, written as a new version (the same, plus the rows inserted)', [imports[1]!], 'issue 11 asks < 30 s', [importCpu[1]!]);
    return { setupDemo, setupCity, jobMedian: median(job.total), publish, rss: rssMb() };
  } finally {
    await drop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ main

const date = new Date().toISOString().slice(0, 10);
const load0 = loadavg()[0];
log(`generating the city: ${N.toLocaleString('en')} applicants…`);
const city = makeCity(N);
const memory = inMemory(city);
const rssMemory = rssMb();
const db = WITH_DB ? await inDatabase(city, memory) : null;
const load1 = loadavg()[0];

const f = memory.facts;
console.log(`Admission round benchmark, ${date}, database part on ${WITH_DB ? (ON_POSTGRES ? 'PostgreSQL' : 'PGlite (data folder on disk)') : 'none'}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${load0.toFixed(1)} → ${load1.toFixed(1)}\n`);
console.log(
  `City: ${N.toLocaleString('en')} applicants (${f.applicants.toLocaleString('en')} in the batch, ${f.choiceRows.toLocaleString('en')} choices), ${SCHOOLS} schools, ${PROGRAMMES} programmes, ${f.seats.toLocaleString('en')} seats; ` +
    `placed ${f.placed.toLocaleString('en')} (${f.adjusted.toLocaleString('en')} by adjustment). Explanations checked against the engine on ${f.explainChecked.toLocaleString('en')} applicants: ${f.explainDiffer} differ.\n`,
);
console.log(`Medians (in memory: ${MEMORY_REPS} runs after a warm-up; database: ${DB_REPS} runs, publishing once); ratio = median wall ÷ the baseline's median wall (${fmt(baselineMs)}). CPU: user + system time of this Node process during the stage (PGlite runs inside it; PostgreSQL does not).\n`);
console.log('| stage | median wall | runs | ratio to baseline | CPU of this process (median) | note |');
console.log('|---|---:|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r.stage} | ${fmt(median(r.runs))} | ${runsOf(r.runs)} | ${(median(r.runs) / baselineMs).toFixed(1)}× | ${r.cpu ? fmt(median(r.cpu)) : ''} | ${r.note ?? ''} |`);
console.log(`\nPeak RSS: ${rssMemory.toFixed(0)} MB after the in-memory stages${db ? `, ${db.rss.toFixed(0)} MB at the end (${ON_POSTGRES ? 'PostgreSQL in its own processes, not counted' : 'PGlite in process'})` : ''}.`);
if (db) {
  console.log(`Set-up (not measured as stages): demo database ${fmt(db.setupDemo)}, the city seeded ${fmt(db.setupCity)}.`);
  const total = db.jobMedian + (db.publish ? db.publish.request + db.publish.job : 0);
  console.log(`From the database to ${db.publish ? 'published results' : 'a stored dry run'}: ${fmt(total)} (${db.publish ? 'run job median + publish request + publish job' : 'run job median'}); issue 11 asks < 10 s for 100,000 applicants.`);
  if (db.publish) console.log(`Then every letter signed: ${fmt(total + db.publish.letters)} (+ the admission.letters job).`);
}
