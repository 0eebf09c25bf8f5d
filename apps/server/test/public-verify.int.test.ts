/**
 * What the public sees without logging in (R7) and the verification of signed codes: the
 * contract other checks rely on (`GET /api/public/brochures`, `GET /api/verify/:code`,
 * `GET /api/keys`). A valid code verifies; any flipped byte of payload or signature, an
 * unknown key or a key of another bureau is invalid; a signed code of no filing is unknown;
 * a superseded or withdrawn version says so.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { encodeSignedCode, fromBase64url, payloadBytes, toBase64url, type SignedPayload } from '@zhizhao/domain';
import { signingKeys } from '../src/db/schema';
import { verifyCode } from '../src/signing/codes';
import { verifiers } from '../src/features/public/routes';
import { describeBackends } from './harness';
import { clients, expectError, orgId } from './factories';
import { brochureId, brochureRow } from './publicity';

describeBackends('public brochures and verification (R7)', (env) => {
  const as = clients(env);
  const anon = (url: string) => env().app.inject({ method: 'GET', url });
  const check = async (code: string) => (await anon(`/api/verify/${code}`)).json();

  it('lists this year\'s current filed brochures to anyone, one per school, with school, filing number and verify code', async () => {
    const res = await anon('/api/public/brochures');
    expect(res.statusCode).toBe(200);
    const { year, items } = res.json();
    expect(year).toBe(2027);
    expect(items.map((i: { schoolCode: string; filingNumber: string }) => `${i.schoolCode} ${i.filingNumber}`)).toEqual([
      'V01 示教职招备〔2027〕006号', 'V02 示教职招备〔2027〕002号', 'V11 示教职招备〔2027〕003号', 'V12 示教职招备〔2027〕004号', 'V15 示教职招备〔2027〕005号',
    ]);
    for (const i of items) expect(i).toMatchObject({ school: expect.any(String), verifyCode: expect.stringMatching(/^[\w-]+\.[\w-]+$/) });
    expect(items[0]).toMatchObject({ school: '市第一职业技术学校', jointEnrollment: '区属职校联合招生', campuses: ['第一职校本部校区'] });
    expect(JSON.stringify(items)).not.toMatch(/admin|0000-0000000|招生办/);
    expect((await anon('/api/public/brochures?year=2026')).json().items).toEqual([]);
  });

  it('searches by school, major and campus', async () => {
    const codes = async (q: string) => ((await anon(`/api/public/brochures?${q}`)).json().items as Array<{ schoolCode: string }>).map((i) => i.schoolCode);
    expect(await codes(`q=${encodeURIComponent('交通')}`)).toEqual(['V11']);
    expect(await codes(`major=${encodeURIComponent('汽车')}`)).toEqual(['V02', 'V11']);
    expect(await codes(`major=${encodeURIComponent('音乐')}`)).toEqual(['V01']);
    expect(await codes(`campus=${encodeURIComponent('北校区')}`)).toEqual(['V12']);
    // R3: the joint enrollment's general majors are taught on 市职高's campus.
    expect(await codes(`campus=${encodeURIComponent('市职高')}`)).toEqual(['V02']);
  });

  it('shows a filed version\'s page with the mark, and refuses what was never filed', async () => {
    const d = (await anon(`/api/public/brochures/${await brochureId(env(), 'V11')}`)).json();
    expect(d).toMatchObject({ mark: '已经市教育局审查备案', status: 'current', filingNumber: '示教职招备〔2027〕003号', facts: { school: '示例市交通职业学校' } });
    expect(d.sections.length).toBeGreaterThan(0);
    const old = (await anon(`/api/public/brochures/${await brochureId(env(), 'V01', 1)}`)).json();
    expect(old).toMatchObject({ status: 'superseded', currentId: await brochureId(env(), 'V01', 2) });
    for (const code of ['V13', 'V14', 'V16']) expectError(await anon(`/api/public/brochures/${await brochureId(env(), code)}`), 404, 'BROCHURE_NOT_FILED');
    expectError(await anon(`/api/public/brochures/${await brochureId(env(), 'V02', 2)}/pdf`), 404, 'BROCHURE_NOT_FILED');
  });

  it('verifies a valid code with the facts it vouches for, and reports a superseded version', async () => {
    const current = await brochureRow(env(), await brochureId(env(), 'V01', 2));
    const ok = await check(current.verifyCode!);
    expect(ok).toMatchObject({ kind: 'brochure', status: 'valid', keyId: expect.stringMatching(/^c01-/), facts: { school: '市第一职业技术学校', filingNumber: '示教职招备〔2027〕006号', version: 2, mark: '已经市教育局审查备案' } });
    expect(ok.facts.majors.map((m: { name: string }) => m.name)).toEqual(['美术设计与制作', '工艺美术', '音乐表演']);
    expect(JSON.stringify(ok)).not.toMatch(/admin|0000-0000000/);
    const old = await check((await brochureRow(env(), await brochureId(env(), 'V01', 1))).verifyCode!);
    expect(old).toMatchObject({ status: 'superseded', facts: { filingNumber: '示教职招备〔2027〕001号', currentFilingNumber: '示教职招备〔2027〕006号' } });
  });

  it('reports any flipped byte of payload or signature as invalid', async () => {
    const code = (await brochureRow(env(), await brochureId(env(), 'V12'))).verifyCode!;
    const [p, s] = code.split('.') as [string, string];
    const payload = fromBase64url(p)!;
    const signature = fromBase64url(s)!;
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
    expect(await check(`${p}x.${s}`)).toMatchObject({ status: 'invalid', kind: null });
    expect(await check('not-a-code')).toMatchObject({ status: 'invalid' });
  });

  it('treats an unknown key and another bureau\'s key as invalid, and a well-signed code of no filing as unknown', async () => {
    const real = await brochureRow(env(), await brochureId(env(), 'V12'));
    const payload = JSON.parse(Buffer.from(fromBase64url(real.verifyCode!.split('.')[0]!)!).toString('utf8')) as SignedPayload;
    const forger = generateKeyPairSync('ed25519');
    const forged = { ...payload, k: 'c01-forged-key' } as SignedPayload;
    expect(await check(encodeSignedCode(forged, sign(null, payloadBytes(forged), forger.privateKey)))).toMatchObject({ status: 'invalid', keyId: 'c01-forged-key' });

    // A key the district registered is genuine, but the district does not file brochures.
    const districtKey = generateKeyPairSync('ed25519');
    await env().database.db.insert(signingKeys).values({ kid: 'd01-test', organizationId: await orgId(env(), 'D01'), publicKey: districtKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey: 'unused' });
    const byDistrict = { ...payload, k: 'd01-test' } as SignedPayload;
    expect(await check(encodeSignedCode(byDistrict, sign(null, payloadBytes(byDistrict), districtKey.privateKey)))).toMatchObject({ status: 'invalid', kind: 'brochure' });

    // The city's real key over a filing that does not exist: genuine signature, unknown filing.
    const [cityKey] = await env().database.db.select().from(signingKeys).where(eq(signingKeys.kid, payload.k));
    const ghost = { ...payload, id: 999999, n: '示教职招备〔2027〕999号' } as SignedPayload;
    expect(await check(encodeSignedCode(ghost, sign(null, payloadBytes(ghost), createPrivateKey(cityKey!.privateKey))))).toMatchObject({ status: 'unknown', kind: 'brochure' });
    const permit = { t: 'permit', k: payload.k, id: 1 } as SignedPayload;
    expect(await check(encodeSignedCode(permit, sign(null, payloadBytes(permit), createPrivateKey(cityKey!.privateKey))))).toMatchObject({ status: 'unknown', kind: 'permit' });
  });

  it('publishes the public keys, enough to verify a code offline', async () => {
    const { keys, format } = (await anon('/api/keys')).json();
    expect(format).toContain('Ed25519');
    const code = (await brochureRow(env(), await brochureId(env(), 'V15'))).verifyCode!;
    const [p, s] = code.split('.') as [string, string];
    const kid = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')).k;
    const key = keys.find((k: { kid: string }) => k.kid === kid);
    expect(key).toMatchObject({ organization: '示例市教育局', algorithm: 'Ed25519', retiredAt: null });
    const fromRaw = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKeyBase64url }, format: 'jwk' });
    expect(verify(null, Buffer.from(p, 'base64url'), fromRaw, Buffer.from(s, 'base64url'))).toBe(true);
    expect(verify(null, Buffer.from(p, 'base64url'), createPublicKey(key.publicKeyPem), Buffer.from(s, 'base64url'))).toBe(true);
    expect(JSON.stringify(keys)).not.toContain('PRIVATE');
  });

  it('reports a withdrawn filing as withdrawn and drops it from the public list', async () => {
    const id = await brochureId(env(), 'V15');
    const code = (await brochureRow(env(), id)).verifyCode!;
    expectError(await (await as('district.admin')).post(`/api/brochures/${id}/withdraw`, { reason: '违规宣传' }), 403, 'FORBIDDEN');
    const res = await (await as('city.admin')).post(`/api/brochures/${id}/withdraw`, { reason: '学校宣传内容与备案不符（R6）' });
    expect(res.json()).toMatchObject({ status: 'withdrawn', events: expect.arrayContaining([expect.objectContaining({ action: 'withdraw', comment: '学校宣传内容与备案不符（R6）' })]) });
    expect(await check(code)).toMatchObject({ status: 'withdrawn', facts: { withdrawnAt: expect.any(String) } });
    expect((await anon(`/api/public/brochures/${id}`)).json().status).toBe('withdrawn');
    const list = (await anon('/api/public/brochures')).json().items as Array<{ schoolCode: string }>;
    expect(list.map((i) => i.schoolCode)).not.toContain('V15');
  });
});
