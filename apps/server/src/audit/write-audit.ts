/**
 * Writes one audit event inside the caller's transaction (every state change does, in
 * the same transaction: STYLE.md practice 4). Locks the chain head, so events are
 * chained in commit order (ADR 0006).
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditHashInput, type AuditContent } from '@zhizhao/domain';
import type { Tx } from '../db/client';
import { audit, auditHead } from '../db/schema';
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

export async function writeAudit(tx: Tx, ctx: RequestContext, event: AuditEvent): Promise<void> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('audit_head row missing: run migrations');
  const content: AuditContent = {
    seq: head.seq + 1,
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
