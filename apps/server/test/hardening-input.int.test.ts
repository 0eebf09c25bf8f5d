/**
 * Smaller holes (issue 14 §9): ids above 2³¹−1, NUL bytes and lone surrogates answer 400, and a
 * duplicate that a race lets past a use case's own check answers 409 — never a 500.
 */
import { expect, it } from 'vitest';
import { describeBackends, signIn } from './harness';
import { clients, expectError, orgId } from './factories';

describeBackends('input the database cannot store is refused, duplicates are 409 (issue 14 §9)', (env) => {
  const as = clients(env);

  it('answers 400 for an id above 2³¹−1, in a path or a body', async () => {
    const district = await as('district.admin');
    expectError(await district.get('/api/organizations/2147483648'), 400, 'VALIDATION_FAILED');
    expectError(await district.get('/api/organizations/99999999999999999999'), 400, 'VALIDATION_FAILED');
    expectError(await district.post('/api/users', { username: 'big.id', displayName: '大号', role: 'junior_high_admin', organizationId: 2147483648, initialPassword: 'Another-long-pass-9' }), 400, 'VALIDATION_FAILED');
  });

  it('answers 400 for a NUL byte or a lone surrogate, naming where it was, and writes nothing', async () => {
    const district = await as('district.admin');
    const jh01 = await orgId(env(), 'JH01');
    const nul = expectError(await district.patch(`/api/organizations/${jh01}`, { contactName: 'a\u0000b' }), 400, 'VALIDATION_FAILED');
    expect(nul.fields[0].path).toBe('body.contactName');
    // A lone surrogate, as raw JSON text (JSON.stringify would escape it the same way).
    const res = await env().app.inject({ method: 'PATCH', url: `/api/organizations/${jh01}`, headers: { 'content-type': 'application/json', cookie: await signIn(env().app, 'district.admin') }, payload: '{"contactName":"x\\ud800y"}' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expectError(await district.get('/api/organizations?q=%00'), 400, 'VALIDATION_FAILED');
    const after = (await district.get(`/api/organizations/${jh01}`)).json();
    expect(after.contactName).not.toContain('\u0000');
  });

  it('answers 409, never 500, when two identical creations race', async () => {
    const district = await as('district.admin');
    const jh01 = await orgId(env(), 'JH01');
    const body = { username: `race.${Date.now() % 100000}`, displayName: '并发账号', role: 'junior_high_admin', organizationId: jh01, initialPassword: 'Another-long-pass-9' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => district.post('/api/users', body)));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
  });
});
