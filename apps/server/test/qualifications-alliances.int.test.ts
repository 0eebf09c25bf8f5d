/**
 * R4: the yearly qualification list (city bureau; Excel import, every bad row reported,
 * nothing written on error) and what it unlocks; R3: joint enrollments as a general
 * mechanism (members, a campus per category), named problems when one is inconsistent.
 */
import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { auditMark, auditSince, clients, directoryWorkbook, expectError, multipart, orgId, readSheet } from './factories';
import { brochureId } from './publicity';

const HEADERS = ['学校代码', '学校名称', '是否具备资格', '文件依据'];

describeBackends('qualifications (R4) and joint enrollments (R3)', (env) => {
  const as = clients(env);
  const upload = async (username: string, url: string, file: Buffer) => call(env().app, await signIn(env().app, username), { method: 'POST', url, ...multipart(file) });
  const campus = async (code: string) => (await (await as('city.admin')).get(`/api/organizations/${await orgId(env(), code)}`)).json().campuses[0].id as number;

  it('lists the year\'s qualification of every vocational school in scope', async () => {
    const list = (await (await as('city.admin')).get('/api/qualifications?year=2027')).json();
    expect(list.rows).toHaveLength(8);
    expect(list.rows.find((r: { code: string }) => r.code === 'V16')).toMatchObject({ qualified: false, note: '未列入本年度省级公布名单', runBy: 'city', ownership: 'private' });
    expect((await (await as('city.admin')).get('/api/qualifications?year=2028')).json().rows.every((r: { qualified: unknown }) => r.qualified === null)).toBe(true);
    expect((await (await as('v01.admin')).get('/api/qualifications?year=2027')).json().rows.map((r: { code: string }) => r.code)).toEqual(['V01']);
    const sheet = await readSheet((await (await as('city.admin')).get('/api/qualifications/export.xlsx?year=2027')).rawPayload);
    expect(sheet.headers).toEqual(HEADERS);
    expect(sheet.rows.find((r) => r.学校代码 === 'V16')).toMatchObject({ 是否具备资格: '否' });
  });

  it('imports the list: every bad row reported, nothing written; then the good file unlocks V16 (R4)', async () => {
    const mark = await auditMark(env());
    const bad = expectError(await upload('city.admin', '/api/qualifications/import?year=2027', await directoryWorkbook([
      { 学校代码: 'V16', 学校名称: '示例市博远职业技术学校', 是否具备资格: '是', 文件依据: '补充名单' },
      { 学校代码: 'V99', 是否具备资格: '是' },
      { 学校代码: 'V15', 学校名称: '别的学校', 是否具备资格: '也许' },
      { 学校代码: 'V16', 是否具备资格: '否' },
    ], HEADERS)), 422, 'IMPORT_INVALID');
    expect(bad.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual(['3 学校代码', '4 学校名称', '4 是否具备资格', '5 学校代码']);
    expect((await auditSince(env(), mark)).filter((e) => e.action.startsWith('qualification'))).toEqual([]);
    expectError(await upload('district.admin', '/api/qualifications/import?year=2027', await directoryWorkbook([], HEADERS)), 403, 'FORBIDDEN');

    const v16 = await brochureId(env(), 'V16');
    expectError(await (await as('v16.admin')).post(`/api/brochures/${v16}/submit`, { confirmFacts: true }), 409, 'SCHOOL_NOT_QUALIFIED');
    const good = await directoryWorkbook([{ 学校代码: 'V16', 学校名称: '示例市博远职业技术学校', 是否具备资格: '是', 文件依据: '省教育厅补充名单' }, { 学校代码: 'V11', 是否具备资格: '是', 文件依据: '省教育厅公布名单' }], HEADERS);
    expect((await upload('city.admin', '/api/qualifications/import?year=2027&dryRun=true', good)).json()).toMatchObject({ dryRun: true, updated: 1, unchanged: 1 });
    expect((await upload('city.admin', '/api/qualifications/import?year=2027', good)).json()).toMatchObject({ updated: 1, unchanged: 1, errors: [] });
    expect((await auditSince(env(), mark, 'qualification.set')).map((e) => e.changes)).toEqual([expect.objectContaining({ year: 2027, qualified: { from: false, to: true }, source: 'import' })]);
    expect((await (await as('v16.admin')).post(`/api/brochures/${v16}/submit`, { confirmFacts: true })).json().status).toBe('submitted');
  });

  it('shows the joint enrollment to the district, with a campus per category', async () => {
    const items = (await (await as('jh01.admin')).get('/api/alliances')).json().items;
    expect(items).toEqual([expect.objectContaining({
      name: '区属职校联合招生', countsTowardNDistrict: true,
      members: [{ organizationId: await orgId(env(), 'V01'), name: '市第一职业技术学校' }, { organizationId: await orgId(env(), 'V02'), name: '市职业高级中学校' }],
      rules: [{ category: 'art', campusId: await campus('V01'), campusName: '第一职校本部校区', schoolName: '市第一职业技术学校' }, { category: 'general', campusId: await campus('V02'), campusName: '市职高校区', schoolName: '市职业高级中学校' }],
    })]);
    expect((await (await as('north.admin')).get('/api/alliances')).json().items).toEqual([]);
  });

  it('names the problems of an inconsistent joint enrollment and refuses a school already in one (R3)', async () => {
    // V13 and V14 are city-run: the city puts them in a joint enrollment, never the district they stand in (issue 14 §1).
    const district = await as('city.admin');
    const d01 = await orgId(env(), 'D01');
    const base = { name: '测试联合招生', districtId: d01, memberIds: [await orgId(env(), 'V13'), await orgId(env(), 'V14')], rules: [{ category: 'art', campusId: await campus('V13') }] };
    expectError(await (await as('district.admin')).post('/api/alliances', { ...base, rules: [...base.rules, { category: 'general', campusId: await campus('V14') }] }), 403, 'FORBIDDEN');
    const invalid = expectError(await district.post('/api/alliances', base), 400, 'ALLIANCE_INVALID');
    expect(invalid.problems.map((p: { en: string }) => p.en)).toEqual(['exactly one campus must be set for general majors']);
    expectError(await district.post('/api/alliances', { ...base, memberIds: [await orgId(env(), 'V01'), await orgId(env(), 'V13')], rules: [...base.rules, { category: 'general', campusId: await campus('V01') }] }), 409, 'ALLIANCE_MEMBER_TAKEN');
    expectError(await (await as('north.admin')).post('/api/alliances', base), 403, 'FORBIDDEN');
    const mark = await auditMark(env());
    const created = (await district.post('/api/alliances', { ...base, rules: [...base.rules, { category: 'general', campusId: await campus('V14') }] })).json();
    expect(created).toMatchObject({ name: '测试联合招生', countsTowardNDistrict: true });
    const patched = (await district.patch(`/api/alliances/${created.id}`, { name: '商贸机电联合招生' })).json();
    expect(patched).toMatchObject({ name: '商贸机电联合招生', countsTowardNDistrict: true, members: created.members });
    expect((await auditSince(env(), mark)).map((e) => e.action).filter((a) => a.startsWith('alliance'))).toEqual(['alliance.create', 'alliance.update']);
    const foreignCampus = expectError(await district.patch(`/api/alliances/${created.id}`, { rules: [{ category: 'art', campusId: await campus('V11') }, { category: 'general', campusId: await campus('V14') }] }), 400, 'ALLIANCE_INVALID');
    expect(foreignCampus.problems.map((p: { en: string }) => p.en)).toEqual(['a campus of the rules does not belong to a member school']);
  });
});
