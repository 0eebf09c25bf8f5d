/**
 * Verifying a permit's code at the gate (R19), with no login, at the business clock (15:10 on
 * the demo day, Beijing time): valid during its slot; not yet, over; revoked — at once after the
 * bureau revokes it; every flipped byte of payload or signature, an unknown key, and a key of
 * a bureau other than the approving district are invalid; a validly signed code naming no
 * permit is unknown; a junior high's clerk is warned about a permit for another junior high.
 */
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { encodeSignedCode, fromBase64url, parseSignedCode, payloadBytes, toBase64url, type SignedPayload } from '@zhizhao/domain';
import { signingKeys } from '../src/db/schema';
import { verifyCode } from '../src/signing/codes';
import { verifiersFor } from '../src/features/public/routes';
import { describeBackends, signIn } from './harness';
import { clients, orgId } from './factories';
import { demoVisit } from './visits';

describeBackends('permit verification (R19)', (env) => {
  const as = clients(env);
  const check = async (code: string, cookie?: string) => (await env().app.inject({ method: 'GET', url: `/api/verify/${code}`, headers: cookie ? { cookie } : {} })).json();
  const codeOf = async (school: string, jh: string) => (await demoVisit(env(), school, jh)).permitCode!;
  /** Signs a payload with a bureau's stored key (the demo keeps keys unsealed). */
  const signWith = async (orgCode: string, payload: Omit<SignedPayload, 'k'>) => {
    const [k] = await env().database.db.select().from(signingKeys).where(eq(signingKeys.organizationId, await orgId(env(), orgCode)));
    const full = { ...payload, k: k!.kid } as SignedPayload;
    return encodeSignedCode(full, new Uint8Array(sign(null, payloadBytes(full), createPrivateKey(k!.privateKey))));
  };

  it('answers valid during the slot, with what the permit vouches for', async () => {
    // V01 at JH04, April 21, 15:00–16:30.
    const r = await check(await codeOf('V01', 'JH04'));
    expect(r).toMatchObject({
      kind: 'permit', status: 'valid', keyId: expect.stringMatching(/^d01-/),
      message: { zh: expect.stringContaining('示例区第四中学') },
      facts: { serial: '示区教宣许〔2027〕0003号', school: '市第一职业技术学校', schoolCode: 'V01', juniorHigh: '示例区第四中学', juniorHighCode: 'JH04', date: '2027-04-21', start: '15:00', end: '16:30', staff: ['李明', '周婷'], issuer: '示例区教育局' },
    });
    expect(JSON.stringify(r)).not.toMatch(/138-0000/);
  });

  it('answers not yet for a later day, over for an earlier day or an ended slot', async () => {
    expect(await check(await codeOf('V02', 'JH01'))).toMatchObject({ status: 'not_yet', message: { zh: expect.stringContaining('日期还没到') } }); // April 22
    expect(await check(await codeOf('V11', 'JH01'))).toMatchObject({ status: 'not_yet' }); // April 27
    expect(await check(await codeOf('V01', 'JH01'))).toMatchObject({ status: 'over', message: { zh: expect.stringContaining('日期已过') } }); // April 20
    expect(await check(await codeOf('V02', 'JH05'))).toMatchObject({ status: 'over', message: { zh: expect.stringContaining('时段已结束') } }); // today 09:00–10:30
  });

  it('answers revoked for the demo\'s revoked permit, and at once after the bureau revokes one', async () => {
    expect(await check(await codeOf('V01', 'JH09'))).toMatchObject({ status: 'revoked', facts: { revokeReason: expect.stringContaining('R7'), revokedAt: expect.any(String) } });
    const visit = await demoVisit(env(), 'V01', 'JH04');
    expect((await check(visit.permitCode!)).status).toBe('valid');
    const res = await (await as('district.staff')).post(`/api/visits/${visit.id}/revoke`, { reason: '学校申请撤回' });
    expect(res.json()).toMatchObject({ status: 'revoked', permit: { revokeReason: '学校申请撤回', revokedAt: expect.any(String) } });
    expect(await check(visit.permitCode!)).toMatchObject({ status: 'revoked', message: { zh: expect.stringContaining('学校申请撤回') } });
    const listed = (await (await as('district.admin')).get('/api/permits')).json().items.find((p: { visitId: number }) => p.visitId === visit.id);
    expect(listed.status).toBe('revoked');
  });

  it('reports every flipped byte of payload or signature as invalid', async () => {
    const code = await codeOf('V12', 'JH07');
    const [p, s] = code.split('.') as [string, string];
    const payload = fromBase64url(p)!;
    const signature = fromBase64url(s)!;
    const verifiers = verifiersFor(env().deps);
    const statuses = new Set<string>();
    for (let i = 0; i < payload.length; i++) {
      const bytes = Uint8Array.from(payload);
      bytes[i] = bytes[i]! ^ 0x01;
      statuses.add((await verifyCode(env().deps.db, `${toBase64url(bytes)}.${s}`, verifiers)).status);
    }
    for (let i = 0; i < signature.length; i++) {
      const bytes = Uint8Array.from(signature);
      bytes[i] = bytes[i]! ^ 0x80;
      statuses.add((await verifyCode(env().deps.db, `${p}.${toBase64url(bytes)}`, verifiers)).status);
    }
    expect([...statuses]).toEqual(['invalid']);
    expect((await check(`${p}.${s}`)).status).toBe('not_yet'); // April 29: the untouched code still reads
    expect((await check(`${p.slice(0, -2)}.${s}`)).status).toBe('invalid');
  });

  it('reports an unknown key and another bureau\'s key as invalid, a signed code of no permit as unknown', async () => {
    const real = parseSignedCode(await codeOf('V11', 'JH04'))!.payload;
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = { ...real, k: 'd01-20270101-abcdef' } as SignedPayload;
    expect(await check(encodeSignedCode(forged, new Uint8Array(sign(null, payloadBytes(forged), privateKey))))).toMatchObject({ kind: 'permit', status: 'invalid', facts: null });
    const { k: _, ...unsigned } = real;
    // The city bureau's key is real, but only the district bureau approves visits (R19).
    expect(await check(await signWith('C01', unsigned))).toMatchObject({ status: 'invalid', message: { zh: expect.stringContaining('区教育局') } });
    expect(await check(await signWith('D01', { ...unsigned, id: 999_999 }))).toMatchObject({ kind: 'permit', status: 'unknown', facts: null });
    // A genuine key over a payload the bureau never issued (another day) names no permit either.
    expect(await check(await signWith('D01', { ...unsigned, d: '2027-04-21' }))).toMatchObject({ status: 'unknown' });
  });

  it('warns a junior high\'s clerk who checks a permit for another junior high', async () => {
    const code = await codeOf('V01', 'JH04');
    const here = await check(code, await signIn(env().app, 'jh04.admin'));
    expect(here.facts.atAnotherJuniorHigh).toBeUndefined();
    const elsewhere = await check(code, await signIn(env().app, 'jh05.admin'));
    expect(elsewhere).toMatchObject({ kind: 'permit', facts: { atAnotherJuniorHigh: true, juniorHigh: '示例区第四中学' }, message: { zh: expect.stringContaining('不是发给本校') } });
  });

  it('shows the names the permit was issued under after the bureau renames the school (issue 14 §6)', async () => {
    const code = await codeOf('V01', 'JH04');
    const bureau = await as('district.admin');
    const v01 = await orgId(env(), 'V01');
    const renamed = await bureau.patch(`/api/organizations/${v01}`, { name: '示例市第一职业技术学校（更名）' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    try {
      const r = await check(code);
      expect(r.facts).toMatchObject({ school: '市第一职业技术学校', schoolCode: 'V01', issuer: '示例区教育局' });
      // The printed permit too: its title names the school as approved.
      const visit = await demoVisit(env(), 'V01', 'JH04');
      const pdf = await bureau.get(`/api/visits/${visit.id}/permit.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('市第一职业技术学校-'));
      expect(pdf.headers['content-disposition']).not.toContain(encodeURIComponent('更名'));
    } finally {
      await bureau.patch(`/api/organizations/${v01}`, { name: '市第一职业技术学校' });
    }
  });
}, { config: { fixedNow: '2027-04-21T15:10:00+08:00' } });
