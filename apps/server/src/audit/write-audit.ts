/**
 * Writes one audit event inside the caller's transaction (every state change does, in
 * the same transaction: STYLE.md practice 4). Locks the chain head, so events are
 * chained in commit order (ADR 0006).
 */
import { createHash } from 'node:crypto';
import { asc, eq, lte, sql } from 'drizzle-orm';
import { auditHashInput, type AuditContent } from '@zhizhao/domain';
import { queryRows, type Db, type Tx } from '../db/client';
import { audit, auditHead, auditQueue } from '../db/schema';
import type { Actor } from '../auth/policy';

export type RequestContext = { actor: Actor | null; requestId: string | null; ip: string | null };

export type AuditEvent = {
  /** verb-ish, dotted: `org.create`, `user.password_reset`, `auth.login_failed` */
  action: string;
  objectType: string;
  objectId: string | number | null;
  /** What changed: `{ field: { from, to } }`, or the created object, or a reason. No passwords. */
  changes: Record<string, unknown>;
  /** The organisation the object belongs to (for scoping the audit page); defaults to the actor's. */
  organizationId?: number | null;
  /** For events without a signed-in actor (a failed login): who it was about. */
  actorOverride?: { userId: number | null; username: string | null };
};

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** An event's content, without its place in the chain (seq). */
function contentOf(ctx: RequestContext, event: AuditEvent): Omit<AuditContent, 'seq'> {
  return {
    at: new Date().toISOString(),
    actorUserId: event.actorOverride ? event.actorOverride.userId : (ctx.actor?.userId ?? null),
    actorUsername: event.actorOverride ? event.actorOverride.username : (ctx.actor?.username ?? null),
    organizationId: event.organizationId !== undefined ? event.organizationId : (ctx.actor?.organizationId ?? null),
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId === null ? null : String(event.objectId),
    // Normalise (dates → strings, undefined dropped) so what is hashed is what is stored.
    changes: JSON.parse(JSON.stringify(event.changes)),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

export async function writeAudit(tx: Tx, ctx: RequestContext, event: AuditEvent): Promise<void> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('audit_head row missing: run migrations');
  const content: AuditContent = { seq: head.seq + 1, ...contentOf(ctx, event) };
  const hash = sha256(auditHashInput(content, head.hash));
  await tx.insert(audit).values({ ...content, at: new Date(content.at), prevHash: head.hash, hash });
}

/** `{ field: { from, to } }` for the fields that differ. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) out[key] = { from: a ?? null, to: b };
  }
  return out;
}

/**
 * The queued path (ADR 0006, amended for issue 9): the same event, written in the caller's
 * transaction into `audit_queue` without the chain head's lock, so 200 families saving at once do
 * not queue behind one another. `chainAuditQueue` appends queued events to the chain, in the order
 * they were queued, within a second (every server runs it; an advisory lock lets one at a time).
 */
export async function queueAudit(tx: Tx, ctx: RequestContext, event: Omit<AuditEvent, 'actorOverride'>): Promise<void> {
  await tx.insert(auditQueue).values(queuedAuditRow(ctx, event));
}

/** The `audit_queue` row of an event, for a caller that writes it inside a statement of its own (the save's one-statement path). */
export function queuedAuditRow(ctx: RequestContext, event: Omit<AuditEvent, 'actorOverride'>) {
  const content = contentOf(ctx, event);
  return { ...content, at: new Date(content.at) };
}

const CHAINER_LOCK = 727275;

/** Moves up to `limit` queued events into the chain; returns how many (0 when another server holds the chainer). */
export async function chainAuditQueue(db: Db, limit = 2000): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${CHAINER_LOCK}) as ok`);
    if (!lock?.ok) return 0;
    const queued = await tx.select().from(auditQueue).orderBy(asc(auditQueue.id)).limit(limit);
    if (!queued.length) return 0;
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
    if (!head) throw new Error('audit_head row missing: run migrations');
    let prev = head.hash;
    let seq = head.seq;
    const rows = queued.map((q) => {
      const content: AuditContent = {
        seq: ++seq, at: q.at.toISOString(), actorUserId: q.actorUserId, actorUsername: q.actorUsername, organizationId: q.organizationId,
        action: q.action, objectType: q.objectType, objectId: q.objectId, changes: q.changes as Record<string, unknown>, requestId: q.requestId, ip: q.ip,
      };
      const hash = sha256(auditHashInput(content, prev));
      const row = { ...content, at: new Date(content.at), prevHash: prev, hash };
      prev = hash;
      return row;
    });
    // In chunks: the chain trigger checks each row in order, one statement per chunk.
    for (let i = 0; i < rows.length; i += 500) await tx.insert(audit).values(rows.slice(i, i + 500));
    await tx.delete(auditQueue).where(lte(auditQueue.id, queued[queued.length - 1]!.id));
    return rows.length;
  });
}

/** Chains everything queued (tests, `audit verify`, the audit page before it reads). */
export async function flushAuditQueue(db: Db): Promise<void> {
  // Another server may hold the chainer: wait for it rather than return with events unchained.
  for (let i = 0; i < 200; i++) {
    const [row] = await db.select({ id: auditQueue.id }).from(auditQueue).limit(1);
    if (!row) return;
    if ((await chainAuditQueue(db)) === 0) await new Promise((r) => setTimeout(r, 25));
  }
}
