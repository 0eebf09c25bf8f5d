/** Sign-in, lockout, sessions (idle/absolute timeouts, logout, shared between servers), forced change, CSRF. */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { makeDeps } from '../src/deps';
import { loadConfig } from '../src/config';
import { sessions, users } from '../src/db/schema';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { call, describeBackends, signIn } from './harness';
import { auditMark, expectError, oneAudit, orgId, userId } from './factories';

const login = (app: any, username: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describeBackends('auth and sessions', (env) => {
  it('signs in, sets an HttpOnly SameSite=Lax cookie, answers Me and audits the login', async () => {
    const mark = await auditMark(env());
    const res = await login(env().app, 'district.admin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const d01 = await orgId(env(), 'D01');
    const me = res.json();
    expect(me).toMatchObject({
      user: { username: 'district.admin', mustChangePassword: false },
      role: 'district_admin',
      organization: { id: d01, code: 'D01', name: '示例区教育局', kind: 'district_bureau', districtId: d01 },
      demo: true,
    });
    expect(me.permissions).toEqual(expect.arrayContaining(['org.write', 'campaign.write', 'clock.write']));
    expect(me.permissions).not.toContain('qualification.write');
    const cookie = res.cookies.find((c: { name: string }) => c.name === 'zz_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/);
    const ev = await oneAudit(env(), mark, 'auth.login');
    expect(ev).toMatchObject({ actorUsername: 'district.admin', objectType: 'user', objectId: String(me.user.id), organizationId: d01 });

    const again = await call(env().app, `zz_session=${cookie.value}`, { method: 'GET', url: '/api/auth/me' });
    expect(again.json().user.username).toBe('district.admin');
  });

  it('refuses a wrong password and an unknown user alike (401), in zh-CN or en-US', async () => {
    const mark = await auditMark(env());
    const wrong = await login(env().app, 'jh02.admin', 'not-the-password');
    expectError(wrong, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    const ev = await oneAudit(env(), mark, 'auth.login_failed');
    expect(ev).toMatchObject({ actorUsername: 'jh02.admin', changes: { failedLogins: 1, lockedUntil: null } });

    const unknown = await login(env().app, 'nobody.here', 'not-the-password', { 'accept-language': 'en-US' });
    expectError(unknown, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe('Wrong username or password');
    expect(Object.keys(unknown.json().error).sort()).toEqual(Object.keys(wrong.json().error).sort());
    expect(unknown.cookies).toHaveLength(0);

    // A success resets the counter.
    await signIn(env().app, 'jh02.admin');
    const [row] = await env().database.db.select().from(users).where(eq(users.username, 'jh02.admin'));
    expect(row!.failedLogins).toBe(0);
  });

  it('slows an account after 5 failures instead of locking it: the same answer as a wrong password, audited, cleared by an admin', async () => {
    const mark = await auditMark(env());
    for (let i = 1; i <= 5; i++) expectError(await login(env().app, 'jh03.admin', `wrong-${i}`), 401, 'AUTH_INVALID_CREDENTIALS');
    // Slowed: even the right password answers like a wrong one until the wait is over.
    const slowed = await login(env().app, 'jh03.admin', DEMO_PASSWORD, { 'accept-language': 'en-US' });
    expectError(slowed, 401, 'AUTH_INVALID_CREDENTIALS');
    expect(slowed.json().error.message).toBe('Wrong username or password');
    const ev = await oneAudit(env(), mark, 'auth.slowed');
    expect(ev).toMatchObject({ actorUsername: 'jh03.admin', objectId: String(await userId(env(), 'jh03.admin')) });
    expect((ev.changes as { failedLogins: number }).failedLogins).toBe(5);

    const admin = await signIn(env().app, 'district.admin');
    const id = await userId(env(), 'jh03.admin');
    const listed = (await call(env().app, admin, { method: 'GET', url: `/api/users/${id}` })).json();
    expect(Date.parse(listed.lockedUntil)).toBeGreaterThan(Date.now());
    const unlock = await call(env().app, admin, { method: 'POST', url: `/api/users/${id}/unlock` });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().lockedUntil).toBeNull();
    expect((await login(env().app, 'jh03.admin', DEMO_PASSWORD)).statusCode).toBe(200);
    const [row] = await env().database.db.select().from(users).where(eq(users.username, 'jh03.admin'));
    expect(row!).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('lets the right password in once the short wait is over: nobody elsewhere keeps a user out', async () => {
    for (let i = 1; i <= 5; i++) await login(env().app, 'jh12.admin', `wrong-${i}`);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login(env().app, 'jh12.admin', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("refuses sign-in to accounts of a deactivated organisation, and ends their sessions", async () => {
    const session = await signIn(env().app, 'jh11.admin');
    const admin = await signIn(env().app, 'district.admin');
    const jh11 = await orgId(env(), 'JH11');
    expect((await call(env().app, admin, { method: 'POST', url: `/api/organizations/${jh11}/deactivate` })).statusCode).toBe(200);
    expectError(await call(env().app, session, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_REQUIRED');
    const refused = await login(env().app, 'jh11.admin', DEMO_PASSWORD);
    expectError(refused, 403, 'AUTH_ACCOUNT_DISABLED');
    expect(refused.cookies).toHaveLength(0);
    expect((await call(env().app, admin, { method: 'POST', url: `/api/organizations/${jh11}/activate` })).statusCode).toBe(200);
    expect((await login(env().app, 'jh11.admin', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('logout ends the session on the server: the old cookie is refused afterwards', async () => {
    const cookie = await signIn(env().app, 'jh04.admin');
    expect((await call(env().app, cookie, { method: 'GET', url: '/api/dashboard' })).statusCode).toBe(200);
    const mark = await auditMark(env());
    const out = await call(env().app, cookie, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'zz_session')?.value).toBe('');
    await oneAudit(env(), mark, 'auth.logout');
    const id = await userId(env(), 'jh04.admin');
    expect(await env().database.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    expectError(await call(env().app, cookie, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_REQUIRED');
    expectError(await call(env().app, cookie, { method: 'GET', url: '/api/dashboard' }), 401, 'AUTH_REQUIRED');
  });

  it('forces the change of an initial password before anything else', async () => {
    const admin = await signIn(env().app, 'district.admin');
    const created = await call(env().app, admin, {
      method: 'POST', url: '/api/users',
      payload: { username: 'jh05.clerk', displayName: '第五中学教务', role: 'junior_high_admin', organizationId: await orgId(env(), 'JH05'), initialPassword: 'Initial-Pass-2027' },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().mustChangePassword).toBe(true);

    const cookie = await signIn(env().app, 'jh05.clerk', 'Initial-Pass-2027');
    expectError(await call(env().app, cookie, { method: 'GET', url: '/api/dashboard' }), 403, 'AUTH_PASSWORD_CHANGE_REQUIRED');
    expectError(await call(env().app, cookie, { method: 'GET', url: '/api/organizations' }), 403, 'AUTH_PASSWORD_CHANGE_REQUIRED');
    const me = await call(env().app, cookie, { method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);

    const change = (currentPassword: string, newPassword: string) =>
      call(env().app, cookie, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword, newPassword } });
    expectError(await change('wrong-current-pw', 'Brand-New-Secret-9'), 400, 'AUTH_WRONG_CURRENT_PASSWORD');
    expect(expectError(await change('Initial-Pass-2027', 'short'), 400, 'PASSWORD_POLICY').problems).toEqual(['too_short']);
    expect(expectError(await change('Initial-Pass-2027', 'password123'), 400, 'PASSWORD_POLICY').problems).toEqual(['common']);
    expect(expectError(await change('Initial-Pass-2027', 'my-jh05.clerk-pw'), 400, 'PASSWORD_POLICY').problems).toEqual(['contains_username']);
    expect(expectError(await change('Initial-Pass-2027', 'Initial-Pass-2027'), 400, 'PASSWORD_POLICY').problems).toEqual(['same_as_current']);

    const mark = await auditMark(env());
    expect((await change('Initial-Pass-2027', 'Brand-New-Secret-9')).statusCode).toBe(200);
    const ev = await oneAudit(env(), mark, 'user.password_change');
    expect(ev.changes).toEqual({ mustChangePassword: { from: true, to: false } });
    expect((await call(env().app, cookie, { method: 'GET', url: '/api/dashboard' })).statusCode).toBe(200);
    expectError(await login(env().app, 'jh05.clerk', 'Initial-Pass-2027'), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await login(env().app, 'jh05.clerk', 'Brand-New-Secret-9')).statusCode).toBe(200);
  });

  it('expires a session idle for more than 30 minutes', async () => {
    const cookie = await signIn(env().app, 'jh06.admin');
    const id = await userId(env(), 'jh06.admin');
    expect((await call(env().app, cookie, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    await env().database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).where(eq(sessions.userId, id));
    const res = await call(env().app, cookie, { method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en-US' } });
    expectError(res, 401, 'AUTH_SESSION_EXPIRED');
    expect(res.json().error.message).toBe('Your session has expired; please sign in again');
    expect(await env().database.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    // A session seen 29 minutes ago is still alive.
    const fresh = await signIn(env().app, 'jh06.admin');
    await env().database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) }).where(eq(sessions.userId, id));
    expect((await call(env().app, fresh, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('expires a session 12 hours after sign-in however active it was', async () => {
    const cookie = await signIn(env().app, 'jh07.admin');
    const id = await userId(env(), 'jh07.admin');
    await env().database.db.update(sessions).set({ createdAt: new Date(Date.now() - 12 * 3_600_000), lastSeenAt: new Date() }).where(eq(sessions.userId, id));
    expectError(await call(env().app, cookie, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_SESSION_EXPIRED');
    // The session is gone: the same cookie now reads as signed out.
    expectError(await call(env().app, cookie, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_REQUIRED');
  });

  it('refuses cross-site writes (Origin and Sec-Fetch-Site) and lets same-origin ones through', async () => {
    const cookie = await signIn(env().app, 'district.admin');
    const before = await auditMark(env());
    const id = await orgId(env(), 'JH08');
    const patch = (headers: Record<string, string>) =>
      call(env().app, cookie, { method: 'PATCH', url: `/api/organizations/${id}`, headers, payload: { contactName: `李老师${Object.keys(headers).length}` } });

    const evil = await patch({ origin: 'http://evil.example', 'accept-language': 'en-US' });
    expectError(evil, 403, 'CSRF_REJECTED');
    expect(evil.json().error.message).toMatch(/cross-site/);
    expectError(await patch({ 'sec-fetch-site': 'cross-site' }), 403, 'CSRF_REJECTED');
    expectError(await patch({ 'sec-fetch-site': 'same-site' }), 403, 'CSRF_REJECTED');
    expectError(await login(env().app, 'district.admin', DEMO_PASSWORD, { origin: 'http://evil.example' }), 403, 'CSRF_REJECTED');
    expect(await auditMark(env())).toBe(before); // nothing written, not even a login

    // Same origin (inject's Host is localhost:80, so the origin carries the port explicitly).
    expect((await patch({ host: 'localhost:3000', origin: 'http://localhost:3000' })).statusCode).toBe(200);
    expect((await patch({ 'sec-fetch-site': 'same-origin', host: 'zhizhao.example', origin: 'http://zhizhao.example' })).statusCode).toBe(200);
    // Reading is always allowed.
    expect((await call(env().app, cookie, { method: 'GET', url: '/api/auth/me', headers: { origin: 'http://evil.example' } })).statusCode).toBe(200);
  });

  it('shares sessions between two servers on the same database (behind a load balancer)', async () => {
    const config = { ...loadConfig({ TZ: 'UTC' } as NodeJS.ProcessEnv), logLevel: 'silent' as const };
    const second = await buildApp(makeDeps(env().database, config, true), { logger: false, serveWeb: false });
    await second.ready();
    try {
      const cookie = await signIn(env().app, 'jh09.admin');
      const me = await call(second, cookie, { method: 'GET', url: '/api/auth/me' });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.username).toBe('jh09.admin');
      // Logging out on the second server ends the session on the first one too.
      expect((await call(second, cookie, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200);
      expectError(await call(env().app, cookie, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_REQUIRED');
    } finally {
      await second.close();
    }
  });
});
