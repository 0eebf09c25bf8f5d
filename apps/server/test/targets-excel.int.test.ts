/**
 * Annex 2 (送培目标分解表) in Excel: the template prefilled with the district's junior
 * highs, the import (every bad row reported, nothing written on error; graduates and/or a
 * new draft of targets) and the export with its 合计 row.
 */
import { expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { auditMark, auditSince, clients, directoryWorkbook, expectError, multipart, readSheet, XLSX } from './factories';

const TEMPLATE_HEADERS = ['学校代码', '学校', '应届毕业生数', '送培目标', '最低', '最高', '备注'];
const EXPORT_HEADERS = ['学校', '应届毕业生数', '送培目标', '占毕业生比例', '备注'];
type Cells = Record<string, string | number>;

describeBackends('targets: Annex 2 in Excel', (env) => {
  const as = clients(env);
  let base = '';
  const upload = async (username: string, file: Buffer, query = '') =>
    call(env().app, await signIn(env().app, username), { method: 'POST', url: `${base}/targets/import${query}`, ...multipart(file) });
  const book = (rows: Cells[]) => directoryWorkbook(rows, TEMPLATE_HEADERS);
  // Signing in is audited too: look at what the import wrote.
  const writesSince = async (mark: number) => (await auditSince(env(), mark)).filter((e) => e.action !== 'auth.login');
  const state = async () => {
    const admin = await as('district.admin');
    return { graduates: (await admin.get(`${base}/graduates`)).json(), versions: (await admin.get(`${base}/targets`)).json().versions };
  };

  it('downloads the template prefilled with the district\'s 24 junior highs (bureau writers only)', async () => {
    const admin = await as('district.admin');
    base = `/api/campaigns/${(await admin.get('/api/campaigns')).json().items[0].id}`;
    const res = await admin.get(`${base}/targets/template.xlsx`);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('示例区教育局2027年送培目标分解表（模板）.xlsx');
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers).toEqual(TEMPLATE_HEADERS);
    expect(sheet.rows).toHaveLength(24);
    expect(sheet.rows[6]).toMatchObject({ 学校代码: 'JH07', 学校: '示例区实验中学', 应届毕业生数: '357', 送培目标: '' });
    expectError(await (await as('jh01.admin')).get(`${base}/targets/template.xlsx`), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).get(`${base}/targets/template.xlsx`), 403, 'FORBIDDEN');
  });

  it('exports the published version as Annex 2 with a 合计 row; vocational schools too, junior highs not', async () => {
    const admin = await as('district.admin');
    const res = await admin.get(`${base}/targets/export.xlsx`);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('（第2版）.xlsx');
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers).toEqual(EXPORT_HEADERS);
    expect(sheet.rows).toHaveLength(25);
    expect(sheet.rows[6]).toEqual({ 学校: '示例区实验中学', 应届毕业生数: '357', 送培目标: '165', 占毕业生比例: '46.22%', 备注: '实验中学申请增加送培名额' });
    expect(sheet.rows[0]).toMatchObject({ 学校: '示例区第一中学', 送培目标: '140', 占毕业生比例: '44.87%', 备注: '低于45%（R12）' });
    expect(sheet.rows[24]).toMatchObject({ 学校: '合计', 应届毕业生数: '4450', 送培目标: '2000', 占毕业生比例: '44.94%' });
    expect(sheet.rows[24]!.备注).toContain('市下达送培总目标 2000');
    const v1 = await readSheet((await admin.get(`${base}/targets/export.xlsx?version=1`)).rawPayload);
    expect(v1.rows[6]).toMatchObject({ 送培目标: '160' });

    const voc = await as('v01.admin');
    expect((await voc.get(`${base}/targets/export.xlsx`)).statusCode).toBe(200);
    expectError(await voc.get(`${base}/targets/export.xlsx?version=1`), 403, 'FORBIDDEN');
    expectError(await (await as('jh07.admin')).get(`${base}/targets/export.xlsx`), 403, 'FORBIDDEN');
    expectError(await (await as('north.admin')).get(`${base}/targets/export.xlsx`), 403, 'FORBIDDEN');
    expectError(await admin.get(`${base}/targets/export.xlsx?version=99`), 404, 'NOT_FOUND');
    const north = `/api/campaigns/${(await (await as('north.admin')).get('/api/campaigns')).json().items[0].id}`;
    expectError(await (await as('north.admin')).get(`${north}/targets/export.xlsx`), 409, 'TARGETS_NOT_PUBLISHED');
  });

  it('reports every bad row (row, column, reason) and writes nothing; dryRun lists the same', async () => {
    const before = await state();
    const mark = await auditMark(env());
    const bad = await book([
      { 学校代码: 'JH01', 应届毕业生数: 312, 送培目标: 140 },
      { 学校代码: 'JN01', 应届毕业生数: 200 }, // another district's school
      { 学校代码: 'JH02', 应届毕业生数: '-5', 送培目标: 128 },
      { 学校代码: 'JH01', 应届毕业生数: 312, 送培目标: 140 }, // duplicate
      { 学校代码: 'JH03', 应届毕业生数: 265, 送培目标: 'abc' },
      { 学校代码: 'JH04', 应届毕业生数: 248, 送培目标: 50, 最低: 60, 最高: 40 },
      { 学校代码: 'JH05', 应届毕业生数: 231, 送培目标: 20, 最低: 30 },
      { 学校代码: 'JH06', 应届毕业生数: 219 }, // no target while others give one
    ]);
    const real = await upload('district.admin', bad);
    const errors = expectError(real, 422, 'IMPORT_INVALID').errors as Array<{ row: number; column: string; reason: string }>;
    const where = errors.map((e) => `${e.row}:${e.column}`);
    expect(where).toEqual(expect.arrayContaining(['3:学校代码', '4:应届毕业生数', '5:学校代码', '6:送培目标', '7:最低', '8:送培目标', '9:送培目标']));
    // The schools the file leaves out are named too (row 1: the file as a whole).
    expect(errors.filter((e) => e.row === 1 && e.column === '学校代码')).toHaveLength(24 - 6);
    expect(errors.every((e) => e.reason.length > 0)).toBe(true);
    expect(await state()).toEqual(before);
    expect(await writesSince(mark)).toEqual([]);

    const dry = await upload('district.admin', bad, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true });
    expect(dry.json().errors).toEqual(errors);
    expectError(await upload('district.admin', Buffer.from('not a workbook')), 400, 'IMPORT_UNREADABLE');
    expect(expectError(await upload('district.admin', await directoryWorkbook([{ 学校: 'x' }], ['学校'])), 422, 'IMPORT_INVALID').errors.map((e: { column: string }) => e.column)).toEqual(['学校代码', '应届毕业生数']);
    expectError(await upload('north.admin', bad), 403, 'FORBIDDEN');
    expectError(await upload('jh01.admin', bad), 403, 'FORBIDDEN');
  });

  it('imports graduates only, then targets as a new draft (audited); R1 still guards the publication', async () => {
    const mark = await auditMark(env());
    const grads = await upload('district.admin', await book([{ 学校代码: 'JH01', 应届毕业生数: 315 }, { 学校代码: 'JH02', 应届毕业生数: 286 }]));
    expect(grads.json()).toEqual({ dryRun: false, graduatesUpdated: 1, targetsImported: 0, errors: [] });
    expect((await writesSince(mark)).map((e) => e.action)).toEqual(['targets.graduates_update', 'targets.import']);
    expect((await auditSince(env(), mark, 'targets.graduates_update'))[0]!.changes).toMatchObject({ graduates: { JH01: { from: 312, to: 315 } }, source: 'import' });

    const admin = await as('district.admin');
    const published = (await admin.get(`${base}/targets`)).json().published.rows as Array<{ code: string; graduates: number; target: number }>;
    const rows: Cells[] = published.map((r) => ({ 学校代码: r.code, 应届毕业生数: r.code === 'JH01' ? 315 : r.graduates, 送培目标: r.code === 'JH02' ? r.target + 1 : r.target, 备注: r.code === 'JH02' ? '按学校申请增加一人' : '' }));
    rows[0] = { ...rows[0], 最低: 100, 最高: 200 };
    const m2 = await auditMark(env());
    const res = await upload('district.admin', await book(rows));
    expect(res.json()).toEqual({ dryRun: false, graduatesUpdated: 0, targetsImported: 24, errors: [] });
    expect((await writesSince(m2)).map((e) => e.action)).toEqual(['targets.draft_create', 'targets.import']);
    const draft = (await admin.get(`${base}/targets`)).json().draft;
    expect(draft).toMatchObject({ number: 3, status: 'draft', nTotal: 2001, totals: { differsFromCity: true } });
    expect(draft.rows.find((r: { code: string }) => r.code === 'JH02')).toMatchObject({ target: 129, note: '按学校申请增加一人' });
    expect(draft.rows.find((r: { code: string }) => r.code === 'JH01')).toMatchObject({ graduates: 315, min: 100, max: 200 });
    expectError(await admin.post(`${base}/targets/draft/publish`, {}), 409, 'TARGETS_TOTAL_DIFFERS_FROM_CITY');
    expect((await admin.post(`${base}/targets/draft/publish`, { acknowledgeTotalDifference: true })).json()).toMatchObject({ number: 3, status: 'published' });
    const sheet = await readSheet((await admin.get(`${base}/targets/export.xlsx`)).rawPayload);
    expect(sheet.rows[24]).toMatchObject({ 学校: '合计', 应届毕业生数: '4453', 送培目标: '2001' });
    expect(sheet.rows[24]!.备注).toContain('与合计相差 1');
  });
});
