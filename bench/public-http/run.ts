/**
 * HTTP benchmark of the public routes (issue 14 "Operate at scale"): `npm run bench -- public-http`
 * or `npx tsx bench/public-http/run.ts [--quick]`.
 *
 * The real server in its own process (bench/applications/server.ts) on a new PostgreSQL database
 * (migrated, demo-seeded, dropped at the end), with the anonymous routes' rate limits raised
 * (BENCH_RATE_LIMIT: they are counted in PostgreSQL on every request, as in production, but refuse
 * nobody). autocannon, 100 connections, 10 s each (--quick: 3 s) after 1 s of warm-up:
 *   baseline: `GET /api/health` (the framework's bare route; also rate-limit free);
 *   `GET /api/verify/:code` with a valid permit's code (signature, key, the permit, its status);
 *   `GET /api/public/brochures` (the year's filed brochures).
 * Target (issue 14): verify at ≥ 40 % of the bare route's throughput, p99 < 50 ms.
 */
import { createRequire } from 'node:module';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { queryRows } from '@zhizhao/server/db/client';
import { createBenchDatabase } from '../applications/setup';
import type { AutocannonResult } from '../applications/load';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const quick = process.argv.includes('--quick');
const SECONDS = quick ? 3 : 10;
const CONNECTIONS = 100;
const ROOT = resolve(import.meta.dirname, '../..');
const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

function startChild(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROF}`] : []), '--import', 'tsx', resolve(ROOT, 'bench/applications/server.ts'), url], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TZ: 'UTC', BENCH_RATE_LIMIT: process.env.BENCH_RATE_LIMIT ?? '100000000' } });
  return new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => ok({ child, base: `http://127.0.0.1:${JSON.parse(line).port}` }));
  });
}

type Figures = { rps: number; p50: number; p99: number; ok: number; bad: number };
async function load(url: string, seconds: number): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return { rps: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], bad: r.non2xx + r.errors + r.timeouts };
}

const bench = await createBenchDatabase(5);
let child: ChildProcess | undefined;
try {
  log(`public HTTP bench: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const [permit] = await queryRows<{ permit_code: string }>(bench.database.db, sql`select permit_code from visits where status = 'approved' and permit_code is not null order by id limit 1`);
  if (!permit) throw new Error('no approved permit in the demo');
  const started = await startChild(bench.url);
  child = started.child;
  const base = started.base;
  const verifyUrl = `${base}/api/verify/${permit.permit_code}`;
  const check = await (await fetch(verifyUrl)).json() as { kind: string; status: string };
  if (check.kind !== 'permit') throw new Error(`the permit does not verify: ${JSON.stringify(check)}`);
  const list = await (await fetch(`${base}/api/public/brochures?year=2027`)).json() as { items: unknown[] };
  log(`verify answers ${check.status}; the brochure list has ${list.items.length} brochures`);
  const routes: Array<[string, string]> = [
    ['GET /api/health (baseline)', `${base}/api/health`],
    ['GET /api/verify/:code (a permit)', verifyUrl],
    ['GET /api/public/brochures', `${base}/api/public/brochures?year=2027`],
  ];
  const out: Array<[string, Figures]> = [];
  for (const [name, url] of routes) {
    await load(url, 1);
    log(`${name}: ${SECONDS} s…`);
    out.push([name, await load(url, SECONDS)]);
  }
  const baseline = out[0]![1];
  console.log(`\n| route, ${CONNECTIONS} connections, ${SECONDS} s | requests/s | p50 | p99 | × baseline throughput | non-2xx or errors |`);
  console.log('|---|---|---|---|---|---|');
  for (const [name, f] of out) console.log(`| ${name} | ${f.rps.toFixed(0)} | ${f.p50} ms | ${f.p99} ms | ${(f.rps / baseline.rps).toFixed(2)} | ${f.bad} |`);
  const v = out[1]![1];
  const met = v.rps / baseline.rps >= 0.4 && v.p99 < 50;
  console.log(`\nverify target (≥ 0.40 × baseline, p99 < 50 ms): ${met ? 'met' : 'not met'} on this run (load ${loadavg()[0]!.toFixed(1)}).`);
} finally {
  child?.kill('SIGTERM');
  await bench.drop();
}
