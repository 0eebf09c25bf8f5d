/** Accounts: scoping, who may create which account, edits that end sessions, resets, read-only auditors. */
import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { auditMark, expectError, oneAudit, orgId, userId } from './factories';

const PW = 'Start-Here-2027!';

describeBackends('users', (env) => {
  const as = async (username: string) => {
    const cookie = await signIn(env().app, username);
    return {
      get: (url: string) => call(env().app, cookie, { method: 'GET', url }),
      post: (url: string, payload?: object) => call(env().app, cookie, { method: 'POST', url, payload }),
      patch: (url: string, payload: object) => call(env().app, cookie, { method: 'PATCH', url, payload }),
    };
  };
  const names = (res: { json: () => { items: Array<{ username: string }> } }) => res.json().items.map((u) => u.username);
  const newUser = async (role: string, orgCode: string, username: string, initialPassword = PW) =>
    ({ username, displayName: `${orgCode} 账号`, role, organizationId: await orgId(env(), orgCode), initialPassword });

  it('lists the accounts of the actor\'s scope only', async () => {
    const city = await (await as('city.admin')).get('/api/users?pageSize=200');
    expect(city.json().total).toBe(39);
    const district = names(await (await as('district.admin')).get('/api/users?pageSize=200'));
    expect(district).toHaveLength(2 + 24 + 8);
    expect(district).toEqual(expect.arrayContaining(['district.admin', 'district.staff', 'jh24.admin', 'v16.admin']));
    for (const other of ['city.admin', 'city.auditor', 'north.admin', 'jn01.admin']) expect(district).not.toContain(other);
    expect(names(await (await as('jh01.admin')).get('/api/users'))).toEqual(['jh01.admin']);
    expect(names(await (await as('north.admin')).get('/api/users?role=junior_high_admin'))).toEqual(['jn01.admin', 'jn02.admin']);
    const north = await userId(env(), 'north.admin');
    expectError(await (await as('district.admin')).get(`/api/users/${north}`), 403, 'FORBIDDEN');
    expect((await (await as('city.auditor')).get(`/api/users/${north}`)).json()).toMatchObject({ username: 'north.admin', role: 'district_admin', organizationName: '示例北区教育局' });
  });

  it('lets a district admin create accounts in its district only, for roles that fit, audited without the password', async () => {
    const admin = await as('district.admin');
    const mark = await auditMark(env());
    const ok = await admin.post('/api/users', await newUser('junior_high_admin', 'JH01', 'jh01.teacher'));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'jh01.teacher', role: 'junior_high_admin', organizationName: expect.stringContaining('中学'), active: true, mustChangePassword: true, lastLoginAt: null });
    const ev = await oneAudit(env(), mark, 'user.create');
    expect(ev).toMatchObject({ actorUsername: 'district.admin', objectId: String(ok.json().id), organizationId: await orgId(env(), 'JH01') });
    expect(ev.changes).toEqual({ username: 'jh01.teacher', displayName: 'JH01 账号', role: 'junior_high_admin', organizationId: await orgId(env(), 'JH01') });
    expect(JSON.stringify(ev.changes)).not.toContain(PW);

    expect((await admin.post('/api/users', await newUser('district_staff', 'D01', 'd01.clerk'))).statusCode).toBe(200);
    expectError(await admin.post('/api/users', await newUser('junior_high_admin', 'JN01', 'jn01.teacher')), 403, 'FORBIDDEN');
    expectError(await admin.post('/api/users', await newUser('city_admin', 'C01', 'city.second')), 403, 'FORBIDDEN');
    expectError(await admin.post('/api/users', await newUser('vocational_admin', 'JH01', 'jh01.wrong')), 400, 'ROLE_NOT_FOR_ORG');
    expectError(await admin.post('/api/users', await newUser('city_admin', 'D01', 'd01.wrong')), 400, 'ROLE_NOT_FOR_ORG');
    expectError(await admin.post('/api/users', await newUser('junior_high_admin', 'JH02', 'jh01.teacher')), 409, 'USERNAME_TAKEN');
    expectError(await admin.post('/api/users', await newUser('junior_high_admin', 'JH02', 'jh01.admin')), 409, 'USERNAME_TAKEN');
    const weak = expectError(await admin.post('/api/users', await newUser('junior_high_admin', 'JH02', 'jh02.weak', 'jh02.weak1')), 400, 'PASSWORD_POLICY');
    expect(weak.problems).toEqual(['contains_username']);
    expect(expectError(await admin.post('/api/users', await newUser('junior_high_admin', 'JH02', 'jh02.weak', '1234567890')), 400, 'PASSWORD_POLICY').problems).toEqual(['common']);
    expectError(await admin.post('/api/users', { ...(await newUser('junior_high_admin', 'JH02', 'JH02.Upper')) }), 400, 'VALIDATION_FAILED');

    // A school admin manages its own school's accounts only.
    const school = await as('v01.admin');
    expect((await school.post('/api/users', await newUser('vocational_admin', 'V01', 'v01.second'))).statusCode).toBe(200);
    expectError(await school.post('/api/users', await newUser('vocational_admin', 'V02', 'v02.second')), 403, 'FORBIDDEN');
    const total = (await (await as('city.admin')).get('/api/users?pageSize=1')).json().total;
    expect(total).toBe(39 + 3);
  });

  it('edits an account with a from/to diff; deactivating it ends its sessions', async () => {
    const admin = await as('district.admin');
    const id = await userId(env(), 'jh02.admin');
    const victim = await signIn(env().app, 'jh02.admin');
    let mark = await auditMark(env());
    const renamed = await admin.patch(`/api/users/${id}`, { displayName: '第二中学招生办' });
    expect(renamed.json().displayName).toBe('第二中学招生办');
    expect((await oneAudit(env(), mark, 'user.update')).changes).toEqual({ displayName: { from: expect.any(String), to: '第二中学招生办' } });
    expect((await call(env().app, victim, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

    mark = await auditMark(env());
    expect((await admin.patch(`/api/users/${id}`, { active: false })).json().active).toBe(false);
    expect((await oneAudit(env(), mark, 'user.update')).changes).toEqual({ active: { from: true, to: false } });
    expectError(await call(env().app, victim, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_REQUIRED');
    const refused = await env().app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jh02.admin', password: 'zhizhao-demo' } });
    expectError(refused, 403, 'AUTH_ACCOUNT_DISABLED');
    expect((await admin.patch(`/api/users/${id}`, { active: true })).json().active).toBe(true);
    await signIn(env().app, 'jh02.admin');

    // A role change also ends the sessions.
    const staffId = await userId(env(), 'd01.clerk');
    const clerk = await signIn(env().app, 'd01.clerk', PW);
    mark = await auditMark(env());
    const changed = await admin.patch(`/api/users/${staffId}`, { role: 'auditor' });
    expect(changed.json().role).toBe('auditor');
    expect((await oneAudit(env(), mark, 'user.update')).changes).toEqual({ role: { from: 'district_staff', to: 'auditor' } });
    expectError(await call(env().app, clerk, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_REQUIRED');
    expectError(await admin.patch(`/api/users/${staffId}`, { role: 'junior_high_admin' }), 400, 'ROLE_NOT_FOR_ORG');
    expectError(await admin.patch(`/api/users/${staffId}`, { role: 'city_admin' }), 400, 'ROLE_NOT_FOR_ORG');
    expectError(await (await as('north.admin')).patch(`/api/users/${id}`, { displayName: '越权' }), 403, 'FORBIDDEN');
    expectError(await admin.patch(`/api/users/${await userId(env(), 'city.auditor')}`, { displayName: '越权' }), 403, 'FORBIDDEN');
  });

  it('refuses to deactivate oneself or change one\'s own role (409), but allows renaming oneself', async () => {
    const admin = await as('district.admin');
    const self = await userId(env(), 'district.admin');
    expectError(await admin.patch(`/api/users/${self}`, { active: false }), 409, 'USER_CANNOT_CHANGE_SELF');
    expectError(await admin.patch(`/api/users/${self}`, { role: 'district_staff' }), 409, 'USER_CANNOT_CHANGE_SELF');
    expect((await admin.patch(`/api/users/${self}`, { displayName: '示例区教育局管理员（新）' })).statusCode).toBe(200);
    expect((await admin.get('/api/auth/me')).json().user.displayName).toBe('示例区教育局管理员（新）');
  });

  it('resets a password: sessions end and the user must change it at the next sign-in', async () => {
    const admin = await as('district.admin');
    const id = await userId(env(), 'jh03.admin');
    const victim = await signIn(env().app, 'jh03.admin');
    expect(expectError(await admin.post(`/api/users/${id}/reset-password`, { initialPassword: 'short' }), 400, 'PASSWORD_POLICY').problems).toEqual(['too_short']);
    const mark = await auditMark(env());
    expect((await admin.post(`/api/users/${id}/reset-password`, { initialPassword: 'Reset-Secret-2027' })).json()).toEqual({ ok: true });
    const ev = await oneAudit(env(), mark, 'user.password_reset');
    expect(ev).toMatchObject({ objectId: String(id), changes: { mustChangePassword: true } });
    expect(JSON.stringify(ev.changes)).not.toContain('Reset-Secret-2027');
    expectError(await call(env().app, victim, { method: 'GET', url: '/api/auth/me' }), 401, 'AUTH_REQUIRED');
    const fresh = await signIn(env().app, 'jh03.admin', 'Reset-Secret-2027');
    expect((await call(env().app, fresh, { method: 'GET', url: '/api/auth/me' })).json().user.mustChangePassword).toBe(true);
    expectError(await call(env().app, fresh, { method: 'GET', url: '/api/dashboard' }), 403, 'AUTH_PASSWORD_CHANGE_REQUIRED');
    expectError(await (await as('north.admin')).post(`/api/users/${id}/reset-password`, { initialPassword: 'Reset-Secret-2028' }), 403, 'FORBIDDEN');
  });

  it('keeps the auditor read-only (403 on every account write)', async () => {
    const auditor = await as('city.auditor');
    const id = await userId(env(), 'jh04.admin');
    expect((await auditor.get('/api/users?pageSize=1')).statusCode).toBe(200);
    expectError(await auditor.post('/api/users', await newUser('junior_high_admin', 'JH04', 'jh04.audit')), 403, 'FORBIDDEN');
    expectError(await auditor.patch(`/api/users/${id}`, { active: false }), 403, 'FORBIDDEN');
    expectError(await auditor.post(`/api/users/${id}/reset-password`, { initialPassword: 'Audit-Secret-2027' }), 403, 'FORBIDDEN');
    expectError(await auditor.post(`/api/users/${id}/unlock`), 403, 'FORBIDDEN');
    const staff = await as('district.staff');
    expectError(await staff.patch(`/api/users/${id}`, { displayName: '工作人员改名' }), 403, 'FORBIDDEN');
    expect((await (await as('city.admin')).get(`/api/users/${id}`)).json()).toMatchObject({ active: true, displayName: expect.not.stringContaining('改名') });
  });
});
