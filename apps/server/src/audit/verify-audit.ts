/** Reads the whole audit log in pages and checks the hash chain (domain/audit/chain.ts). */
import { asc, eq, gt } from 'drizzle-orm';
import { GENESIS_HASH, verifyChain, type AuditRowForCheck } from '@zhizhao/domain';
import type { Queryable } from '../db/client';
import { audit, auditHead } from '../db/schema';
import { sha256 } from './write-audit';

export type VerifyResult = Awaited<ReturnType<typeof verifyAudit>>;

export async function verifyAudit(db: Queryable, pageSize = 5000) {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  async function* rows(): AsyncGenerator<AuditRowForCheck> {
    let after = 0;
    for (;;) {
      const batch = await db.select().from(audit).where(gt(audit.seq, after)).orderBy(asc(audit.seq)).limit(pageSize);
      for (const r of batch) yield { ...r, at: r.at.toISOString() };
      if (batch.length < pageSize) return;
      after = batch[batch.length - 1]!.seq;
    }
  }
  const collected: AuditRowForCheck[] = [];
  // verifyChain takes a sync iterable: check page by page, carrying the last link along.
  let start = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for await (const row of rows()) {
    collected.push(row);
    if (collected.length >= pageSize) {
      const r = verifyChain(collected, sha256, null, start);
      if (!r.ok) return { ok: false as const, count: count + r.count, head: head ?? null, break: r.break };
      count += r.count;
      start = r.last;
      collected.length = 0;
    }
  }
  const r = verifyChain(collected, sha256, head ? { seq: head.seq, hash: head.hash } : null, start);
  if (!r.ok) return { ok: false as const, count: count + r.count, head: head ?? null, break: r.break };
  return { ok: true as const, count: count + r.count, head: head ? { seq: head.seq, hash: head.hash } : null, break: null };
}
