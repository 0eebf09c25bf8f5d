/**
 * Opens the database: PGlite in a data folder when DATABASE_URL is unset, PostgreSQL
 * (a pg pool) when it is set (ADR 0002). Both give the same Drizzle API over one schema.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir } from './lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: queries take this. */
export type Queryable = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  /** Where the data lives, for messages: a folder or a URL without password. */
  location: string;
  pglite?: PGlite;
  pool?: pg.Pool;
  close: () => Promise<void>;
};

/** The SQL migrations (the bundled CLI sets ZHIZHAO_MIGRATIONS_DIR: its code lives elsewhere). */
export const migrationsFolder = process.env.ZHIZHAO_MIGRATIONS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

// int8 as JS number (ids, counts, seq stay far below 2^53); numeric stays a string.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openPglite(dataDir: string | undefined, options: { lock?: boolean; loadDataDir?: Blob } = {}): Promise<Database> {
  const release = dataDir && options.lock !== false ? lockDataDir(dataDir) : () => {};
  try {
    const client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      location: dataDir ?? 'memory://',
      pglite: client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', () => {}); // an idle client's error must not crash the process; the next query reports it
  // Fail fast with a clear message when the server is not there.
  const c = await pool.connect().catch(async (err: Error) => {
    await pool.end();
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${err.message}`);
  });
  c.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', location: redactUrl(url), pool, close: () => pool.end() };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/**
 * Applies pending migrations. On PostgreSQL several servers may start at once: an
 * advisory lock on one dedicated connection makes them take turns.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727274)');
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => {});
    client.release();
  }
}

/** `s` as a literal inside a LIKE pattern (its %, _ and \ escaped). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Rows of a raw query, the same shape on both drivers. */
export async function queryRows<T = Record<string, unknown>>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
