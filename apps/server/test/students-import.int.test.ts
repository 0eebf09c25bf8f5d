/**
 * The roster's Excel (issue 9): the template, the import (every bad row reported by row and
 * column; nothing written on any error unless skipInvalid; a dry run writes nothing; upsert by
 * exam number; a student of another junior high refused), a district bureau's import with 学校代码,
 * and the export (masked values only, formula-looking cells escaped).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFirstSheet } from '../src/files/excel';
import { readFirstSheetFast as readRosterSheet } from '../src/files/xlsx-fast';
import { makeResidentId } from '@zhizhao/domain';
import { call, describeBackends, signIn } from './harness';
import { auditMark, expectError, multipart, oneAudit, readSheet, XLSX } from './factories';
import { campaignIdOf, createStudents } from './support-students';

const HEADERS = ['姓名', '性别', '证件类型', '证件号码', '中考报名号', '班级', '应届/往届', '户籍所在区', '监护人姓名', '与学生关系', '监护人电话'];
type Cell = string | number | null;

/** A row by header; strings stay text cells, numbers become numeric cells. */
function person(n: number, over: Record<string, Cell> = {}): Record<string, Cell> {
  return {
    姓名: `导入${n}`, 性别: n % 2 ? '男' : '女', 证件类型: '', 证件号码: makeResidentId('640102', '2011-06-01', 200 + n * 2 + (n % 2 ? 1 : 0)) , 中考报名号: `8802${String(n).padStart(5, '0')}`,
    班级: '九年级2班', '应届/往届': '应届', 户籍所在区: '示例区', 监护人姓名: `导入家长${n}`, 与学生关系: '母亲', 监护人电话: `1370000${String(n).padStart(4, '0')}`, ...over,
  };
}

