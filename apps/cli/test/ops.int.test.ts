/**
 * The operations CLI on a real database, PGlite and PostgreSQL: migrate, seed --demo,
 * user create, audit verify (0 when intact, non-zero naming the row when tampered),
 * backup and restore (a restore reproduces every row).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { dbTargets, runCli } from './support';
import { openDatabase, queryRows, type Database } from '@zhizhao/server/db/client';
import { backupTables } from '@zhizhao/server/ops/backup';
import { organizations } from '@zhizhao/server/db/schema';
import { writeAudit } from '@zhizhao/server/audit/write-audit';

/** Every row of every table, as PostgreSQL renders it. */
async function snapshot(database: Database) {
  const tables: Record<string, unknown> = {};
  for (const t of backupTables) {
    const name = getTableConfig(t).name;
    const [row] = await queryRows<{ rows: unknown }>(database.db, sql.raw(`select coalesce(json_agg(t order by t::text), '[]'::json) as rows from "${name}" t`));
    tables[name] = row!.rows;
  }
  return tables;
}

const targets = dbTargets('zz-cli');

for (const target of targets) {
  const skip = target.kind === 'postgres' && !inject('postgresUrl');
  describe.skipIf(skip)(`zhizhao CLI operations [${target.kind}]`, () => {
    let cleanup: () => Promise<void>;
    const saved = { ...process.env };
    const open = () => openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.ZHIZHAO_DATA_DIR ?? './data' });
    const backupFile = path.join(os.tmpdir(), `zz-backup-${process.pid}-${target.kind}.json.gz`);

    beforeAll(async () => {
      const s = await target.setup();
      cleanup = s.cleanup;
      delete process.env.DATABASE_URL;
      Object.assign(process.env, s.env, { NODE_ENV: 'test' });
    });
    afterAll(async () => {
      process.env = saved;
      fs.rmSync(backupFile, { force: true });
      await cleanup();
    });

    it('migrates and seeds the demo district once', async () => {
      expect((await runCli(['migrate'])).code).toBe(0);
      const first = await runCli(['seed', '--demo']);
      expect(first).toMatchObject({ code: 0 });
      expect(first.out).toMatch(/demo district loaded: \d+ accounts/);
      expect((await runCli(['seed', '--demo'])).out).toMatch(/already loaded/);
      expect((await runCli(['seed'])).code).toBe(2);
    });

    it('creates a user, and refuses bad arguments with a clear message', async () => {
      const ok = await runCli(['user', 'create', '--username', 'd01.clerk', '--org', 'D01', '--role', 'district_staff']);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/initial password: \S{10,}/);
      const dup = await runCli(['user', 'create', '--username', 'd01.clerk', '--org', 'D01', '--role', 'district_staff']);
      expect(dup).toMatchObject({ code: 2 });
      expect(dup.err).toMatch(/username d01\.clerk is taken/);
      expect((await runCli(['user', 'create', '--username', 'x1.clerk', '--org', 'D01', '--role', 'king'])).err).toMatch(/--role must be one of/);
      expect((await runCli(['user', 'create', '--username', 'x2.clerk', '--org', 'JH01', '--role', 'city_admin'])).err).toMatch(/does not fit/);
      expect((await runCli(['user', 'create', '--username', 'x3.clerk', '--org', 'NOPE', '--role', 'city_admin'])).err).toMatch(/no organisation with code NOPE/);
      expect((await runCli(['user', 'create', '--username', 'x4.clerk', '--org', 'D01', '--role', 'district_staff', '--password', 'short'])).err).toMatch(/password policy: too_short/);
      expect((await runCli(['user', 'create', '--bogus'])).err).toMatch(/unknown option --bogus/);
    });

    it('verifies an intact audit chain with exit code 0', async () => {
      const r = await runCli(['audit', 'verify']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/audit chain intact: \d+ events/);
    });

    it('backs up and restores every row exactly', async () => {
      expect((await runCli(['backup', backupFile])).code).toBe(0);
      let db = await open();
      const before = await snapshot(db);
      // Change things after the backup: a new organisation with its audit event.
      await db.db.transaction(async (tx) => {
        const [o] = await tx.insert(organizations).values({ code: 'AFTER', name: '备份之后新建', kind: 'city_bureau' }).returning();
        await writeAudit(tx, { actor: null, requestId: null, ip: null }, { action: 'org.create', objectType: 'organization', objectId: o!.id, changes: {} });
      });
      expect(await snapshot(db)).not.toEqual(before);
      await db.close();

      const refused = await runCli(['restore', backupFile]);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/--yes/);
      const restored = await runCli(['restore', backupFile, '--yes']);
      expect(restored.code).toBe(0);
      expect(restored.out).toMatch(/audit chain intact/);

      db = await open();
      expect(await snapshot(db)).toEqual(before);
      // Sequences continue after the restored ids.
      const [o] = await db.db.insert(organizations).values({ code: 'NEXT', name: '恢复之后新建', kind: 'city_bureau' }).returning();
      expect(o!.id).toBeGreaterThan(Math.max(...(before.organizations as Array<{ id: number }>).map((r) => r.id)));
      await db.close();
    });

    it('refuses a file that is not a backup', async () => {
      const bad = path.join(os.tmpdir(), `zz-not-backup-${process.pid}`);
      fs.writeFileSync(bad, 'hello');
      const r = await runCli(['restore', bad, '--yes']);
      fs.rmSync(bad);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/not a zhizhao backup/);
    });

    it('exits non-zero and names the row when the chain is broken', async () => {
      const db = await open();
      await db.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update audit set action = 'forged' where seq = 2`);
      });
      await db.close();
      const r = await runCli(['audit', 'verify']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/BROKEN at seq 2: hash_mismatch/);
    });

    it('refuses a second opener of the embedded data folder', async () => {
      if (target.kind !== 'pglite') return;
      const db = await open();
      try {
        const r = await runCli(['audit', 'verify']);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/in use by process \d+/);
      } finally {
        await db.close();
      }
    });
  });
}
