/**
 * Majors and planned seats (R3, R6): who keeps them, the joint enrollment's campus rule, and
 * the Excel round trips (every bad row reported, nothing written on error).
 */
import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { auditMark, auditSince, clients, directoryWorkbook, expectError, multipart, orgId, readSheet, XLSX } from './factories';
import { demoCampaignId } from './publicity';

const MAJOR_HEADERS = ['学校代码', '学校名称', '专业代码', '专业名称', '类别', '校区', '学制（年）', '实习期', '收费项目及标准', '资助政策', '状态'];
const SEAT_HEADERS = ['学校代码', '学校名称', '专业代码', '专业名称', '校区', '类别', '招生计划数'];
const fees = [{ name: '学费', amount: 0, unit: '元/学年' }];

describeBackends('majors and planned seats', (env) => {
  const as = clients(env);
  const campus = async (code: string) => (await (await as('city.admin')).get(`/api/organizations/${await orgId(env(), code)}`)).json().campuses[0].id as number;
  const upload = async (username: string, url: string, file: Buffer) => call(env().app, await signIn(env().app, username), { method: 'POST', url, ...multipart(file) });

  it('lists the majors of the district\'s schools to everyone of the district', async () => {
    const all = (await (await as('jh01.admin')).get('/api/majors?pageSize=200')).json();
    expect(all.total).toBe(23);
    const art = (await (await as('v02.admin')).get('/api/majors?category=art&pageSize=200')).json().items.map((m: { name: string }) => m.name);
    expect(art).toEqual(['美术设计与制作', '工艺美术', '音乐表演', '美容美体艺术']);
    expect((await (await as('north.admin')).get('/api/majors')).json().total).toBe(0);
    const v02 = (await (await as('city.admin')).get(`/api/majors?organizationId=${await orgId(env(), 'V02')}`)).json().items;
    expect(v02.map((m: { campusName: string }) => m.campusName)).toEqual(['市职高校区', '市职高校区', '市职高校区', '市职高校区']);
  });

  it('teaches a joint-enrollment school\'s majors on the campus its alliance assigns (R3)', async () => {
    const school = await as('v01.admin');
    const body = { organizationId: await orgId(env(), 'V01'), code: 'T01', name: '动漫与游戏设计', category: 'general', lengthYears: 3, internship: '6个月', fees };
    const wrong = expectError(await school.post('/api/majors', { ...body, campusId: await campus('V01') }), 400, 'MAJOR_CAMPUS_INVALID');
    expect(wrong).toMatchObject({ rule: 'R3', expectedCampusId: await campus('V02') });
    const mark = await auditMark(env());
    const created = (await school.post('/api/majors', { ...body, campusId: await campus('V02') })).json();
    expect(created).toMatchObject({ schoolName: '市第一职业技术学校', campusName: '市职高校区', aidPolicy: '' });
    expect((await auditSince(env(), mark, 'major.create')).length).toBe(1);
    expectError(await school.post('/api/majors', { ...body, campusId: await campus('V02') }), 409, 'MAJOR_CODE_TAKEN');
    // Changing the category moves it back under the rule; a PATCH without aidPolicy keeps it.
    expectError(await school.patch(`/api/majors/${created.id}`, { category: 'art' }), 400, 'MAJOR_CAMPUS_INVALID');
    await school.patch(`/api/majors/${created.id}`, { aidPolicy: '国家助学金' });
    expect((await school.patch(`/api/majors/${created.id}`, { name: '动漫设计' })).json()).toMatchObject({ name: '动漫设计', aidPolicy: '国家助学金' });
  });

  it('lets a district keep its district-run schools\' majors but not a city-run school\'s', async () => {
    const district = await as('district.admin');
    const body = { organizationId: await orgId(env(), 'V11'), campusId: await campus('V11'), code: 'T02', name: '测试专业', category: 'general', lengthYears: 3, internship: '6个月', fees };
    expectError(await district.post('/api/majors', body), 403, 'FORBIDDEN');
    expectError(await (await as('v12.admin')).post('/api/majors', body), 403, 'FORBIDDEN');
    expect((await (await as('city.admin')).post('/api/majors', body)).statusCode).toBe(200);
    expectError(await (await as('jh01.admin')).post('/api/majors', body), 403, 'FORBIDDEN');
  });

  it('exports majors and re-imports the export unchanged; a bad file reports every bad row and writes nothing', async () => {
    const res = await (await as('city.admin')).get('/api/majors/export.xlsx');
    expect(res.headers['content-type']).toBe(XLSX);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers).toEqual(MAJOR_HEADERS);
    expect(sheet.rows.find((r) => r.专业名称 === '护理')).toMatchObject({ 学校代码: 'V12', 类别: '非艺术类', 校区: '卫生职校南校区', 收费项目及标准: '学费 0 元/学年（免学费）；住宿费 800 元/学年；教材费 600 元/学年（按实结算）' });
    const again = await upload('city.admin', '/api/majors/import', res.rawPayload);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, errors: [] });

    const ok = { 学校代码: 'V13', 专业代码: 'N01', 专业名称: '西餐烹饪', 类别: '非艺术类', 校区: '商贸旅游学校校区', '学制（年）': '3', 实习期: '6个月', 收费项目及标准: '学费 0 元/学年；住宿费 800 元/学年' };
    const file = await directoryWorkbook([
      ok,
      { ...ok, 学校代码: 'V99' },
      { ...ok, 专业代码: 'N02', 类别: '体育类', '学制（年）': '9', 收费项目及标准: '免费' },
      { ...ok, 学校代码: 'V01', 专业代码: 'N03', 校区: '第一职校本部校区' },
      ok,
    ], MAJOR_HEADERS);
    const mark = await auditMark(env());
    const bad = expectError(await upload('city.admin', '/api/majors/import', file), 422, 'IMPORT_INVALID');
    expect(bad.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual(['3 学校代码', '4 类别', '4 学制（年）', '4 收费项目及标准', '5 校区', '6 专业代码']);
    expect((await auditSince(env(), mark)).filter((e) => e.action.startsWith('major'))).toEqual([]);
    const dry = await upload('city.admin', '/api/majors/import?dryRun=true', await directoryWorkbook([ok], MAJOR_HEADERS));
    expect(dry.json()).toMatchObject({ dryRun: true, created: 1, errors: [] });
    expect((await upload('city.admin', '/api/majors/import', await directoryWorkbook([ok], MAJOR_HEADERS))).json()).toMatchObject({ created: 1 });
    // A school imports only its own majors.
    const foreign = expectError(await upload('v12.admin', '/api/majors/import', await directoryWorkbook([{ ...ok, 专业代码: 'N04' }], MAJOR_HEADERS)), 422, 'IMPORT_INVALID');
    expect(foreign.errors).toEqual([expect.objectContaining({ row: 2, column: '学校代码' })]);
  });

  it('reads and sets planned seats; the joint enrollment\'s seats make N_district', async () => {
    const id = await demoCampaignId(env());
    const seats = (await (await as('jh01.admin')).get(`/api/campaigns/${id}/planned-seats`)).json();
    const joint = seats.rows.filter((r: { schoolName: string }) => ['市第一职业技术学校', '市职业高级中学校'].includes(r.schoolName));
    expect(joint.reduce((a: number, r: { seats: number }) => a + r.seats, 0)).toBe(1100);
    const nursing = seats.rows.find((r: { majorName: string }) => r.majorName === '护理');
    expectError(await (await as('district.admin')).put(`/api/campaigns/${id}/planned-seats`, { rows: [{ majorId: nursing.majorId, seats: 1 }] }), 403, 'FORBIDDEN');
    expectError(await (await as('v12.admin')).put(`/api/campaigns/${id}/planned-seats`, { rows: [{ majorId: 999999, seats: 1 }] }), 400, 'PLANNED_SEATS_UNKNOWN_MAJOR');
    const saved = (await (await as('v12.admin')).put(`/api/campaigns/${id}/planned-seats`, { rows: [{ majorId: nursing.majorId, seats: 210 }] })).json();
    expect(saved.total).toBe(seats.total + 10);
    expectError(await (await as('north.admin')).get(`/api/campaigns/${id}/planned-seats`), 403, 'FORBIDDEN');
  });

  it('exports planned seats with a total and imports them, all or nothing', async () => {
    const id = await demoCampaignId(env());
    const sheet = await readSheet((await (await as('district.admin')).get(`/api/campaigns/${id}/planned-seats/export.xlsx`)).rawPayload);
    expect(sheet.headers).toEqual(SEAT_HEADERS);
    expect(sheet.rows.at(-1)).toMatchObject({ 学校名称: '合计' });
    const row = (code: string, major: string, n: string) => ({ 学校代码: code, 专业代码: major, 招生计划数: n });
    const bad = expectError(await upload('district.admin', `/api/campaigns/${id}/planned-seats/import`, await directoryWorkbook([
      row('V01', '750101', '130'), row('V01', 'XXX', '1'), row('V02', '710201', '-5'), row('V11', '700206', '10'),
    ], SEAT_HEADERS)), 422, 'IMPORT_INVALID');
    expect(bad.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual(['3 专业代码', '4 招生计划数', '5 学校代码']);
    const ok = await upload('district.admin', `/api/campaigns/${id}/planned-seats/import`, await directoryWorkbook([row('V01', '750101', '130'), row('V02', '710201', '240')], SEAT_HEADERS));
    expect(ok.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1, errors: [] });
  });
});
