/**
 * Once per test run: a migrated, demo-seeded template database for each backend, so every
 * integration test file starts from a fresh copy in well under a second (STYLE.md §9):
 *  - PGlite: a data-folder dump (`dumpDataDir`) loaded by each file;
 *  - PostgreSQL (when TEST_DATABASE_URL is set): a template database each file clones.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openPglite, openPostgres } from '../src/db/client';
import { seedDemo } from '../src/seed/demo';
import { PG_TEMPLATE } from './constants';


declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string | null;
    postgresTemplate: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  process.env.TZ = 'UTC';
  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const templateFile = path.join(dir, `pglite-template-${process.pid}.tar.gz`);
  const lite = await openPglite(undefined);
  await migrateDatabase(lite);
  await seedDemo(lite.db);
  const dump = await lite.pglite!.dumpDataDir('gzip');
  fs.writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', templateFile);

  const url = process.env.TEST_DATABASE_URL ?? null;
  // One template per run: test runs started together (several engineers, CI) must not drop each other's.
  const template = `${PG_TEMPLATE}_${process.pid}`;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
    const db = await openPostgres(withDatabase(url, template), { max: 2 });
    await migrateDatabase(db);
    await seedDemo(db.db);
    await db.close();
    await admin.end();
  }
  project.provide('postgresUrl', url);
  project.provide('postgresTemplate', template);

  return async () => {
    fs.rmSync(templateFile, { force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    }
  };
}
