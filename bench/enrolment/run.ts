/**
 * After-admission benchmark (issue 12, R16–R18; "Scale to plan for: 100,000 students"):
 * `npm run bench -- enrolment` or `npx tsx bench/enrolment/run.ts [--quick] [--n N]`.
 *
 * On a new PostgreSQL database (BENCH_DATABASE_URL, created, migrated, demo-seeded and dropped as
 * bench/applications does), the demo's 示例区 grown to 200 junior highs and N students (default
 * 100,000; --quick 20,000) on its 2027 campaign, written in bulk: 90 % admitted to one of the
 * campaign's programmes (as a published batch leaves them), of those 85 % registered (80 % of them
 * with their care recorded), 5 % no-shows with a reason, the rest pending; two contacts for every
 * no-show. The demo clock is set inside the registration window (2027-09-01). It measures, as the
 * pages call them (use cases in process, no HTTP), medians over 7 runs after 2 warm-ups:
 *   baseline: `select count(*)` of the campaign's admitted students (one index scan);
 *   the intake list's first page for the bureau (counts + 50 rows), for one junior high and for
 *   one school filtered to the pending; the school's Excel export (all its rows + the workbook);
 *   the sending statistics for the bureau (every row from the records) and the funnel;
 *   one registration (the use case: read, check, insert, audit) for 50 students in turn.
 * Ratios against the baseline's median in the same process.
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { loadConfig } from '@zhizhao/server/config';
import { queryRows } from '@zhizhao/server/db/client';
import { makeDeps } from '@zhizhao/server/deps';
import { actorByUsername } from '@zhizhao/server/auth/actor';
import type { RequestContext } from '@zhizhao/server/audit/write-audit';
import { allIntake, listIntake } from '@zhizhao/server/features/enrolment/intake';
import { register } from '@zhizhao/server/features/enrolment/actions';
import { sendingStatistics } from '@zhizhao/server/features/enrolment/statistics';
import { funnelFor } from '@zhizhao/server/features/enrolment/funnel';
import { intakeWorkbook } from '@zhizhao/server/features/enrolment/workbooks';
import { DEMO_CLOCK_KEY } from '@zhizhao/server/clock';
import { createBenchDatabase, stats, syntheticDistrict } from '../applications/setup';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const nArg = args.indexOf('--n');
const N = nArg >= 0 ? Number(args[nArg + 1]) : quick ? 20_000 : 100_000;
const log = (s: string) => process.stdout.write(`${s}\n`);
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

async function time<T>(f: () => Promise<T>, reps = 7, warm = 2): Promise<{ ms: number[]; last: T }> {
  let last!: T;
  for (let i = 0; i < warm; i++) last = await f();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    last = await f();
    ms.push(performance.now() - t0);
  }
  return { ms, last };
}

async function main() {
  log(`enrolment bench: N=${N.toLocaleString('en')} students, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const bench = await createBenchDatabase(10);
  try {
    const db = bench.database.db;
    const district = await syntheticDistrict(db, 200);
    const c = district.campaignId;
    const t0 = performance.now();
    const jhIds = district.schools.map((s) => s.id);
    await db.execute(sql`select setseed(0.42)`);
    await db.execute(sql`
      insert into students (campaign_id, kind, junior_high_id, name, gender, id_type, id_cipher, id_hash, id_masked, exam_no)
      select ${c}, 'grade9', (${sql.param(jhIds)}::int[])[1 + (g % ${jhIds.length})], '基准学生' || g, case when g % 2 = 0 then 'female' else 'male' end,
        'resident_id', 'x', 'bench-' || g, '990101********000X', 'B' || lpad(g::text, 7, '0')
      from generate_series(1, ${N}) g`);
    const programmes = await queryRows<{ id: number; school: number }>(db, sql`select ps.id, m.organization_id as school from planned_seats ps join majors m on m.id = ps.major_id where ps.campaign_id = ${c} and ps.seats > 0 order by ps.id`);
    await db.execute(sql`
      insert into admissions (campaign_id, student_id, kind, programme_id, school_id, status, letter_code)
      select ${c}, s.id, 'batch', p.id, p.school, 'admitted', 'bench-letter-' || s.id
      from (select id, (hashtext(exam_no) & 2147483647) as h from students where campaign_id = ${c} and exam_no like 'B%') s
      join (select id, school, row_number() over (order by id) - 1 as k from unnest(${sql.param(programmes.map((p) => Number(p.id)))}::int[], ${sql.param(programmes.map((p) => Number(p.school)))}::int[]) as t(id, school)) p
        on p.k = s.h % ${programmes.length}
      where s.h % 10 <> 0`);
    await db.execute(sql`
      insert into enrolments (campaign_id, student_id, school_id, source, admission_id, status, registered_on, recorded_by_org, care)
      select ${c}, a.student_id, a.school_id, 'admission', a.id, 'registered', '2027-08-' || lpad((15 + a.id % 15)::text, 2, '0'), a.school_id,
        case when a.id % 5 <> 0 then jsonb_build_object('className', '基准班', 'homeroomTeacher', '王老师', 'tuitionFree', true, 'grant', a.id % 7 = 0, 'hardship', false, 'hardshipEvidence', null) end
      from admissions a where a.campaign_id = ${c} and a.id % 100 < 85`);
    await db.execute(sql`
      insert into enrolments (campaign_id, student_id, school_id, source, admission_id, status, no_show_reason, no_show_note, recorded_by_org)
      select ${c}, a.student_id, a.school_id, 'admission', a.id, 'no_show', (array['general_high','other_city','work','repeat_exam','dropped_out'])[1 + a.id % 5], '', a.school_id
      from admissions a where a.campaign_id = ${c} and a.id % 100 between 85 and 89`);
    await db.execute(sql`
      insert into intake_contacts (campaign_id, student_id, organization_id, kind, party, contacted_on, result)
      select ${c}, e.student_id, s.junior_high_id, k.kind, 'family', '2027-08-20', '电话联系家长'
      from enrolments e join students s on s.id = e.student_id cross join (values ('call'), ('visit')) as k(kind) where e.campaign_id = ${c} and e.status = 'no_show'`);
    await db.execute(sql`analyze`);
    await db.execute(sql`update app_settings set value = ${JSON.stringify({ date: '2027-09-01' })}::jsonb where key = ${DEMO_CLOCK_KEY}`);
    const [counts] = await queryRows<{ admitted: number; registered: number; no_show: number }>(db, sql`
      select (select count(*) from admissions where campaign_id = ${c})::int as admitted,
        (select count(*) from enrolments where campaign_id = ${c} and status = 'registered')::int as registered,
        (select count(*) from enrolments where campaign_id = ${c} and status = 'no_show')::int as no_show`);
    log(`data: ${N.toLocaleString('en')} students, ${counts!.admitted.toLocaleString('en')} admitted, ${counts!.registered.toLocaleString('en')} registered, ${counts!.no_show.toLocaleString('en')} no-shows; written in ${fmt(performance.now() - t0)}`);

    const config = { ...loadConfig({ TZ: 'UTC' } as NodeJS.ProcessEnv), logLevel: 'silent' as const, rateLimitPerMinute: 0 };
    const deps = makeDeps(bench.database, config, true);
    const bureau = await actorByUsername(db, 'district.admin');
    const [big] = await queryRows<{ school_id: number; n: number }>(db, sql`select school_id, count(*)::int as n from admissions where campaign_id = ${c} group by school_id order by n desc limit 1`);
    const school = await actorByUsername(db, (await queryRows<{ username: string }>(db, sql`select username from users where organization_id = ${big!.school_id} and role = 'vocational_admin' limit 1`))[0]!.username);
    const jh = await actorByUsername(db, 'jh01.admin');
    const q = { page: 1, pageSize: 50, campaignId: c };

    const base = await time(() => queryRows(db, sql`select count(*) from admissions where campaign_id = ${c} and status = 'admitted'`));
    const baseMs = stats(base.ms).median;
    const rows: Array<[string, number[], string]> = [];
    const add = (name: string, ms: number[], note = '') => rows.push([name, ms, note]);
    add('baseline: count the admitted (SQL)', base.ms);
    const l1 = await time(() => listIntake(deps, bureau, q));
    add('intake page 1, bureau (counts + 50 rows)', l1.ms, `${l1.last.counts.total.toLocaleString('en')} in scope`);
    const l2 = await time(() => listIntake(deps, jh, q));
    add('intake page 1, one junior high', l2.ms, `${l2.last.counts.total} in scope`);
    const l3 = await time(() => listIntake(deps, school, { ...q, state: 'pending' }));
    add('intake page 1, one school, pending only', l3.ms, `${l3.last.total} pending of ${l3.last.counts.total}`);
    const read = await time(() => allIntake(deps, school, { campaignId: c }), 3, 1);
    add('the school\'s whole list (Excel export\'s read)', read.ms, `${read.last.rows.length.toLocaleString('en')} rows`);
    const x = await time(async () => intakeWorkbook((await allIntake(deps, school, { campaignId: c })).rows), 3, 1);
    add('the school\'s Excel export (rows + workbook)', x.ms, `${big!.n.toLocaleString('en')} rows, ${(x.last.length / 1e6).toFixed(1)} MB`);
    const s = await time(() => sendingStatistics(deps, bureau, { campaignId: c }));
    add('sending statistics, bureau (from the records)', s.ms, `${s.last.items.length} rows`);
    const f = await time(() => funnelFor(deps, bureau, c));
    add('funnel against the targets', f.ms, `${f.last.juniorHighs.length} junior highs`);
    const pending = await queryRows<{ student_id: number; school_id: number }>(db, sql`
      select a.student_id, a.school_id from admissions a where a.campaign_id = ${c} and a.school_id = ${big!.school_id}
        and not exists (select 1 from enrolments e where e.student_id = a.student_id) order by a.id limit 50`);
    const rctx: RequestContext = { actor: school, requestId: null, ip: null };
    const reg: number[] = [];
    for (const p of pending) {
      const t = performance.now();
      await register(deps, rctx, { studentId: Number(p.student_id) });
      reg.push(performance.now() - t);
    }
    add('one registration (use case, in turn)', reg, `${reg.length} students`);

    log('');
    log('| measure | median | p95 | × baseline | note |');
    log('|---|---|---|---|---|');
    for (const [name, ms, note] of rows) {
      const st = stats(ms);
      log(`| ${name} | ${fmt(st.median)} | ${fmt(st.p95)} | ${(st.median / baseMs).toFixed(1)}× | ${note} |`);
    }
  } finally {
    // BENCH_KEEP=1 keeps the database to look at (its URL is printed).
    if (process.env.BENCH_KEEP) {
      log(`kept: ${bench.url}`);
      await bench.database.close();
    } else await bench.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
