/**
 * The audit log's hash chain, as pure functions: each row's hash covers its canonical
 * content and the previous row's hash, so altering, removing or inserting a row breaks
 * the chain at that row (ADR 0006). The hash function is passed in (SHA-256 on the server).
 */
export type AuditContent = {
  seq: number;
  at: string; // ISO 8601 with milliseconds, UTC
  actorUserId: number | null;
  actorUsername: string | null;
  organizationId: number | null;
  action: string;
  objectType: string;
  objectId: string | null;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
};

export type AuditRowForCheck = AuditContent & { prevHash: string; hash: string };

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return value === undefined ? 'null' : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function auditHashInput(row: AuditContent, prevHash: string): string {
  return `${prevHash}\n${canonicalJson(row)}`;
}

export type ChainBreak = { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch'; detail: string };

/**
 * Checks rows in sequence order. `head` is the separately stored last (seq, hash): it
 * catches the removal of the newest rows, which the chain alone cannot see.
 */
export function verifyChain(
  rows: Iterable<AuditRowForCheck>,
  hash: (input: string) => string,
  head: { seq: number; hash: string } | null,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): { ok: true; count: number; last: { seq: number; hash: string } } | { ok: false; count: number; break: ChainBreak } {
  let prev = start;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.seq !== prev.seq + 1) {
      return { ok: false, count, break: { seq: row.seq, reason: 'sequence_gap', detail: `expected seq ${prev.seq + 1}, found ${row.seq}` } };
    }
    if (row.prevHash !== prev.hash) {
      return { ok: false, count, break: { seq: row.seq, reason: 'prev_hash_mismatch', detail: 'prev_hash does not match the hash of the row before' } };
    }
    const { prevHash: _p, hash: stored, ...content } = row;
    const expected = hash(auditHashInput(content, row.prevHash));
    if (expected !== stored) {
      return { ok: false, count, break: { seq: row.seq, reason: 'hash_mismatch', detail: 'the row content does not match its hash (altered)' } };
    }
    prev = { seq: row.seq, hash: stored };
  }
  if (head && (head.seq !== prev.seq || head.hash !== prev.hash)) {
    return {
      ok: false,
      count,
      break: { seq: prev.seq + 1, reason: 'head_mismatch', detail: `the log ends at seq ${prev.seq} but the recorded head is seq ${head.seq}` },
    };
  }
  return { ok: true, count, last: prev };
}
