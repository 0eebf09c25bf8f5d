import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHashInput, canonicalJson, GENESIS_HASH, verifyChain, type AuditContent, type AuditRowForCheck } from './chain';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function build(n: number): AuditRowForCheck[] {
  const rows: AuditRowForCheck[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content: AuditContent = {
      seq: i, at: `2027-04-20T08:00:0${i % 10}.000Z`, actorUserId: 1, actorUsername: 'city.admin', organizationId: 1,
      action: 'org.update', objectType: 'organization', objectId: String(i), changes: { name: { from: 'a', to: `b${i}` } },
      requestId: `r${i}`, ip: '127.0.0.1',
    };
    const hash = sha(auditHashInput(content, prev));
    rows.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit chain', () => {
  it('verifies an intact chain and its head', () => {
    const rows = build(5);
    expect(verifyChain(rows, sha, { seq: 5, hash: rows[4]!.hash })).toMatchObject({ ok: true, count: 5 });
  });
  it('detects an altered row', () => {
    const rows = build(5);
    rows[2] = { ...rows[2]!, changes: { name: { from: 'a', to: 'forged' } } };
    expect(verifyChain(rows, sha, null)).toMatchObject({ ok: false, break: { seq: 3, reason: 'hash_mismatch' } });
  });
  it('detects a removed row', () => {
    const rows = build(5);
    rows.splice(1, 1);
    expect(verifyChain(rows, sha, null)).toMatchObject({ ok: false, break: { seq: 3, reason: 'sequence_gap' } });
  });
  it('detects an inserted row even with a plausible hash', () => {
    const rows = build(5);
    const fake = { ...rows[1]!, action: 'user.create' };
    fake.hash = sha(auditHashInput({ ...fake, prevHash: undefined, hash: undefined } as never, fake.prevHash));
    rows.splice(2, 0, fake);
    const result = verifyChain(rows, sha, null);
    expect(result.ok).toBe(false);
  });
  it('detects removal of the newest rows through the head', () => {
    const rows = build(5);
    const head = { seq: 5, hash: rows[4]!.hash };
    expect(verifyChain(rows.slice(0, 4), sha, head)).toMatchObject({ ok: false, break: { seq: 5, reason: 'head_mismatch' } });
  });
});
