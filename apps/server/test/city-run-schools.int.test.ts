/**
 * A city-run school stands in a district but belongs to the city (issue 14 §1): the district
 * bureau reads it, never takes it over — no password reset, no new account, no deactivation, no
 * edit of its record or campuses, no place in an alliance, no change through the directory
 * import — while the city does all of these and the district keeps running its own schools.
 * Every refusal comes from one rule (policy.managesOrg).
 */
import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { clients, directoryWorkbook, expectError, multipart, orgId, userId } from './factories';

describeBackends('a district never takes over a city-run school standing in it (V11 in D01)', (env) => {
  const as = clients(env);

  it('refuses every change of the school, its campuses and its accounts to the district, and lets the city and the district-run schools through', async () => {
    const district = await as('district.admin');
    const city = await as('city.admin');
    const v11 = await orgId(env(), 'V11');
    const v01 = await orgId(env(), 'V01');
    const v11Admin = await userId(env(), 'v11.admin');
    const v01Admin = await userId(env(), 'v01.admin');
    const password = { initialPassword: 'Another-long-pass-9' };

    // The district still reads it, and is told which ones it runs.
    expect((await district.get(`/api/organizations/${v11}`)).statusCode).toBe(200);
    const listed = (await district.get('/api/organizations?kind=vocational_school&pageSize=200')).json().items;
    expect(listed.find((o: { id: number }) => o.id === v11).manageable).toBe(false);
    expect(listed.find((o: { id: number }) => o.id === v01).manageable).toBe(true);
    const accounts = (await district.get('/api/users?pageSize=200')).json().items;
    expect(accounts.find((u: { id: number }) => u.id === v11Admin)?.manageable ?? false).toBe(false);
    expect(accounts.find((u: { id: number }) => u.id === v01Admin).manageable).toBe(true);

    // Its accounts.
    expectError(await district.post(`/api/users/${v11Admin}/reset-password`, password), 403, 'FORBIDDEN');
    expectError(await district.patch(`/api/users/${v11Admin}`, { active: false }), 403, 'FORBIDDEN');
    expectError(await district.post(`/api/users/${v11Admin}/unlock`), 403, 'FORBIDDEN');
    expectError(await district.post('/api/users', { username: 'v11.mole', displayName: '内鬼', role: 'vocational_admin', organizationId: v11, ...password }), 403, 'FORBIDDEN');
    // Its record, its activation, its campuses.
    expectError(await district.patch(`/api/organizations/${v11}`, { name: '被区改名的市属学校' }), 403, 'FORBIDDEN');
    expectError(await district.post(`/api/organizations/${v11}/deactivate`), 403, 'FORBIDDEN');
    expectError(await district.post(`/api/organizations/${v11}/campuses`, { name: '区设校区', address: '某路 1 号' }), 403, 'FORBIDDEN');
    const campusId = (await district.get(`/api/organizations/${v11}`)).json().campuses[0].id;
    expectError(await district.patch(`/api/organizations/${v11}/campuses/${campusId}`, { name: '改名校区' }), 403, 'FORBIDDEN');
    // An alliance.
    const d01 = await orgId(env(), 'D01');
    const v01Campus = (await district.get(`/api/organizations/${v01}`)).json().campuses[0].id;
    expectError(await district.post('/api/alliances', { name: '区市联合招生', districtId: d01, memberIds: [v01, v11], rules: [{ category: 'general', campusId: v01Campus }] }), 403, 'FORBIDDEN');
    // The directory import: the row of a city-run school is refused, row and column named.
    const wb = await directoryWorkbook([{ 机构代码: 'V11', 机构名称: '被区改名的市属学校', 类型: '中职学校', 所在区代码: 'D01', 举办者: '市属', 办学性质: '公办' }]);
    const imported = await call(env().app, await signIn(env().app, 'district.admin'), { method: 'POST', url: '/api/organizations/import?dryRun=true', ...multipart(wb) });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().errors).toEqual([expect.objectContaining({ row: 2, column: '机构代码' })]);

    // Nothing changed.
    const after = (await city.get(`/api/organizations/${v11}`)).json();
    expect(after).toMatchObject({ active: true });
    expect(after.name).not.toBe('被区改名的市属学校');

    // The city runs it; the district runs its own schools.
    expect((await city.post(`/api/users/${v11Admin}/reset-password`, password)).statusCode).toBe(200);
    expect((await city.patch(`/api/organizations/${v11}`, { contactName: '市里联系人' })).statusCode).toBe(200);
    expect((await district.post(`/api/users/${v01Admin}/unlock`)).statusCode).toBe(200);
    expect((await district.patch(`/api/organizations/${v01}`, { contactName: '区里联系人' })).statusCode).toBe(200);
  });
});

describeBackends('a school keeps its contacts; its name and ownership are the supervising bureau\'s (issue 14 §6)', (env) => {
  const as = clients(env);
  it('refuses a school renaming itself or switching public/private, and lets it change its contacts', async () => {
    const v15 = await orgId(env(), 'V15');
    const school = await as('v15.admin');
    expectError(await school.patch(`/api/organizations/${v15}`, { name: '改名后的民办学校' }), 403, 'ORG_MASTER_DATA_BY_BUREAU');
    expectError(await school.patch(`/api/organizations/${v15}`, { ownership: 'public' }), 403, 'ORG_MASTER_DATA_BY_BUREAU');
    const jh = await as('jh01.admin');
    expectError(await jh.patch(`/api/organizations/${await orgId(env(), 'JH01')}`, { name: '改名初中' }), 403, 'ORG_MASTER_DATA_BY_BUREAU');
    expect((await school.patch(`/api/organizations/${v15}`, { contactName: '招生办王老师', contactPhone: '0755-12345678' })).statusCode).toBe(200);
    // The city runs V15 and renames it.
    const renamed = await (await as('city.admin')).patch(`/api/organizations/${v15}`, { name: '市第五民办职业学校' });
    expect(renamed.json()).toMatchObject({ name: '市第五民办职业学校' });
  });
});
