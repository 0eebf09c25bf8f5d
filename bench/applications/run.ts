/**
 * Applications benchmark (issue 9 "Scale and speed"): `npm run bench -- applications [--quick]`.
 * On PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres: a new
 * database per run, dropped at the end), demo-seeded and grown to ~200 junior highs:
 *  1. import a 100,000-student roster from Excel, every row checked (target < 30 s);
 *     baseline: reading the same workbook with exceljs alone;
 *  2. save an application from 200 concurrent students against the real server in its own
 *     process (target ≥ 1,000 requests/s, p99 < 50 ms); baseline: GET /api/health;
 *  3. GET /api/applications/summary with 100,000 students and applications (target < 200 ms);
 *     baseline: a `select 1` round trip.
 * --quick: 10,000 students, 3 s of load. Prints a markdown table (ratios against the baselines
 * measured in the same run, plus the absolute figures).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { readSheet } from '@zhizhao/server/files/read-sheet';
import { readFirstSheetFast } from '@zhizhao/server/files/xlsx-fast';
import { loadConfig } from '@zhizhao/server/config';
import { queryRows } from '@zhizhao/server/db/client';
import { readFirstSheet } from '@zhizhao/server/files/excel';
import { actorByUsername } from '@zhizhao/server/auth/actor';
import { applicationSummaryOf } from '@zhizhao/server/features/overview/summary';
import { makeDeps } from '@zhizhao/server/deps';
import { DEMO_PASSWORD } from '@zhizhao/server/seed/demo-data';
import { createBenchDatabase, signInHttp, stats, syntheticDistrict } from './setup';
import { importRoster, readWithExcelJs, writeRosterWorkbook } from './roster';
import { healthLoad, saveLoad, type LoadFigures } from './load';
import { fillApplications } from './fill';

const ROOT = resolve(import.meta.dirname, '../..');
const quick = process.argv.includes('--quick');
const N = quick ? 10_000 : 100_000;
const SCHOOLS = 200;
const CONNECTIONS = 200;
const SECONDS = quick ? 3 : 10;
const PASSWORD = 'bench-password-2027';

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0, cpu: cpuMs(process.cpuUsage(c0)) };
}

function startChild(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []), '--import', 'tsx', resolve(import.meta.dirname, 'server.ts'), url], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TZ: 'UTC' } });
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => ok({ child, base: `http://127.0.0.1:${JSON.parse(line).port}` }));
  });
}

const bench = await createBenchDatabase();
let child: ChildProcess | undefined;
try {
  const db = bench.database.db;
  const district = await syntheticDistrict(db, SCHOOLS);
  const deps = makeDeps(bench.database, { ...loadConfig({ TZ: 'UTC' } as NodeJS.ProcessEnv), logLevel: 'silent', rateLimitPerMinute: 0 }, true);

  // 1. The roster import.
  log(`writing a ${N.toLocaleString('en')}-row workbook for ${district.schools.length} junior highs…`);
  const written = await timed(() => writeRosterWorkbook(district, N));
  const bytes = written.value;
  log(`workbook ${(bytes.length / 1e6).toFixed(1)} MB in ${(written.ms / 1000).toFixed(1)} s; reading it with exceljs alone…`);
  const read = await timed(() => readWithExcelJs(bytes));
  log(`importing…`);
  const imported = await timed(() => importRoster(deps, district.campaignId, bytes));
  const r = imported.value;
  if (r.errors.length) {
    // Show what the reader saw in the refused rows (exceljs has had multi-byte decoding bugs).
    const sheet = await readFirstSheet(bytes);
    for (const e of r.errors.slice(0, 5)) log(`row ${e.row} ${e.column}: ${JSON.stringify([...sheet.rows.find((x) => x.row === e.row)!.cells.values()].map((c) => c.text))}`);
  }
  if (r.created !== N || r.errors.length) throw new Error(`import: created ${r.created} of ${N}, ${r.errors.length} errors (first: ${JSON.stringify(r.errors[0])})`);
  // Issue 14 §5: the server stays responsive while a workbook is read. The longest stall of the
  // event loop (what /api/health waits for) while the same sheet is read in the server's thread,
  // then in the worker the imports use (files/read-sheet.ts).
  const stall = async (f: () => Promise<unknown>) => {
    let last = performance.now();
    let max = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      max = Math.max(max, now - last);
      last = now;
    }, 5);
    await f();
    await new Promise((r) => setTimeout(r, 20));
    clearInterval(tick);
    return max;
  };
  const stallInThread = await stall(() => readFirstSheetFast(bytes));
  const stallInWorker = await stall(() => readSheet(bytes, 'fast'));
  log(`reading the sheet: the event loop stalls up to ${stallInThread.toFixed(0)} ms in the server's thread, ${stallInWorker.toFixed(0)} ms with the worker (${(stallInThread / stallInWorker).toFixed(1)}× shorter)`);

  // 2. Saving an application: 200 imported students with a known password, each signed in once.
  const names = (await queryRows<{ username: string }>(db, sql`select u.username from students s join users u on u.id = s.user_id
    where s.campaign_id = ${district.campaignId} and s.exam_no like '28%' order by s.exam_no limit ${CONNECTIONS}`)).map((x) => x.username);
  await db.execute(sql`update users set password_hash = ${deps.pii.secretHash(PASSWORD)}, must_change_password = false where username = any(${sql.param(names)}::text[])`);
  log('starting the server…');
  const started = await startChild(bench.url);
  child = started.child;
  const base = started.base;
  const cookies: string[] = [];
  for (let i = 0; i < names.length; i += 20) cookies.push(...(await Promise.all(names.slice(i, i + 20).map((u) => signInHttp(base, u, PASSWORD)))));
  const programmes = (await (await fetch(`${base}/api/me/application/programmes`, { headers: { cookie: cookies[0]! } })).json()) as { items: Array<{ programmeId: number; choosable: boolean }> };
  const [p1, p2] = programmes.items.filter((x) => x.choosable).map((x) => x.programmeId);
  const body = (ids: Array<number | undefined>, acceptAdjustment: boolean) => ({ track: 'vocational', choices: ids.map((programmeId) => ({ programmeId })), acceptAdjustment });
  // Each autocannon run starts every connection at its first body: the measured pair differs
  // from both warm-up bodies, so the first measured request of a student is a change too.
  const bodies: [unknown, unknown] = [body([p1, p2], true), body([p2], false)];
  const measured: [unknown, unknown] = [body([p1], false), body([p2, p1], true)];
  const first = await fetch(`${base}/api/me/application`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie: cookies[0]! }, body: JSON.stringify(bodies[0]) });
  if (first.status !== 200) throw new Error(`PUT /api/me/application: ${first.status} ${await first.text()}`);
  // autocannon stops sending at the deadline; the server may still work off what it queued:
  // wait until it answers promptly before the next phase.
  const settle = async () => {
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      if (performance.now() - t0 < 50) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  log(`GET /api/health, ${CONNECTIONS} connections: 1 s warm-up, ${SECONDS} s…`);
  await healthLoad(base, CONNECTIONS, 1);
  await settle();
  const health = await healthLoad(base, CONNECTIONS, SECONDS);
  await settle();
  log(`PUT /api/me/application, ${CONNECTIONS} students: 1 s warm-up, ${SECONDS} s…`);
  await saveLoad(base, cookies, bodies, 1);
  await settle();
  const before = await versions(db, names);
  const save = await saveLoad(base, cookies, measured, SECONDS);
  await settle();
  const saved = (await versions(db, names)) - before;
  // One request at a time (no queueing): what a single save costs end to end.
  const sequential = async (f: (i: number) => Promise<Response>) => {
    const out: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await (await f(i)).arrayBuffer();
      if (i >= 10) out.push(performance.now() - t0);
    }
    return stats(out);
  };
  const oneHealth = await sequential(() => fetch(`${base}/api/health`));
  const oneSave = await sequential((i) => fetch(`${base}/api/me/application`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie: cookies[1]! }, body: JSON.stringify(bodies[i % 2]) }));

  // 3. The district summary over every student with an application.
  log('filling applications for every student…');
  const filled = await fillApplications(db, district.campaignId, [p1!, p2!]);
  const admin = await signInHttp(base, 'district.admin', DEMO_PASSWORD);
  const summaryOnce = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/applications/summary?campaignId=${district.campaignId}`, { headers: { cookie: admin } });
    const body = (await res.json()) as { district: { graduates: number; vocational: number } };
    if (res.status !== 200) throw new Error(`summary: ${res.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - t0, body };
  };
  for (let i = 0; i < 3; i++) await summaryOnce();
  const summaryRuns: number[] = [];
  let summaryBody: { district: { graduates: number; vocational: number } } | undefined;
  for (let i = 0; i < 30; i++) {
    const x = await summaryOnce();
    summaryRuns.push(x.ms);
    summaryBody = x.body;
  }
  const selectOne = await roundTrips(bench.url, 50);
  const commits = await commitLatency(bench.url, 50);
  // Breakdown: the use case in process (no HTTP), and PostgreSQL's own time for its main query.
  const districtAdmin = await actorByUsername(db, 'district.admin');
  const inProcess: number[] = [];
  for (let i = 0; i < 13; i++) {
    const t0 = performance.now();
    await applicationSummaryOf(db, districtAdmin, 2027, district.campaignId);
    if (i >= 3) inProcess.push(performance.now() - t0);
  }
  const plans: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [plan] = await queryRows<{ 'QUERY PLAN': Array<{ 'Execution Time': number }> }>(db, sql`explain (analyze, format json)
      select s.junior_high_id, count(*), count(a.id) filter (where a.track = 'vocational'), count(a.id) filter (where a.track = 'general')
      from students s left join applications a on a.student_id = s.id and a.status = 'confirmed'
      where s.campaign_id = ${district.campaignId} and s.kind = 'grade9' and s.active and s.junior_high_id is not null group by s.junior_high_id`);
    const qp = plan!['QUERY PLAN'];
    plans.push((typeof qp === 'string' ? JSON.parse(qp) : qp)[0]['Execution Time']);
  }

  const sum = stats(summaryRuns);
  const one = stats(selectOne);
  const f = (x: number, d = 0) => x.toFixed(d);
  const lines = [
    `Applications benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, PostgreSQL at ${new URL(bench.url).host}, load avg ${loadavg()[0]!.toFixed(1)}${quick ? ' (--quick)' : ''}`,
    '',
    '| measure | baseline | result | ratio | target |',
    '|---|---|---|---|---|',
    `| import ${N.toLocaleString('en')} students from Excel (${(bytes.length / 1e6).toFixed(1)} MB, ${district.schools.length} junior highs), every row checked | exceljs read alone: ${f(read.ms / 1000, 1)} s | ${f(imported.ms / 1000, 1)} s wall (${f(imported.cpu / 1000, 1)} s CPU in process) | ${f(imported.ms / read.ms, 1)}× | < 30 s (100,000) |`,
    `| PUT /api/me/application, ${CONNECTIONS} students, ${SECONDS} s | GET /api/health: ${f(health.rps)} req/s, p99 ${health.p99} ms | ${f(save.rps)} req/s, p50 ${save.p50} ms, p99 ${save.p99} ms, max ${save.max} ms | ${f(save.rps / health.rps, 2)}× the throughput | ≥ 1,000 req/s, p99 < 50 ms |`,
    `| GET /api/applications/summary, ${summaryBody?.district.graduates.toLocaleString('en')} graduates, ${filled.toLocaleString('en')} applications | select 1 round trip: median ${f(one.median, 2)} ms | median ${f(sum.median, 1)} ms, p95 ${f(sum.p95, 1)} ms, max ${f(sum.max, 1)} ms (${sum.n} runs) | ${f(sum.median / one.median)}× | < 200 ms |`,
    '',
    `Summary breakdown: the use case in process (no HTTP) median ${f(stats(inProcess).median, 1)} ms; PostgreSQL's execution time of its counting query (EXPLAIN ANALYZE) median ${f(stats(plans).median, 1)} ms.`,
    `Commit of a one-row update (fsync): median ${f(stats(commits).median, 2)} ms, p95 ${f(stats(commits).p95, 2)} ms — every save commits while holding the audit chain head's lock, so 1/commit is a ceiling on saves per second (~${f(1000 / stats(commits).median)} /s here).`,
    `Save breakdown, one request at a time: PUT /api/me/application median ${f(oneSave.median, 1)} ms (p95 ${f(oneSave.p95, 1)} ms); GET /api/health median ${f(oneHealth.median, 1)} ms.`,
    `Save: ${save.ok.toLocaleString('en')} answered 2xx of ${save.total.toLocaleString('en')} (non-2xx ${save.non2xx}, errors ${save.errors}); versions written in the database during the run: ${saved.toLocaleString('en')}. Health: ${health.ok.toLocaleString('en')} 2xx, non-2xx ${health.non2xx}.`,
    `Workbook written in ${f(written.ms / 1000, 1)} s (streaming writer). Import result: created ${r.created.toLocaleString('en')}, errors ${r.errors.length}.`,
  ];
  console.log(lines.join('\n'));
  const failed = [imported.ms > 30_000 && N === 100_000, save.rps < 1000 || save.p99 >= 50, sum.median >= 200].filter(Boolean).length;
  if (failed) console.log(`\n${failed} target(s) not met on this run (see the caveats in docs/applications-benchmark.md).`);
  logFigures(save, health);
} finally {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  await bench.drop();
}

async function versions(db: typeof bench.database.db, names: string[]): Promise<number> {
  const [x] = await queryRows<{ v: number }>(db, sql`select coalesce(sum(a.version), 0)::int as v from applications a join students s on s.id = a.student_id
    join users u on u.id = s.user_id where u.username = any(${sql.param(names)}::text[])`);
  return Number(x!.v);
}

/**
 * A one-row update committed (fsync): every state change commits while it holds the audit chain
 * head's row lock (ADR 0006), so 1 / this is a ceiling on writes per second.
 */
async function commitLatency(url: string, n: number): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('create table zz_commit_probe (id int primary key, seq int not null)');
  await c.query('insert into zz_commit_probe values (1, 0)');
  const out: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    await c.query('begin');
    await c.query('update zz_commit_probe set seq = seq + 1 where id = 1');
    await c.query('commit');
    if (i >= 5) out.push(performance.now() - t0);
  }
  await c.query('drop table zz_commit_probe');
  await c.end();
  return out;
}

/** `select 1` through one pooled connection, as the server's queries travel. */
async function roundTrips(url: string, n: number): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const out: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const t0 = performance.now();
    await c.query('select 1');
    if (i >= 5) out.push(performance.now() - t0);
  }
  await c.end();
  return out;
}

function logFigures(save: LoadFigures, health: LoadFigures) {
  log(`raw: save ${JSON.stringify(save)}; health ${JSON.stringify(health)}`);
}
