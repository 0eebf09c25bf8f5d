/**
 * The audit log (foundation issue §7): every state change writes its event in the same
 * transaction; the database refuses UPDATE, DELETE and TRUNCATE; altering, deleting or
 * inserting a row (done here the way an intruder with database access would, bypassing
 * the triggers) is detected by the chain check, naming the row.
 */
import { describe, expect, it } from 'vitest';
import { count, desc, eq, sql } from 'drizzle-orm';
import { GENESIS_HASH, auditHashInput } from '@zhizhao/domain';
import { audit } from '../src/db/schema';
import { verifyAudit } from '../src/audit/verify-audit';
import { sha256 } from '../src/audit/write-audit';
import type { Db } from '../src/db/client';
import { backends, call, describeBackends, freshDatabase, signIn } from './harness';

async function auditCount(db: Db) {
  return Number((await db.select({ n: count() }).from(audit))[0]!.n);
}

/** Runs statements with triggers off, as a superuser intruder could. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

describeBackends('audit log', (env) => {
  it('writes one event per state change, in the same transaction', async () => {
    const { app, database } = env();
    const cookie = await signIn(app, 'district.admin');
    const before = await auditCount(database.db);
    const res = await call(app, cookie, { method: 'PATCH', url: '/api/organizations/5', payload: { contactPhone: '0000-7654321' } });
    expect(res.statusCode).toBe(200);
    const [last] = await database.db.select().from(audit).orderBy(desc(audit.seq)).limit(1);
    expect(await auditCount(database.db)).toBe(before + 1);
    expect(last).toMatchObject({ action: 'org.update', objectType: 'organization', objectId: '5', actorUsername: 'district.admin', requestId: res.headers['x-request-id'] });
    expect(last!.changes).toEqual({ contactPhone: { from: '0000-0000000', to: '0000-7654321' } });
  });

  it('writes no event when the change is refused', async () => {
    const { app, database } = env();
    const cookie = await signIn(app, 'jh01.admin');
    const before = await auditCount(database.db);
    const res = await call(app, cookie, { method: 'PATCH', url: '/api/organizations/5', payload: { contactPhone: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(await auditCount(database.db)).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const db = env().database.db;
    await expect(db.execute(sql`update audit set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit where seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit`)).rejects.toThrow();
    await expect(db.execute(sql`update audit_head set seq = 0`)).rejects.toThrow();
    // An insert that does not extend the chain is refused too.
    await expect(
      db.insert(audit).values({ seq: 999, at: new Date(), action: 'x', objectType: 'x', changes: {}, prevHash: GENESIS_HASH, hash: GENESIS_HASH }),
    ).rejects.toThrow();
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('shows the log, newest first, with filters, and verifies the chain', async () => {
    const { app } = env();
    const cookie = await signIn(app, 'city.auditor');
    const res = await call(app, cookie, { method: 'GET', url: '/api/audit?action=auth&pageSize=5' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i: { action: string }) => i.action.startsWith('auth.'))).toBe(true);
    expect(page.items[0].seq).toBeGreaterThan(page.items.at(-1).seq);
    const v = await call(app, cookie, { method: 'GET', url: '/api/audit/verify' });
    expect(v.json()).toMatchObject({ ok: true, break: null });
  });

  it('a district sees only the events about its own organisations', async () => {
    const { app } = env();
    const north = await signIn(app, 'north.admin');
    const res = await call(app, north, { method: 'GET', url: '/api/audit?pageSize=200' });
    const orgIds = new Set(res.json().items.map((i: { organizationId: number }) => i.organizationId));
    expect(orgIds.has(5)).toBe(false); // V02 is in the other district
  });
});

/** Tampering needs a database of its own: each case breaks the chain. */
for (const kind of backends()) {
  describe(`audit chain tampering [${kind}]`, () => {
    async function withChain(fn: (db: Db, rows: Array<typeof audit.$inferSelect>) => Promise<void>) {
      const { database, drop } = await freshDatabase(kind);
      try {
        // A few more events to tamper with.
        const { writeAudit } = await import('../src/audit/write-audit');
        for (let i = 0; i < 4; i++) {
          await database.db.transaction((tx) => writeAudit(tx, { actor: null, requestId: `t${i}`, ip: null }, { action: 'test.event', objectType: 'test', objectId: i, changes: { i } }));
        }
        expect((await verifyAudit(database.db)).ok).toBe(true);
        await fn(database.db, await database.db.select().from(audit).orderBy(audit.seq));
      } finally {
        await drop();
      }
    }

    it('detects an altered row and names it', () =>
      withChain(async (db, rows) => {
        const target = rows[2]!;
        await tamper(db, sql`update audit set changes = '{"forged":true}'::jsonb where seq = ${target.seq}`);
        expect(await verifyAudit(db)).toMatchObject({ ok: false, break: { seq: target.seq, reason: 'hash_mismatch' } });
      }));

    it('detects a deleted row in the middle', () =>
      withChain(async (db, rows) => {
        const target = rows[2]!;
        await tamper(db, sql`delete from audit where seq = ${target.seq}`);
        expect(await verifyAudit(db)).toMatchObject({ ok: false, break: { seq: target.seq + 1, reason: 'sequence_gap' } });
      }));

    it('detects the newest row deleted, through the head', () =>
      withChain(async (db, rows) => {
        const last = rows.at(-1)!;
        await tamper(db, sql`delete from audit where seq = ${last.seq}`);
        expect(await verifyAudit(db)).toMatchObject({ ok: false, break: { seq: last.seq, reason: 'head_mismatch' } });
      }));

    it('detects an inserted row, even one with a well-formed hash', () =>
      withChain(async (db, rows) => {
        const at = rows[1]!;
        // Shift the later rows up by one and slip a forged event in at seq+1, hashed against its predecessor.
        await tamper(db, sql`update audit set seq = seq + 1000 where seq > ${at.seq}`);
        const content = { seq: at.seq + 1, at: new Date().toISOString(), actorUserId: null, actorUsername: 'intruder', organizationId: null, action: 'user.create', objectType: 'user', objectId: '1', changes: {}, requestId: null, ip: null };
        const hash = sha256(auditHashInput(content, at.hash));
        await tamper(db, sql`insert into audit (seq, at, actor_username, action, object_type, object_id, changes, prev_hash, hash) values (${content.seq}, ${content.at}, 'intruder', 'user.create', 'user', '1', '{}'::jsonb, ${at.hash}, ${hash})`);
        await tamper(db, sql`update audit set seq = seq - 999 where seq > 1000`);
        const r = await verifyAudit(db);
        expect(r.ok).toBe(false);
        expect(r.break!.seq).toBe(at.seq + 2); // the first original row after the forgery no longer links
        expect(r.break!.reason).toBe('prev_hash_mismatch');
      }));

    it('counts and verifies a long chain page by page', () =>
      withChain(async (db) => {
        const r = await verifyAudit(db, 2);
        expect(r.ok).toBe(true);
        const [head] = await db.select().from(audit).orderBy(desc(audit.seq)).limit(1);
        expect(r.count).toBe(head!.seq);
        expect(r.head?.hash).toBe((await db.select().from(audit).where(eq(audit.seq, head!.seq)))[0]!.hash);
      }));
  });
}
