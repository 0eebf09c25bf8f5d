/**
 * Integration-test harness: `describeBackends(title, fn)` runs the same suite on PGlite
 * and, when TEST_DATABASE_URL is set, on PostgreSQL, each on a fresh copy of the migrated
 * demo database, with the app built in-process (`app.inject`).
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { loadConfig, type Config } from '../src/config';
import { openPglite, openPostgres, type Database, type DbKind } from '../src/db/client';
import { buildApp } from '../src/app';
import { makeDeps, type AppDeps } from '../src/deps';
import { DEMO_PASSWORD } from '../src/seed/demo-data';


export type TestEnv = {
  kind: DbKind;
  database: Database;
  deps: AppDeps;
  app: FastifyInstance;
};

export type EnvOptions = { config?: Partial<Config>; demo?: boolean; deps?: Partial<Pick<AppDeps, 'limits' | 'lockout'>> };

function urlFor(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database of the given kind, from the template; `drop` removes it. */
export async function freshDatabase(kind: DbKind): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const database = await openPglite(undefined, { loadDataDir: blob });
    return { database, drop: () => database.close() };
  }
  const url = inject('postgresUrl')!;
  const name = `zz_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  await admin.end();
  const database = await openPostgres(urlFor(url, name), { max: 5 });
  return {
    database,
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function backends(): DbKind[] {
  return inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export function describeBackends(title: string, fn: (env: () => TestEnv) => void, options: EnvOptions = {}) {
  for (const kind of backends()) {
    describe(`${title} [${kind}]`, () => {
      let env: TestEnv | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const fresh = await freshDatabase(kind);
        drop = fresh.drop;
        // Suites call anonymous routes hundreds of times from one address: the rate limits are off
        // unless a suite turns them on (apps/server/test/rate-limits.int.test.ts does).
        const config = { ...loadConfig({ TZ: 'UTC' } as NodeJS.ProcessEnv), logLevel: 'silent' as const, rateLimitPerMinute: 0, ...options.config };
        const deps = makeDeps(fresh.database, config, options.demo ?? true, options.deps);
        const app = await buildApp(deps, { logger: false, serveWeb: false });
        await app.ready();
        env = { kind, database: fresh.database, deps, app };
      });
      afterAll(async () => {
        await env?.app.close();
        await drop?.();
      });
      fn(() => env!);
    });
  }
}

/** Signs in and returns the cookie header to send. */
export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'zz_session');
  return `zz_session=${cookie!.value}`;
}

/** A request as a signed-in user (cookie) or anonymous. */
export function call(app: FastifyInstance, cookie: string | null, opts: InjectOptions) {
  return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), ...(cookie ? { cookie } : {}) } });
}
