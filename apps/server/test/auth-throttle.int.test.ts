/**
 * Sign-in throttling that holds under bursts (issue 14 §2, §3): every attempt is counted before
 * the password is checked, so a burst of 60 wrong passwords gets 5 checks and the right one at
 * the end is refused like a wrong one; unknown, slowed and wrong answer alike; a client address
 * past its failures is answered 429 with Retry-After while other addresses go on; a success
 * refunds the address; wrong current passwords on change-password count too.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../src/db/schema';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { auditSince, auditMark, expectError } from './factories';
import { call, describeBackends, signIn } from './harness';

const attempt = (env: () => { app: import('fastify').FastifyInstance }, username: string, password: string, remoteAddress = '127.0.0.1') =>
  env().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

describeBackends('sign-in throttling under bursts (issue 14 §2, §3)', (env) => {
  it('checks 5 passwords of a burst of 60, refuses the right one that follows, and answers every refusal alike', async () => {
    const mark = await auditMark(env());
    const burst = Promise.all(Array.from({ length: 60 }, (_, i) => attempt(env, 'jh05.admin', `guess-${i}`, `10.0.${i}.5`)));
    // The right password, once the account is slowed (the 5th attempt reserved).
    for (let i = 0; i < 200; i++) {
      const [u] = await env().database.db.select({ n: users.failedLogins }).from(users).where(eq(users.username, 'jh05.admin'));
      if (u!.n >= 5) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const right = await attempt(env, 'jh05.admin', DEMO_PASSWORD, '10.0.0.6');
    const answers = await burst;
    expectError(right, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(new Set(answers.map((r) => r.statusCode))).toEqual(new Set([401]));
    const shape = (r: { json: () => { error: Record<string, unknown> } }) => { const { requestId: _, ...rest } = r.json().error; return rest; };
    const unknown = await attempt(env, 'nobody.at.all', 'x', '10.0.0.7');
    expect(shape(unknown)).toEqual(shape(right));
    expect(shape(answers[59]!)).toEqual(shape(right));
    // Exactly 5 passwords were checked (each check that fails is audited).
    const checked = (await auditSince(env(), mark)).filter((e) => e.action === 'auth.login_failed' || e.action === 'auth.slowed');
    expect(checked.filter((e) => e.actorUsername === 'jh05.admin')).toHaveLength(5);
  });

  it('answers 429 with Retry-After to an address past its failures, not to another address; a success gives the attempt back', async () => {
    for (let i = 0; i < 10; i++) await attempt(env, `jh1${i % 8}.admin`, 'wrong', '10.9.9.9');
    const refused = await attempt(env, 'jh20.admin', DEMO_PASSWORD, '10.9.9.9');
    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(env, 'jh20.admin', DEMO_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
    // A lab of students behind one address: successes never use up its allowance.
    for (let i = 0; i < 12; i++) expect((await attempt(env, 'jh21.admin', DEMO_PASSWORD, '10.8.8.8')).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) await attempt(env, 'jh22.admin', 'wrong', '10.8.8.8');
    expect((await attempt(env, 'jh21.admin', DEMO_PASSWORD, '10.8.8.8')).statusCode).toBe(200);
  });

  it('counts wrong current passwords on change-password: a sixth try, even right, is refused while slowed', async () => {
    const cookie = await signIn(env().app, 'jh23.admin');
    const change = (currentPassword: string) => call(env().app, cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword, newPassword: 'Another-long-pass-7' } });
    for (let i = 0; i < 5; i++) expectError(await change(`wrong-${i}`), 400, 'AUTH_WRONG_CURRENT_PASSWORD');
    expectError(await change(DEMO_PASSWORD), 400, 'AUTH_WRONG_CURRENT_PASSWORD');
    const [u] = await env().database.db.select().from(users).where(eq(users.username, 'jh23.admin'));
    expect(u!.failedLogins).toBe(5);
  });
}, { deps: { lockout: { maxFailures: 5, baseDelaySeconds: 30, maxDelaySeconds: 60, ipMaxFailures: 10, ipWindowMinutes: 15 } } });
