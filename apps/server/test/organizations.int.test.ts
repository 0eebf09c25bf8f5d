/** Organisations: scoping, create/edit/(de)activate, campuses, R4 qualifications, and the Excel directory. */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { organizations } from '../src/db/schema';
import { call, describeBackends, signIn } from './harness';
import { auditMark, auditSince, countOrgs, DIRECTORY_HEADERS, directoryWorkbook, expectError, multipart, oneAudit, orgId, readSheet, XLSX, type Row } from './factories';

const codesOf = (res: { json: () => { items: Array<{ code: string }> } }) => res.json().items.map((o) => o.code);

describeBackends('organisations', (env) => {
  const get = async (username: string, url: string) => call(env().app, await signIn(env().app, username), { method: 'GET', url });
  const send = async (username: string, method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    call(env().app, await signIn(env().app, username), { method, url, payload });
  const upload = async (username: string, file: Buffer, query = '', filename = 'x.xlsx', type = XLSX) =>
    call(env().app, await signIn(env().app, username), { method: 'POST', url: `/api/organizations/import${query}`, ...multipart(file, filename, type) });
  const byCode = async (code: string) => (await env().database.db.select().from(organizations).where(eq(organizations.code, code)))[0];

  it('lists only what the actor may see: the city all 37, a district its own, a school itself', async () => {
    const city = await get('city.admin', '/api/organizations?pageSize=200');
    expect(city.json().total).toBe(37);
    const district = await get('district.admin', '/api/organizations?pageSize=200');
    const codes = codesOf(district);
    expect(codes).toEqual(expect.arrayContaining(['D01', 'JH01', 'JH24', 'V01', 'V02', 'V11', 'V16']));
    expect(codes).toHaveLength(1 + 24 + 8);
    for (const other of ['C01', 'D02', 'JN01', 'JN02']) expect(codes).not.toContain(other);
    expect(codesOf(await get('north.admin', '/api/organizations?pageSize=200')).sort()).toEqual(['D02', 'JN01', 'JN02']);
    expect(codesOf(await get('jh01.admin', '/api/organizations?pageSize=200'))).toEqual(['JH01']);
    expect(codesOf(await get('district.admin', '/api/organizations?kind=vocational_school&pageSize=200'))).toHaveLength(8);
  });

  it("refuses to show another district's or school's organisation (403)", async () => {
    const jn01 = await orgId(env(), 'JN01');
    expectError(await get('district.admin', `/api/organizations/${jn01}`), 403, 'FORBIDDEN');
    expectError(await get('jh01.admin', `/api/organizations/${await orgId(env(), 'JH02')}`), 403, 'FORBIDDEN');
    expect((await get('north.admin', `/api/organizations/${jn01}`)).statusCode).toBe(200);
    const v12 = (await get('district.admin', `/api/organizations/${await orgId(env(), 'V12')}`)).json();
    expect(v12).toMatchObject({ runBy: 'city', ownership: 'public', parentName: '示例市教育局', qualifications: [{ year: 2026, qualified: true }, { year: 2027, qualified: true }] });
    expect(v12.campuses.map((c: { name: string }) => c.name)).toEqual(['卫生职校南校区', '卫生职校北校区']);
    expectError(await get('city.admin', '/api/organizations/999999'), 404, 'NOT_FOUND');
  });

  it('lets a district create in its own district only, and audits the creation', async () => {
    const d01 = await orgId(env(), 'D01');
    const mark = await auditMark(env());
    const ok = await send('district.admin', 'POST', '/api/organizations', { code: 'JH30', name: '示例区第三十中学', kind: 'junior_high', districtId: d01, contactPhone: '0000-3030303' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: 'JH30', kind: 'junior_high', parentId: d01, districtId: d01, runBy: null, active: true });
    const ev = await oneAudit(env(), mark, 'org.create');
    expect(ev).toMatchObject({ actorUsername: 'district.admin', objectType: 'organization', objectId: String(ok.json().id), organizationId: ok.json().id });
    expect((ev.changes as any).created).toMatchObject({ code: 'JH30', name: '示例区第三十中学' });

    const d02 = await orgId(env(), 'D02');
    expectError(await send('district.admin', 'POST', '/api/organizations', { code: 'JN30', name: '北区第三十中学', kind: 'junior_high', districtId: d02 }), 403, 'FORBIDDEN');
    expectError(await send('district.admin', 'POST', '/api/organizations', { code: 'V30', name: '示例市新职校', kind: 'vocational_school', districtId: d01, runBy: 'city', ownership: 'public' }), 403, 'FORBIDDEN');
    expectError(await send('jh01.admin', 'POST', '/api/organizations', { code: 'JH31', name: '示例区第三十一中学', kind: 'junior_high', districtId: d01 }), 403, 'FORBIDDEN');
    expectError(await send('district.admin', 'POST', '/api/organizations', { code: 'JH30', name: '重复代码中学', kind: 'junior_high', districtId: d01 }), 409, 'ORG_CODE_TAKEN');
    const bad = expectError(await send('city.admin', 'POST', '/api/organizations', { code: 'JH32', name: '无区中学', kind: 'junior_high', runBy: 'district' }), 400, 'ORG_INVALID_PARENT');
    expect(bad.problems.map((p: { field: string }) => p.field).sort()).toEqual(['district', 'runBy']);
    expect(bad.problems[0]).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    expectError(await send('city.admin', 'POST', '/api/organizations', { code: 'D09', name: '挂错区', kind: 'district_bureau', parentId: d01 }), 400, 'ORG_INVALID_PARENT');
    expect(await byCode('JN30')).toBeUndefined();
    expect((await auditSince(env(), mark)).filter((e) => e.action.startsWith('org.'))).toHaveLength(1);
  });

  it('edits with a from/to diff, deactivates and activates, and keeps a bureau with active children on', async () => {
    const id = await orgId(env(), 'JH30');
    let mark = await auditMark(env());
    const edit = await send('district.admin', 'PATCH', `/api/organizations/${id}`, { name: '示例区第三十中学（新校区）', contactName: '王老师' });
    expect(edit.json()).toMatchObject({ name: '示例区第三十中学（新校区）', contactName: '王老师' });
    const ev = await oneAudit(env(), mark, 'org.update');
    expect(ev.changes).toEqual({ name: { from: '示例区第三十中学', to: '示例区第三十中学（新校区）' }, contactName: { from: '', to: '王老师' } });
    expectError(await send('district.admin', 'PATCH', `/api/organizations/${id}`, { ownership: 'public' }), 400, 'ORG_INVALID_PARENT');
    expectError(await send('north.admin', 'PATCH', `/api/organizations/${id}`, { contactName: '越权' }), 403, 'FORBIDDEN');

    mark = await auditMark(env());
    expect((await send('district.admin', 'POST', `/api/organizations/${id}/deactivate`)).json().active).toBe(false);
    expect((await oneAudit(env(), mark, 'org.deactivate')).changes).toEqual({ active: { from: true, to: false } });
    expect((await get('district.admin', '/api/organizations?active=false')).json().items.map((o: { code: string }) => o.code)).toEqual(['JH30']);
    expect((await send('district.admin', 'POST', `/api/organizations/${id}/activate`)).json().active).toBe(true);
    expect((await oneAudit(env(), mark, 'org.activate')).changes).toEqual({ active: { from: false, to: true } });

    expectError(await send('city.admin', 'POST', `/api/organizations/${await orgId(env(), 'D02')}/deactivate`), 409, 'ORG_HAS_ACTIVE_CHILDREN');
    expectError(await send('district.admin', 'POST', `/api/organizations/${await orgId(env(), 'D01')}/deactivate`), 403, 'FORBIDDEN');
    expectError(await send('jh01.admin', 'POST', `/api/organizations/${await orgId(env(), 'JH01')}/deactivate`), 403, 'FORBIDDEN');
    expect((await byCode('D02'))!.active).toBe(true);
  });

  it('adds and edits campuses, audited', async () => {
    const v01 = await orgId(env(), 'V01');
    let mark = await auditMark(env());
    const added = await send('district.admin', 'POST', `/api/organizations/${v01}/campuses`, { name: '第一职校艺术校区', address: '示例区艺术路 3 号' });
    expect(added.json()).toMatchObject({ name: '第一职校艺术校区', active: true });
    expect((await oneAudit(env(), mark, 'campus.create')).changes).toEqual({ created: { name: '第一职校艺术校区', address: '示例区艺术路 3 号' } });
    mark = await auditMark(env());
    const edited = await send('district.admin', 'PATCH', `/api/organizations/${v01}/campuses/${added.json().id}`, { address: '示例区艺术路 5 号', active: false });
    expect(edited.json()).toMatchObject({ address: '示例区艺术路 5 号', active: false });
    expect((await oneAudit(env(), mark, 'campus.update')).changes).toEqual({ address: { from: '示例区艺术路 3 号', to: '示例区艺术路 5 号' }, active: { from: true, to: false } });
    expect((await get('district.admin', `/api/organizations/${v01}`)).json().campuses).toHaveLength(2);
    expectError(await send('district.admin', 'POST', `/api/organizations/${await orgId(env(), 'JH01')}/campuses`, { name: '初中校区' }), 404, 'NOT_FOUND');
    expectError(await send('north.admin', 'POST', `/api/organizations/${v01}/campuses`, { name: '越权校区' }), 403, 'FORBIDDEN');
    expectError(await send('district.admin', 'PATCH', `/api/organizations/${await orgId(env(), 'V02')}/campuses/${added.json().id}`, { name: '错校区' }), 404, 'NOT_FOUND');
  });

  it('lets only the city set a yearly qualification (R4), audited with from/to', async () => {
    const v16 = await orgId(env(), 'V16');
    expectError(await send('district.admin', 'PUT', `/api/organizations/${v16}/qualifications/2027`, { qualified: true }), 403, 'FORBIDDEN');
    const mark = await auditMark(env());
    const res = await send('city.admin', 'PUT', `/api/organizations/${v16}/qualifications/2027`, { qualified: true, note: '补充公布' });
    expect(res.json()).toEqual({ year: 2027, qualified: true, note: '补充公布' });
    const ev = await oneAudit(env(), mark, 'qualification.set');
    expect(ev.changes).toEqual({ year: 2027, qualified: { from: false, to: true }, note: '补充公布' });
    expect((await send('city.admin', 'PUT', `/api/organizations/${v16}/qualifications/2028`, { qualified: false })).statusCode).toBe(200);
    expect((await get('city.admin', `/api/organizations/${v16}`)).json().qualifications).toEqual([
      { year: 2026, qualified: false, note: '未列入本年度省级公布名单' }, // the demo's previous campaign
      { year: 2027, qualified: true, note: '补充公布' },
      { year: 2028, qualified: false, note: '' },
    ]);
    expectError(await send('city.admin', 'PUT', `/api/organizations/${await orgId(env(), 'JH01')}/qualifications/2027`, { qualified: true }), 404, 'NOT_FOUND');
  });

  it('serves the Excel template with the directory columns', async () => {
    const res = await get('district.admin', '/api/organizations/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers).toEqual(DIRECTORY_HEADERS);
    expect(sheet.rows[0]).toMatchObject({ 机构代码: 'JH99', 类型: '初中学校', 所在区代码: 'D01' });
    expectError(await get('jh01.admin', '/api/organizations/template.xlsx'), 403, 'FORBIDDEN');
  });

  const badRows: Row[] = [
    { 机构代码: 'JH40', 机构名称: '示例区第四十中学', 类型: '初中学校', 所在区代码: 'D01' },
    { 机构代码: 'J H!', 机构名称: '坏代码中学', 类型: '初中学校', 所在区代码: 'D01' },
    { 机构代码: 'JH40', 机构名称: '重复代码中学', 类型: '初中学校', 所在区代码: 'D01' },
    { 机构代码: 'JH41', 机构名称: '示例区幼儿园', 类型: '幼儿园', 所在区代码: 'D01' },
    { 机构代码: 'JH42', 机构名称: '无此区中学', 类型: '初中学校', 所在区代码: 'D99' },
    { 机构代码: 'JH43', 机构名称: '有举办者的初中', 类型: '初中学校', 所在区代码: 'D01', 举办者: '区属' },
    { 机构代码: 'JH44', 机构名称: '电话失真中学', 类型: '初中学校', 所在区代码: 'D01', 联系电话: 13800138000123456 },
  ];
  const expectedErrors = [[3, '机构代码'], [4, '机构代码'], [5, '类型'], [6, '所在区代码'], [7, '举办者'], [8, '联系电话']];

  it('rejects a file with bad rows: 422 listing every bad row (row, column, reason), nothing written', async () => {
    const before = await countOrgs(env());
    const mark = await auditMark(env());
    const real = await upload('district.admin', await directoryWorkbook(badRows));
    const details = expectError(real, 422, 'IMPORT_INVALID');
    expect(details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual(expectedErrors);
    for (const e of details.errors) expect(e.reason).toEqual(expect.any(String));
    expect(details.errors[1].reason).toMatch(/第 2 行/);
    expect(await countOrgs(env())).toBe(before);
    expect(await byCode('JH40')).toBeUndefined();
    expect(await auditSince(env(), mark, 'org.import')).toHaveLength(0);

    const dry = await upload('district.admin', await directoryWorkbook(badRows), '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 1, updated: 0, unchanged: 0 });
    expect(dry.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual(expectedErrors);
    expect(await countOrgs(env())).toBe(before);
  });

  it('refuses an upload that is not an xlsx workbook (400)', async () => {
    expectError(await upload('district.admin', Buffer.from('机构代码,机构名称\nJH50,某中学\n'), '', 'x.xlsx', 'text/csv'), 400, 'IMPORT_UNREADABLE');
    const json = await send('district.admin', 'POST', '/api/organizations/import', { file: 'nope' });
    expectError(json, 400, 'IMPORT_UNREADABLE');
    const missing = await upload('district.admin', await directoryWorkbook([{ 机构代码: 'JH50' }], ['机构代码', '地址']));
    expect(expectError(missing, 422, 'IMPORT_INVALID').errors.map((e: { column: string }) => e.column)).toEqual(['机构名称', '类型']);
  });

  const goodRows: Row[] = [
    { 机构代码: 'D03', 机构名称: '示例南区教育局', 类型: '区教育局', 上级机构代码: 'C01', 地址: '示例南区 1 号', 联系人: '赵老师', 联系电话: '0000-0303030' },
    { 机构代码: 'JS01', 机构名称: '示例南区第一中学', 类型: '初中学校', 所在区代码: 'D03', 联系电话: '0000-0101010' },
    { 机构代码: 'VS01', 机构名称: '示例市南华职业学校', 类型: '中职学校', 所在区代码: 'D03', 举办者: '市属', 办学性质: '民办' },
    { 机构代码: 'JH01', 机构名称: '示例区第一中学', 类型: '初中学校', 所在区代码: 'D01', 地址: '示例区新址路 9 号', 联系人: '招生办', 联系电话: '0000-0000000' },
  ];

  it('imports a good file: creates (referencing rows above) and updates, audited; a second import changes nothing', async () => {
    const jh01 = (await byCode('JH01'))!;
    goodRows[3]!.机构名称 = jh01.name;
    const before = await countOrgs(env());
    const dry = await upload('city.admin', await directoryWorkbook(goodRows), '?dryRun=true');
    expect(dry.json()).toEqual({ dryRun: true, created: 3, updated: 1, unchanged: 0, errors: [] });
    expect(await countOrgs(env())).toBe(before);

    const mark = await auditMark(env());
    const res = await upload('city.admin', await directoryWorkbook(goodRows));
    expect(res.json()).toEqual({ dryRun: false, created: 3, updated: 1, unchanged: 0, errors: [] });
    expect(await countOrgs(env())).toBe(before + 3);
    const [d03, js01, vs01] = [await byCode('D03'), await byCode('JS01'), await byCode('VS01')];
    expect(d03).toMatchObject({ kind: 'district_bureau', parentId: await orgId(env(), 'C01'), contactName: '赵老师' });
    expect(js01).toMatchObject({ kind: 'junior_high', parentId: d03!.id, districtId: d03!.id, contactPhone: '0000-0101010' });
    expect(vs01).toMatchObject({ kind: 'vocational_school', parentId: await orgId(env(), 'C01'), districtId: d03!.id, runBy: 'city', ownership: 'private' });
    expect((await byCode('JH01'))!.address).toBe('示例区新址路 9 号');
    expect((await auditSince(env(), mark, 'org.create')).map((e) => (e.changes as any).created.code)).toEqual(['D03', 'JS01', 'VS01']);
    const update = await oneAudit(env(), mark, 'org.update');
    expect(update.changes).toEqual({ address: { from: jh01.address, to: '示例区新址路 9 号' }, source: 'import', row: 5 });
    expect((await oneAudit(env(), mark, 'org.import')).changes).toMatchObject({ created: 3, updated: 1 });

    const again = await upload('city.admin', await directoryWorkbook(goodRows));
    expect(again.json()).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 4, errors: [] });
    expect(await countOrgs(env())).toBe(before + 3);
  });

  it('with skipInvalid writes only the good rows and reports the bad ones', async () => {
    const before = await countOrgs(env());
    const rows: Row[] = [
      { 机构代码: 'JH45', 机构名称: '示例区第四十五中学', 类型: '初中学校', 所在区代码: 'D01' },
      { 机构代码: 'JN45', 机构名称: '北区第四十五中学', 类型: '初中学校', 所在区代码: 'D02' },
      { 机构代码: 'JH46', 机构名称: '示例区第四十六中学', 类型: '初中', 所在区代码: 'D01' },
    ];
    const res = await upload('district.admin', await directoryWorkbook(rows), '?skipInvalid=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 0 });
    expect(res.json().errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[3, '类型'], [4, '类型']]);
    expect(await countOrgs(env())).toBe(before + 1);
    expect(await byCode('JH45')).toBeDefined();
    expect(await byCode('JN45')).toBeUndefined();
  });

  it('applies the activation rules to imports: no switching off one\'s own bureau or a bureau with active organisations below', async () => {
    const before = await auditMark(env());
    const own = await upload('district.admin', await directoryWorkbook([{ 机构代码: 'D01', 机构名称: '示例区教育局', 类型: '区教育局', 上级机构代码: 'C01', 状态: '停用' }]));
    expect(expectError(own, 422, 'IMPORT_INVALID').errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[2, '状态']]);
    const parent = await upload('city.admin', await directoryWorkbook([{ 机构代码: 'D02', 机构名称: '示例北区教育局', 类型: '区教育局', 上级机构代码: 'C01', 状态: '停用' }]));
    expect(expectError(parent, 422, 'IMPORT_INVALID').errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([[2, '状态']]);
    expect([(await byCode('D01'))!.active, (await byCode('D02'))!.active]).toEqual([true, true]);
    expect((await auditSince(env(), before)).filter((e) => !e.action.startsWith('auth.'))).toEqual([]);
    // Switching off the children in the same file (above or below) makes it fine.
    const north = (code: string, name: string): Row => ({ 机构代码: code, 机构名称: name, 类型: '初中学校', 所在区代码: 'D02', 状态: '停用' });
    const all = await upload('city.admin', await directoryWorkbook([{ 机构代码: 'D02', 机构名称: '示例北区教育局', 类型: '区教育局', 上级机构代码: 'C01', 状态: '停用' }, north('JN01', '示例北区第一中学'), north('JN02', '示例北区第二中学')]));
    expect(all.json()).toMatchObject({ updated: 3, errors: [] });
    expect((await byCode('D02'))!.active).toBe(false);
  });

  it("exports the actor's scope only, with formula-like cells escaped", async () => {
    const jh02 = await orgId(env(), 'JH02');
    await send('district.admin', 'PATCH', `/api/organizations/${jh02}`, { contactName: '=HYPERLINK("http://evil.example","点我")' });
    const res = await get('district.admin', '/api/organizations/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers).toEqual(DIRECTORY_HEADERS);
    const codes = sheet.rows.map((r) => r.机构代码);
    expect(codes).toEqual(expect.arrayContaining(['D01', 'JH01', 'JH45', 'V11']));
    for (const other of ['C01', 'D02', 'D03', 'JN01', 'JS01', 'VS01']) expect(codes).not.toContain(other);
    const row = sheet.rows.find((r) => r.机构代码 === 'JH02')!;
    expect(row.联系人).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(row).toMatchObject({ 类型: '初中学校', 所在区代码: 'D01', 状态: '启用' });

    const city = await readSheet((await get('city.admin', '/api/organizations/export.xlsx')).rawPayload);
    expect(city.rows.map((r) => r.机构代码)).toEqual(expect.arrayContaining(['C01', 'D02', 'JN01', 'D03']));
    expect(city.rows.find((r) => r.机构代码 === 'D03')).toMatchObject({ 上级机构代码: 'C01', 类型: '区教育局' });
    expect((await readSheet((await get('jh01.admin', '/api/organizations/export.xlsx')).rawPayload)).rows.map((r) => r.机构代码)).toEqual(['JH01']);
  });
});
