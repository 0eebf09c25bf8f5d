/**
 * 中考成绩 (issue 11 §1): the district bureau's import (.xlsx or UTF-8 CSV, a dry run writes
 * nothing, every bad row reported by row, column and reason, nothing written on any error), the
 * content hash as documented in scores.ts, the lock (audited with the hash, frozen, refused when
 * the stored rows no longer give the hash), corrections as new versions with a reason, the
 * rows list, the template, who may do what, and a 20,000-row CSV. The suite works on its own
 * campaign (D01, 2031) so that the demo's scores do not matter.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { call, describeBackends, signIn } from './harness';
import { auditMark, expectError, multipart, oneAudit, orgId, readSheet, XLSX } from './factories';
import { createStudents, type TestStudent } from './support-students';
import { scoreSets, students } from '../src/db/schema';
import { currentScoreSet, myScore, parseCsv } from '../src/features/admission/scores';

type Cell = string | number | null;
const HEADERS = ['中考报名号', '总分', '语文', '数学', '外语', '物理'];

async function workbook(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('中考成绩');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function csv(rows: Cell[][], headers: string[], bom = false): Buffer {
  const text = [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

/** The documented definition (scores.ts scoreContentHash), written again independently. */
function expectedHash(subjects: string[], tiebreaks: string[], rows: Array<{ examNo: string; total: number; subjects: Record<string, number> }>): string {
  const sorted = [...subjects].sort();
  let text = `zhizhao-scores-v1\nsubjects:${sorted.join(',')}\ntiebreaks:${tiebreaks.join(',')}\n`;
  for (const r of [...rows].sort((a, b) => (a.examNo < b.examNo ? -1 : 1))) {
    text += `${r.examNo},${r.total},${sorted.filter((s) => r.subjects[s] !== undefined).map((s) => `${s}=${r.subjects[s]}`).join(';')}\n`;
  }
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describeBackends('admission: exam scores', (env) => {
  let campaignId = 0;
  let jh1: TestStudent[] = [];
  let jh2: TestStudent[] = [];
  let gone: TestStudent;
  /** The rows of the first good import: 5 students of JH01 and 2 of JH02. */
  let goodRows: Cell[][] = [];

  const as = async (user: string) => signIn(env().app, user);
  const upload = async (user: string, file: Buffer, query: Record<string, string | number | boolean> = {}, filename = 'scores.xlsx', type = XLSX) => {
    const m = multipart(file, filename, type);
    const qs = new URLSearchParams(Object.entries({ campaignId, ...query }).map(([k, v]) => [k, String(v)])).toString();
    return call(env().app, await as(user), { method: 'POST', url: `/api/admission/score-sets/import?${qs}`, payload: m.payload, headers: m.headers });
  };
  const get = async (user: string, url: string) => call(env().app, await as(user), { method: 'GET', url });
  const lock = async (user: string, id: number) => call(env().app, await as(user), { method: 'POST', url: `/api/admission/score-sets/${id}/lock`, payload: {} });
  const list = async (user = 'district.admin') => (await get(user, `/api/admission/score-sets?campaignId=${campaignId}`)).json().items as Array<Record<string, any>>;
  const setCount = async () => (await env().database.db.select({ id: scoreSets.id }).from(scoreSets).where(eq(scoreSets.campaignId, campaignId))).length;

  beforeAll(async () => {
    const res = await call(env().app, await as('district.admin'), { method: 'POST', url: '/api/campaigns', payload: { districtId: await orgId(env(), 'D01'), year: 2031 } });
    expect(res.statusCode, res.body).toBe(200);
    campaignId = res.json().id;
    jh1 = await createStudents(env(), { juniorHighCode: 'JH01', count: 6, campaignId, name: (i) => `成绩甲${i}` });
    jh2 = await createStudents(env(), { juniorHighCode: 'JH02', count: 2, campaignId, name: (i) => `成绩乙${i}` });
    gone = jh1.pop()!;
    await env().database.db.update(students).set({ active: false }).where(eq(students.id, gone.id));
    goodRows = [
      [jh1[0]!.examNo, 512.5, 98, 110, 105.5, 60],
      [jh1[1]!.examNo, 430, 90, 80, 85, null], // 物理 left empty: not a tie-break subject
      [jh1[2]!.examNo, 600, 110, 118, 115, 70],
      [jh1[3]!.examNo, 0, 0, 0, 0, 0],
      [jh1[4]!.examNo, 455.25, 95, 99.5, 100, 50],
      [jh2[0]!.examNo, 512.5, 99, 109, 105.5, 60],
      [jh2[1]!.examNo, 388, 70, 75, 66, 40],
    ];
  }, 120_000);

  const asRecord = (r: Cell[]) => ({
    examNo: String(r[0]),
    total: Number(r[1]),
    subjects: Object.fromEntries(HEADERS.slice(2).flatMap((h, i) => (r[i + 2] === null ? [] : [[h, Number(r[i + 2])]]))) as Record<string, number>,
  });

  it('the template has the headers, notes on every column and a sheet of explanations', async () => {
    const res = await get('district.admin', `/api/admission/score-template.xlsx?campaignId=${campaignId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect((await readSheet(res.rawPayload)).headers).toEqual(['中考报名号', '总分', '语文', '数学', '外语', '物理', '化学', '道德与法治', '历史', '体育']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['中考成绩', '中考成绩-说明']);
    expect(JSON.stringify(wb.worksheets[0]!.getCell(1, 3).note)).toContain('同分比较科目');
    const notes = wb.worksheets[1]!.getColumn(1).values.join('\n');
    expect(notes).toContain('语文、数学、外语');
    expectError(await get('jh01.admin', '/api/admission/score-template.xlsx'), 403, 'FORBIDDEN');
  });

  it('a dry run writes nothing; the import creates version 1 with its hash, audited once; the rows are listed', async () => {
    const file = await workbook(goodRows);
    const dry = await upload('district.admin', file, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const hash = expectedHash(HEADERS.slice(2), ['语文', '数学', '外语'], goodRows.map(asRecord));
    expect(dry.json()).toEqual({ dryRun: true, rows: 7, errors: [], scoreSet: null, contentHash: hash });
    expect(await setCount()).toBe(0);

    const mark = await auditMark(env());
    const res = await upload('district.admin', file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ dryRun: false, rows: 7, errors: [], contentHash: hash });
    expect(body.scoreSet).toMatchObject({
      campaignId, version: 1, status: 'draft', rows: 7, contentHash: hash, subjects: ['语文', '数学', '外语', '物理'], tiebreakNames: ['语文', '数学', '外语'],
      reason: null, createdBy: 'district.admin', lockedAt: null, current: false,
    });
    const event = await oneAudit(env(), mark, 'score.import');
    expect(event).toMatchObject({ objectType: 'score_set', objectId: String(body.scoreSet.id), organizationId: await orgId(env(), 'D01') });
    expect(event.changes).toMatchObject({ version: 1, rows: 7, contentHash: hash, fileSha256: createHash('sha256').update(file).digest('hex') });
    expect(JSON.stringify(event.changes)).not.toContain(jh1[0]!.examNo);
    expect(JSON.stringify(event.changes)).not.toContain(jh1[0]!.name);

    expect(await list()).toEqual([expect.objectContaining({ id: body.scoreSet.id, version: 1, status: 'draft', current: false })]);
    const rows = (await get('district.admin', `/api/admission/score-sets/${body.scoreSet.id}/rows?pageSize=3`)).json();
    const byExam = [...jh1.slice(0, 5), ...jh2].sort((a, b) => (a.examNo < b.examNo ? -1 : 1));
    expect(rows.total).toBe(7);
    expect(rows.items.map((r: { examNo: string }) => r.examNo)).toEqual(byExam.slice(0, 3).map((s) => s.examNo));
    const first = byExam[0]!;
    const firstRow = goodRows.find((r) => r[0] === first.examNo)!;
    expect(rows.items[0]).toEqual({ studentName: first.name, juniorHighName: expect.any(String), ...asRecord(firstRow) });
    const p3 = (await get('district.admin', `/api/admission/score-sets/${body.scoreSet.id}/rows?pageSize=3&page=3`)).json();
    expect(p3.items.map((r: { examNo: string }) => r.examNo)).toEqual([byExam[6]!.examNo]);
    const named = (await get('district.admin', `/api/admission/score-sets/${body.scoreSet.id}/rows?q=${encodeURIComponent('成绩乙')}`)).json();
    expect(named.items.map((r: { studentName: string }) => r.studentName).sort()).toEqual(jh2.map((s) => s.name).sort());
    expect(named.items.map((r: { juniorHighName: string }) => r.juniorHighName)).toEqual(['示例区第二中学', '示例区第二中学']);
    expect(rows.items.find((r: { examNo: string }) => r.examNo === jh1[0]!.examNo)?.juniorHighName ?? '示例区第一中学').toBe('示例区第一中学');
    const prefix = (await get('district.admin', `/api/admission/score-sets/${body.scoreSet.id}/rows?q=${jh1[2]!.examNo}`)).json();
    expect(prefix.items.map((r: { examNo: string }) => r.examNo)).toEqual([jh1[2]!.examNo]);
    expect(prefix.items[0].subjects).toEqual({ 语文: 110, 数学: 118, 外语: 115, 物理: 70 });
  });

  it('reports every bad row with its row, column and reason, and writes nothing', async () => {
    const [a, b, c, d, e] = jh1;
    const rows: Cell[][] = [
      [a!.examNo, 500, 90, 90, 90, 50], // row 2: good
      [null, 500, 90, 90, 90, 50], // 3: exam number missing
      ['99999999999', 500, 90, 90, 90, 50], // 4: not on the roster
      [a!.examNo, 480, 90, 90, 90, 50], // 5: same as row 2
      [b!.examNo, null, 90, 90, 90, 50], // 6: total missing
      [c!.examNo, '五百', 90, 90, 90, 50], // 7: total not a number
      [d!.examNo, -3, 90, 90, 90, 50], // 8: negative total
      [e!.examNo, 500.125, 90, 90, 90, 50], // 9: three decimals
      [jh2[0]!.examNo, 500, 90, 90, 90, '缺考'], // 10: a subject not a number
      [jh2[1]!.examNo, 500, 90, null, 90, 50], // 11: a tie-break subject empty
      [gone.examNo, 500, 90, 90, 90, 50], // 12: deactivated on the roster
    ];
    const file = await workbook(rows);
    const res = await upload('district.admin', file);
    const details = expectError(res, 400, 'SCORE_IMPORT_INVALID');
    expect(details.errors.map((x: { row: number; column: string }) => `${x.row}:${x.column}`)).toEqual([
      '3:中考报名号', '4:中考报名号', '5:中考报名号', '6:总分', '7:总分', '8:总分', '9:总分', '10:物理', '11:数学', '12:中考报名号',
    ]);
    const reasons = details.errors.map((x: { reason: string }) => x.reason);
    expect(reasons[0]).toBe('中考报名号必填');
    expect(reasons[1]).toBe('中考报名号 99999999999 不在本招生活动的学生名册中');
    expect(reasons[2]).toBe('与第 2 行的中考报名号重复');
    expect(reasons[3]).toBe('总分必填');
    expect(reasons[4]).toContain('不是有效的分数');
    expect(reasons[5]).toContain('不能为负数');
    expect(reasons[6]).toContain('最多保留两位小数');
    expect(reasons[7]).toContain('缺考');
    expect(reasons[8]).toBe('同分比较科目“数学”不能为空');
    expect(reasons[9]).toContain('停用');
    expect(await setCount()).toBe(1);

    const dry = (await upload('district.admin', file, { dryRun: true })).json();
    expect(dry).toMatchObject({ dryRun: true, rows: 11, scoreSet: null, contentHash: null });
    expect(dry.errors).toEqual(details.errors);
    expect(await setCount()).toBe(1);

    // English reasons follow the language.
    const m = multipart(file);
    const en = await call(env().app, await as('district.admin'), {
      method: 'POST', url: `/api/admission/score-sets/import?campaignId=${campaignId}&dryRun=true`, payload: m.payload, headers: { ...m.headers, 'accept-language': 'en-US' },
    });
    expect(en.json().errors[0].reason).toBe('the exam number is required');

    // Missing columns are named on row 1; a tie-break subject must be a column.
    const noTotal = await upload('district.admin', await workbook([[a!.examNo, 90, 90]], ['exam_no', '语文', '数学']), { dryRun: true });
    expect(noTotal.json().errors).toEqual([
      { row: 1, column: '总分', reason: '缺少“总分”列（表头可写 总分 或 total）' },
      { row: 1, column: '外语', reason: '缺少同分比较科目“外语”列（同分比较科目：语文、数学、外语）' },
    ]);
    const twice = await upload('district.admin', await workbook([[a!.examNo, 500, 90, 90, 90, 90]], ['中考报名号', 'total', '语文', '数学', '外语', '总分']), { dryRun: true });
    expect(twice.json().errors).toEqual([{ row: 1, column: '总分', reason: '与第 2 列（total）重复' }]);
    expectError(await upload('district.admin', Buffer.from('PK\u0003\u0004 not really a zip')), 400, 'IMPORT_UNREADABLE');
    expect(await setCount()).toBe(1);
  });

  it('a CSV with a BOM and English headers imports; the hash does not depend on the format or the column order', async () => {
    const headers = ['exam_no', '物理', 'total', '外语', '数学', '语文'];
    const reordered = goodRows.map((r) => [r[0]!, r[5]!, r[1]!, r[4]!, r[3]!, r[2]!].map((v) => (typeof v === 'number' ? v.toFixed(2) : v)));
    const dry = await upload('district.admin', csv(reordered, headers, true), { dryRun: true }, 'scores.csv', 'text/csv');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().errors).toEqual([]);
    expect(dry.json().contentHash).toBe(expectedHash(HEADERS.slice(2), ['语文', '数学', '外语'], goodRows.map(asRecord)));
    expect(dry.json().contentHash).toBe((await list())[0]!.contentHash);

    // Other tie-break subjects, in the order given; quoted cells; a blank line is skipped.
    const text = '\uFEFF中考报名号,总分,"语文",数学,外语\n' + `"${jh1[0]!.examNo}",501,90,"91",92\n\n${jh2[0]!.examNo},499.5,88,87,86\n`;
    const res = await upload('district.admin', Buffer.from(text, 'utf8'), { tiebreaks: '数学，外语' }, 'scores.csv', 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    const set = res.json().scoreSet;
    expect(set).toMatchObject({ version: 2, rows: 2, subjects: ['语文', '数学', '外语'], tiebreakNames: ['数学', '外语'] });
    const stored = await env().database.db.execute(sql`select student_id, total, tiebreaks from exam_scores where score_set_id = ${set.id} order by total`);
    expect((stored as unknown as { rows: Array<Record<string, unknown>> }).rows.map((r) => [Number(r.student_id), Number(r.total), r.tiebreaks])).toEqual([
      [jh2[0]!.id, 499.5, [87, 86]],
      [jh1[0]!.id, 501, [91, 92]],
    ]);
    // A line that is blank in the file still counts: errors name the row a spreadsheet shows.
    const bad = await upload('district.admin', Buffer.from(`中考报名号,总分,语文,数学,外语\n\n${jh1[0]!.examNo},x,1,2,3\n`), { dryRun: true }, 'scores.csv', 'text/csv');
    expect(bad.json().errors).toEqual([{ row: 3, column: '总分', reason: '不是有效的分数：x（须为数字，如 95 或 95.5）' }]);
  });

  it('the CSV parser handles quotes, doubled quotes, line breaks in quotes and CR line ends', () => {
    expect(parseCsv('a,"b,1","c ""x""\nd"\r\n1,,3\r4')).toEqual([['a', 'b,1', 'c "x"\nd'], ['1', '', '3'], ['4']]);
    expect(parseCsv('h\n')).toEqual([['h']]);
  });

  it('locks a version once, audited with its hash; only the newest version; a correction needs a reason', async () => {
    const [v2, v1] = await list();
    expect([v1!.version, v2!.version]).toEqual([1, 2]);
    expectError(await lock('district.admin', v1!.id), 409, 'SCORE_SET_LOCKED'); // v2 is newer

    // Version 3: the good file again; locked, audited with the hash.
    const v3 = (await upload('district.admin', await workbook(goodRows))).json().scoreSet;
    const mark = await auditMark(env());
    const res = await lock('district.admin', v3.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: v3.id, version: 3, status: 'locked', current: true, lockedAt: expect.any(String), contentHash: v3.contentHash });
    const event = await oneAudit(env(), mark, 'score.lock');
    expect(event).toMatchObject({ objectType: 'score_set', objectId: String(v3.id), changes: { version: 3, contentHash: v3.contentHash, rows: 7 } });
    expectError(await lock('district.admin', v3.id), 409, 'SCORE_SET_LOCKED');
    expect((await list()).filter((s) => s.current).map((s) => s.version)).toEqual([3]);

    // Families read the current version.
    expect(await myScore(env().database.db, jh1[0]!.id, campaignId)).toEqual({ total: 512.5, subjects: { 语文: 98, 数学: 110, 外语: 105.5, 物理: 60 }, version: 3 });
    expect(await myScore(env().database.db, gone.id, campaignId)).toBeNull();
    expect((await currentScoreSet(env().database.db, campaignId))?.id).toBe(v3.id);

    // A correction without a reason is refused (also after the file was read); with one it is version 4, a draft.
    const corrected = goodRows.map((r, i) => (i === 1 ? [r[0]!, 431, 91, 80, 85, null] : r));
    expectError(await upload('district.admin', await workbook(corrected)), 400, 'SCORE_CORRECTION_REASON');
    expectError(await upload('district.admin', await workbook(corrected), { reason: ' ' }), 400, 'SCORE_CORRECTION_REASON');
    expect(await setCount()).toBe(3);
    const v4 = await upload('district.admin', await workbook(corrected), { reason: '考试院复核：第2名学生语文成绩更正' });
    expect(v4.statusCode, v4.body).toBe(200);
    expect(v4.json().scoreSet).toMatchObject({ version: 4, status: 'draft', reason: '考试院复核：第2名学生语文成绩更正', current: false });
    expect(v4.json().contentHash).not.toBe(v3.contentHash);
    expect((await list()).map((s) => [s.version, s.status, s.current])).toEqual([[4, 'draft', false], [3, 'locked', true], [2, 'draft', false], [1, 'draft', false]]);
    expect((await myScore(env().database.db, jh1[1]!.id, campaignId))?.total).toBe(430);

    // The stored rows must still give the recorded hash: a row changed behind the app's back stops the lock.
    await env().database.db.execute(sql`update exam_scores set total = total + 1 where score_set_id = ${v4.json().scoreSet.id} and student_id = ${jh1[1]!.id}`);
    expect((await lock('district.admin', v4.json().scoreSet.id)).statusCode).toBe(500);
    await env().database.db.execute(sql`update exam_scores set total = total - 1 where score_set_id = ${v4.json().scoreSet.id} and student_id = ${jh1[1]!.id}`);
    expect((await lock('district.admin', v4.json().scoreSet.id)).json()).toMatchObject({ version: 4, status: 'locked', current: true });
    expect((await myScore(env().database.db, jh1[1]!.id, campaignId))?.total).toBe(431);
  });

  it('only the district bureau of the campaign writes; bureaus of the campaign read', async () => {
    const file = await workbook(goodRows);
    const [newest] = await list();
    for (const user of ['jh01.admin', 'v01.admin', 'north.admin', 'city.admin', 'city.auditor']) {
      expectError(await upload(user, file, { dryRun: true, reason: '越权' }), 403, 'FORBIDDEN');
      expectError(await lock(user, newest!.id), 403, 'FORBIDDEN');
    }
    for (const user of ['jh01.admin', 'v01.admin', 'north.admin']) {
      expectError(await get(user, `/api/admission/score-sets?campaignId=${campaignId}`), 403, 'FORBIDDEN');
      expectError(await get(user, `/api/admission/score-sets/${newest!.id}/rows`), 403, 'FORBIDDEN');
    }
    for (const user of ['district.staff', 'city.admin', 'city.auditor']) {
      expect((await get(user, `/api/admission/score-sets?campaignId=${campaignId}`)).statusCode).toBe(200);
      expect((await get(user, `/api/admission/score-sets/${newest!.id}/rows`)).json().total).toBe(7);
    }
    expectError(await get('district.admin', '/api/admission/score-sets/2147483000/rows'), 404, 'NOT_FOUND');
    expect(await setCount()).toBe(4);
  });

  it('imports 20,000 rows from a CSV', async () => {
    const many = await createStudents(env(), { juniorHighCode: 'JH03', count: 20_000, campaignId });
    const rows = many.map((s, i) => [s.examNo, 300 + (i % 400) + (i % 4) / 4, 60 + (i % 60), 70 + (i % 50), 80 + (i % 40), i % 70]);
    const res = await upload('district.admin', csv(rows, HEADERS), { reason: '新增一万余名考生成绩' }, 'scores.csv', 'text/csv');
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json().scoreSet).toMatchObject({ version: 5, rows: 20_000, status: 'draft' });
    const page = (await get('district.admin', `/api/admission/score-sets/${res.json().scoreSet.id}/rows?pageSize=1`)).json();
    expect(page.total).toBe(20_000);
    expect((await lock('district.admin', res.json().scoreSet.id)).json()).toMatchObject({ status: 'locked', current: true });
    expect(await myScore(env().database.db, many[5]!.id, campaignId)).toEqual({ total: 305.25, subjects: { 语文: 65, 数学: 75, 外语: 85, 物理: 5 }, version: 5 });
  }, 180_000);
});
