/**
 * The applications benchmark's database: a fresh PostgreSQL database per run (created from
 * scratch, migrated, demo-seeded, dropped at the end), grown into a synthetic district of
 * ~200 junior highs (the demo's 24 plus JB025…), and the server built on it (buildApp, listening
 * on 127.0.0.1 — the real HTTP path, cookies, zod, the policy, PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '@zhizhao/server/config';
import { migrateDatabase, openPostgres, queryRows, type Database } from '@zhizhao/server/db/client';
import { seedDemo } from '@zhizhao/server/seed/demo';
import { makeDeps, type AppDeps } from '@zhizhao/server/deps';
import { buildApp } from '@zhizhao/server/app';

export const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

export type BenchDb = { name: string; url: string; database: Database; drop: () => Promise<void> };

/** A new database, migrated and demo-seeded; `drop` closes and removes it. */
export async function createBenchDatabase(poolSize = 20): Promise<BenchDb> {
  const name = `zz_bench_apps_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(PG_URL, name);
  const database = await openPostgres(url, { max: poolSize });
  const drop = async () => {
    await database.close().catch(() => {});
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  try {
    await migrateDatabase(database);
    await seedDemo(database.db);
  } catch (err) {
    await drop();
    throw err;
  }
  return { name, url, database, drop };
}

export type District = { campaignId: number; districtId: number; schools: Array<{ id: number; code: string }> };

/** Adds junior highs to 示例区 until it has `count` (codes JB025…), and returns its current (2027) campaign and schools. */
export async function syntheticDistrict(db: Database['db'], count: number): Promise<District> {
  const [d] = await queryRows<{ id: number; city_id: number; campaign_id: number }>(db, sql`
    select o.id, o.city_id, c.id as campaign_id from organizations o join campaigns c on c.district_id = o.id where o.code = 'D01' order by c.year desc limit 1`);
  const existing = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organizations where kind = 'junior_high' and district_id = ${d!.id}`);
  const codes = Array.from({ length: Math.max(0, count - existing[0]!.n) }, (_, i) => `JB${String(existing[0]!.n + i + 1).padStart(3, '0')}`);
  if (codes.length) {
    await db.execute(sql`insert into organizations (code, name, kind, parent_id, district_id, city_id, address, contact_name, contact_phone)
      select c, '示例区基准测试初中' || substr(c, 3), 'junior_high', ${d!.id}, ${d!.id}, ${d!.city_id}, '', '招生办', '0000-0000000'
      from unnest(${sql.param(codes)}::text[]) as t(c)`);
  }
  const schools = await queryRows<{ id: number; code: string }>(db, sql`select id, code from organizations where kind = 'junior_high' and district_id = ${d!.id} order by code`);
  return { campaignId: Number(d!.campaign_id), districtId: Number(d!.id), schools: schools.map((s) => ({ id: Number(s.id), code: s.code })) };
}

export type Server = { app: FastifyInstance; deps: AppDeps; base: string };

/** The real server on a free loopback port, on the bench database (demo mode: the demo clock, 2027-04-21). */
export async function startServer(database: Database): Promise<Server> {
  // 200 students sign in from one address: the anonymous rate limits are off for the load.
  // BENCH_RATE_LIMIT raises the anonymous routes' limits instead (their counting runs, nobody is refused).
  const config = { ...loadConfig({ TZ: 'UTC' } as NodeJS.ProcessEnv), logLevel: 'silent' as const, rateLimitPerMinute: Number(process.env.BENCH_RATE_LIMIT ?? 0) };
  const deps = makeDeps(database, config, true);
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, deps, base: `http://127.0.0.1:${port}` };
}

/** Signs in over HTTP; returns the cookie header to send. */
export async function signInHttp(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('zz_session='));
  return cookie!.split(';')[0]!;
}

/** Median and percentiles of a list of durations (ms). */
export function stats(xs: number[]): { n: number; median: number; p95: number; p99: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))]!;
  return { n: s.length, median: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1]! };
}