async function workbook(rows: Array<Record<string, Cell>>, headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学生名册');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describeBackends('students: Excel', (env) => {
  const upload = async (user: string, file: Buffer, query = '') => {
    const cookie = await signIn(env().app, user);
    const m = multipart(file);
    return call(env().app, cookie, { method: 'POST', url: `/api/campaigns/${await campaignIdOf(env())}/students/import${query}`, payload: m.payload, headers: m.headers });
  };
  const get = async (user: string, path: string) => call(env().app, await signIn(env().app, user), { method: 'GET', url: `/api/campaigns/${await campaignIdOf(env())}/students${path}` });
  const found = async (examNo: string) => (await get('district.admin', `?q=${examNo}`)).json().total as number;

  it('the template has the Chinese headers (a bureau\'s starts with 学校代码) and a sheet of notes', async () => {
    const jh = await get('jh01.admin', '/template.xlsx');
    expect(jh.statusCode).toBe(200);
    expect(jh.headers['content-type']).toBe(XLSX);
    expect((await readSheet(jh.rawPayload)).headers).toEqual(HEADERS);
    const district = await get('district.admin', '/template.xlsx');
    expect((await readSheet(district.rawPayload)).headers).toEqual(['学校代码', ...HEADERS]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(jh.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学生名册', '学生名册-说明']);
  });

  it('a dry run writes nothing; the import creates; the same file again is unchanged; a change updates', async () => {
    const rows = [person(1), person(2), person(3)];
    const dry = await upload('jh01.admin', await workbook(rows), '?dryRun=true');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 3, created: 3, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    expect(await found('880200001')).toBe(0);

    const mark = await auditMark(env());
    const file = await workbook(rows);
    const res = await upload('jh01.admin', file);
    expect(res.json()).toMatchObject({ dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await found('880200001')).toBe(1);
    const event = await oneAudit(env(), mark, 'student.import');
    expect(event.changes).toMatchObject({ rows: 3, created: 3, fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(event.changes)).not.toContain(String(rows[0]!['证件号码']));

    expect((await upload('jh01.admin', file)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const changed = await upload('jh01.admin', await workbook([person(1, { 班级: '九年级5班' }), person(2, { 监护人电话: '13712345678' }), person(3)]));
    expect(changed.json()).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const listed = (await get('jh01.admin', '?q=88020000')).json().items;
    expect(listed.find((s: { examNo: string }) => s.examNo === '880200001').className).toBe('九年级5班');
    expect(listed.find((s: { examNo: string }) => s.examNo === '880200002').phoneMasked).toBe('137****5678');
  });

  it('reports every bad row and column, and writes nothing', async () => {
    const good = person(10);
    const badCheck = person(11);
    const id = String(badCheck['证件号码']);
    badCheck['证件号码'] = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const rows = [
      good,
      badCheck,
      person(12, { 证件号码: 110105201103040000 }), // a numeric cell
      person(13, { 中考报名号: '880200010' }), // the same exam number as row 2
      person(14, { 监护人电话: '' }),
      person(15, { '应届/往届': '复读' }),
      person(16, { 性别: person(16)['性别'] === '男' ? '女' : '男' }),
      person(17, { 证件号码: good['证件号码'], 性别: good['性别'] }), // the same ID number as row 2
    ];
    const res = await upload('jh01.admin', await workbook(rows));
    const details = expectError(res, 422, 'IMPORT_INVALID');
    const where = details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(where).toEqual(['3:证件号码', '4:证件号码', '5:中考报名号', '6:监护人电话', '7:应届/往届', '8:性别', '9:证件号码']);
    const reasons = details.errors.map((e: { reason: string }) => e.reason).join('\n');
    expect(reasons).toContain('校验码');
    expect(reasons).toContain('文本格式');
    expect(reasons).toContain('与第 2 行');
    for (const n of [10, 13, 16, 17]) expect(await found(`8802000${n}`)).toBe(0);

    const dry = (await upload('jh01.admin', await workbook(rows), '?dryRun=true')).json();
    expect(dry).toMatchObject({ dryRun: true, rows: 8, created: 1, skipped: 7 });
    expect(dry.errors).toHaveLength(7);
    expect(await found('880200010')).toBe(0);

    const skip = (await upload('jh01.admin', await workbook(rows), '?skipInvalid=true')).json();
    expect(skip).toMatchObject({ dryRun: false, created: 1, skipped: 7 });
    expect(await found('880200010')).toBe(1);
    expect(await found('880200011')).toBe(0);
  });

  it('a student on another junior high\'s roster is refused (transfer instead); a missing column is named', async () => {
    const [other] = await createStudents(env(), { juniorHighCode: 'JH02', count: 1 });
    const res = await upload('jh01.admin', await workbook([person(20, { 中考报名号: other!.examNo })]));
    const details = expectError(res, 422, 'IMPORT_INVALID');
    expect(details.errors).toEqual([{ row: 2, column: '中考报名号', reason: '该生在另一所初中的名册中，请办理转学' }]);
    const missing = expectError(await upload('jh01.admin', await workbook([person(21)], HEADERS.filter((h) => h !== '监护人电话'))), 422, 'IMPORT_INVALID');
    expect(missing.errors).toEqual([{ row: 1, column: '监护人电话', reason: '缺少必填列' }]);
  });

  it('the district bureau imports with 学校代码 per row; the city may not import', async () => {
    const headers = ['学校代码', ...HEADERS];
    const rows = [{ 学校代码: 'JH06', ...person(30) }, { 学校代码: 'JH07', ...person(31) }, { 学校代码: 'JN01', ...person(32) }, { 学校代码: '', ...person(33) }];
    const details = expectError(await upload('district.admin', await workbook(rows, headers)), 422, 'IMPORT_INVALID');
    expect(details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['4:学校代码', '5:学校代码']);
    const ok = await upload('district.admin', await workbook(rows.slice(0, 2), headers));
    expect(ok.json()).toMatchObject({ created: 2 });
    const jh06 = (await get('jh06.admin', '?q=880200030')).json().items;
    expect(jh06).toHaveLength(1);
    expectError(await upload('city.admin', await workbook(rows.slice(0, 1), headers)), 403, 'FORBIDDEN');
    expectError(await upload('jh01.admin', Buffer.from('not a workbook')), 400, 'IMPORT_UNREADABLE');
  });

  it('the export carries masked values only and escapes cells that would run as formulas', async () => {
    await upload('jh01.admin', await workbook([person(40, { 姓名: '=HYPERLINK("http://x","y")', 户籍所在区: '+示例区', 监护人姓名: '@家长' })]));
    const res = await get('jh01.admin', '/export.xlsx');
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.headers.slice(0, 3)).toEqual(['学校代码', '学校', '姓名']);
    const row = sheet.rows.find((r) => r['中考报名号'] === '880200040')!;
    expect(row['证件号码（脱敏）']).toMatch(/^640102\*{8}/);
    expect(row['监护人电话（脱敏）']).toBe('137****0040');
    for (const k of ['姓名', '户籍所在区', '监护人姓名']) expect(row[k]!.startsWith("'"), k).toBe(true);
    // Only the junior high's own students.
    expect(new Set(sheet.rows.map((r) => r['学校代码']))).toEqual(new Set(['JH01']));
  });
});

describe('the roster\'s fast sheet reader', () => {
  it('reads what exceljs reads: shared and inline strings, rich text, entities, numbers, formulas, gaps and blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学生名册');
    ws.addRow([...HEADERS, '', '备注 & <说明>']);
    ws.addRow(['张三 & "李四"', '男', '', '11010519491231002X', 880000001, '九(1)班', '应届', '示例区', { richText: [{ text: '王' }, { text: '大明' }] }, '父亲', '13800138000', 'x', "'=1+1"]);
    ws.addRow([]);
    ws.addRow(['李四', true, null, 110105201103040000, '880000002', { formula: 'A2', result: '结果' }]);
    ws.getCell('A6').value = '  空格  ';
    ws.getCell('M6').value = '远处';
    for (const bytes of [Buffer.from(await wb.xlsx.writeBuffer()), Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: false } as never))]) {
      const a = await readFirstSheet(bytes);
      const b = await readRosterSheet(bytes);
      expect(b.headers).toEqual(a.headers);
      expect(b.rows.map((r) => [r.row, [...r.cells]])).toEqual(a.rows.map((r) => [r.row, [...r.cells]]));
    }
  });

  it('falls back to exceljs on anything else, which names an unreadable file', async () => {
    await expect(readRosterSheet(Buffer.from('PK not really a zip'))).rejects.toThrow();
    await expect(readRosterSheet(Buffer.from('not a workbook'))).rejects.toThrow();
  });
});
