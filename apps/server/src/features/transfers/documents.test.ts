/**
 * The early-transfer documents (R13, R14) render from contract-shaped data alone: the Annex 4 form
 * (中等职业学校志愿填报表) with its two seal boxes, the combined list (汇总名单) as PDF over many
 * pages and as Excel. The text layer is read with poppler's pdftotext; without poppler-utils those
 * checks are skipped, saying so (`apt-get install -y poppler-utils`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { earlyTransferDetail, transferListDetail, type EarlyTransferDetail, type SealView, type TransferListDetail } from '@zhizhao/contracts';
import { renderTransferFormPdf } from './form-pdf';
import { renderTransferListPdf } from './list-pdf';
import { renderTransferListXlsx } from './list-xlsx';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined && spawnSync('pdfinfo', ['-v']).error === undefined;
if (!hasPoppler) console.warn('transfers/documents: pdftotext not found — install poppler-utils to check the PDF text; skipping those checks');

const TZ = 'Asia/Shanghai';
const JH = '示例区第一中学';
const VS = '示例区职业技术学校';
const DISTRICT = '示例区教育局';

const seal = (party: SealView['party'], organizationName: string, over: Partial<SealView> = {}): SealView => ({
  party, organizationId: party === 'source' ? 11 : party === 'school' ? 21 : 1, organizationName, keyId: `k-${party}`,
  // 16:30 UTC is the next day in Asia/Shanghai: the date printed must be the local one.
  sealedAt: '2027-05-13T16:30:00.000Z', sealedBy: `${party}.admin`, valid: true, ...over,
});

function buildDetail(over: Partial<EarlyTransferDetail> = {}): EarlyTransferDetail {
  return earlyTransferDetail.parse({
    id: 7, campaignId: 1, status: 'awaiting_school', version: 2, studentId: 101, studentName: '李小明', examNo: '270101000123', className: '九(3)班',
    juniorHighId: 11, juniorHighName: JH, schoolId: 21, schoolName: VS, programmeId: 31, majorName: '数控技术应用', campusName: '主校区',
    requestedBy: 'student', requestedOn: '2027-05-12', pendingConfirmers: [], seals: [seal('source', JH)], formCode: 'F.CODE.SIGNED', listId: null, listCode: null,
    filingNumber: null, filedOn: null, reason: null, decidedBy: null, updatedAt: '2027-05-13T16:30:00.000Z',
    content: {
      form: '中等职业学校志愿填报表', transferId: 7, version: 2,
      campaign: { id: 1, name: '示例区2027年中等职业学校招生', year: 2027 },
      student: { name: '李小明', gender: 'male', examNo: '270101000123', idMasked: '110101********1234', className: '九(3)班', cohort: 'current', hukouDistrict: '示例区' },
      sourceSchool: { id: 11, code: 'J01', name: JH },
      enrollingSchool: { id: 21, code: 'V01', name: VS, runBy: 'district' },
      programme: { id: 31, majorCode: '660103', majorName: '数控技术应用', campusName: '主校区', lengthYears: 3 },
      guardian: { name: '李大明', relation: '父亲', phoneMasked: '138****5678' },
      curriculumCompletedOn: '2027-04-30', requestedOn: '2027-05-12',
    },
    history: [
      { at: '2027-05-12T02:00:00.000Z', action: 'request', by: 'student.demo', party: 'student', version: 2, reason: null, status: 'awaiting_family' },
      { at: '2027-05-12T03:05:00.000Z', action: 'confirm', by: '李大明', party: 'guardian', version: 2, reason: null, status: 'awaiting_source' },
    ],
    actions: ['seal', 'refuse'], examResult: null,
    ...over,
  });
}

const majors = ['数控技术应用', '汽车运用与维修', '会计事务', '计算机网络技术'];
function buildList(n: number, over: Partial<TransferListDetail> = {}): TransferListDetail {
  return transferListDetail.parse({
    id: 3, campaignId: 1, status: 'filed', juniorHighId: 11, juniorHighName: JH, schoolId: 21, schoolName: VS, count: n,
    seals: [seal('source', JH), seal('school', VS), seal('district', DISTRICT)], code: 'L.CODE.SIGNED',
    filingNumber: '示教职转备〔2027〕001号', filedOn: '2027-05-20', reason: null, createdAt: '2027-05-14T01:00:00.000Z',
    items: Array.from({ length: n }, (_, i) => ({
      transferId: 100 + i, studentName: i === 0 ? '李小明' : `学生${String(i + 1).padStart(3, '0')}`, examNo: `27010100${String(i + 1).padStart(4, '0')}`,
      gender: i % 2 ? 'female' : 'male', className: `九(${(i % 8) + 1})班`, majorName: majors[i % majors.length]!, campusName: i % 3 ? '主校区' : '东校区', status: 'filed',
    })),
    actions: [],
    ...over,
  });
}

/** The PDF's text layer and page count (poppler). */
function pdfText(pdf: Buffer): { text: string; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zz-transfer-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    return { text, pages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the Annex 4 form (中等职业学校志愿填报表, R13)', () => {
  it('renders a PDF named after the exam number', async () => {
    const out = await renderTransferFormPdf({ detail: buildDetail(), verifyUrl: 'http://zhizhao.example.cn/verify/F.CODE.SIGNED', timeZone: TZ });
    expect(out.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(out.filename).toBe('中等职业学校志愿填报表-270101000123.pdf');
  });

  it.skipIf(!hasPoppler)('shows the student, both schools, the seal that holds with its local date, 待盖章 for the missing one and 扫码核验', async () => {
    const { text, pages } = pdfText((await renderTransferFormPdf({ detail: buildDetail(), verifyUrl: 'http://zhizhao.example.cn/verify/F.CODE.SIGNED', timeZone: TZ })).pdf);
    expect(pages).toBe(1);
    for (const s of ['中等职业学校志愿填报表', '李小明', JH, VS, '数控技术应用', '110101********1234', '138****5678', '应届', '初中学校意见（盖章）', '中职学校意见（盖章）', '待盖章', '2027年5月14日', '扫码核验', '电子签章示意', '第 2 版']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('已撤回');
  });

  it.skipIf(!hasPoppler)('strikes a seal whose signature no longer holds as 已失效', async () => {
    const { text } = pdfText((await renderTransferFormPdf({ detail: buildDetail({ seals: [seal('source', JH, { valid: false })] }), verifyUrl: null, timeZone: TZ })).pdf);
    expect(text).toContain('已失效');
    expect(text).toContain('本表暂无核验二维码');
  });

  it.skipIf(!hasPoppler)('puts the red banner with the reason on a withdrawn, a refused and a returned form', async () => {
    const withdrawn = pdfText((await renderTransferFormPdf({ detail: buildDetail({ status: 'withdrawn', reason: '家长决定继续在初中就读', decidedBy: 'guardian' }), verifyUrl: null, timeZone: TZ })).pdf).text;
    expect(withdrawn).toContain('已撤回');
    expect(withdrawn).toContain('家长决定继续在初中就读');
    expect(withdrawn).not.toContain('待盖章');
    const refused = pdfText((await renderTransferFormPdf({ detail: buildDetail({ status: 'refused', reason: '该专业名额已满', decidedBy: 'school' }), verifyUrl: null, timeZone: TZ })).pdf).text;
    expect(refused).toContain('学校不同意');
    expect(refused).toContain('不同意');
    const returned = pdfText((await renderTransferFormPdf({ detail: buildDetail({ status: 'returned', reason: '学生申请返回初中', decidedBy: 'district', seals: [seal('source', JH), seal('school', VS)] }), verifyUrl: null, timeZone: TZ })).pdf).text;
    expect(returned).toContain('已退回初中学校');
  });
});

describe('the combined list (汇总名单, R13, R14)', () => {
  it.skipIf(!hasPoppler)('shows both schools, the count, the students, three seal boxes and the filing number of a filed list', async () => {
    const out = await renderTransferListPdf({ list: buildList(5), campaignName: '示例区2027年中等职业学校招生', verifyUrl: 'http://zhizhao.example.cn/verify/L.CODE.SIGNED', timeZone: TZ });
    expect(out.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(out.filename).toBe(`提前到中职学校学习学生汇总名单-${JH}-${VS}.pdf`);
    const { text } = pdfText(out.pdf);
    expect(text).toMatch(/学生人数\s+5\s*人/);
    for (const s of ['提前到中职学校学习学生汇总名单', JH, VS, '李小明', '学生005', '270101000005', '中考报名号', '区教育局备案', '示教职转备〔2027〕001号', '2027年5月20日', DISTRICT, '扫码核验']) {
      expect(text).toContain(s);
    }
  });

  it.skipIf(!hasPoppler)('runs 300 students over several pages with the header row on each, and says 待盖章 / 待备案 while open', async () => {
    const list = buildList(300, { status: 'open', seals: [seal('source', JH)], filingNumber: null, filedOn: null, code: null });
    const { text, pages } = pdfText((await renderTransferListPdf({ list, campaignName: '示例区2027年', verifyUrl: null, timeZone: TZ })).pdf);
    expect(pages).toBeGreaterThan(4);
    expect(text.match(/中考报名号/g)!.length).toBeGreaterThanOrEqual(pages);
    expect(text).toContain('学生300');
    expect(text).toContain('待盖章');
    expect(text).toContain('待备案');
  }, 30_000);

  it.skipIf(!hasPoppler)('marks a withdrawn list with the banner and its reason', async () => {
    const list = buildList(2, { status: 'withdrawn', reason: '名单有误，重新生成', seals: [seal('source', JH)], filingNumber: null, filedOn: null });
    const { text } = pdfText((await renderTransferListPdf({ list, campaignName: '示例区2027年', verifyUrl: null, timeZone: TZ })).pdf);
    expect(text).toContain('已撤回');
    expect(text).toContain('名单有误，重新生成');
  });

  it('exports the list to Excel with the header block, the columns and one row per student', async () => {
    const xlsx = await renderTransferListXlsx(buildList(12), '示例区2027年中等职业学校招生');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows[0]![0]).toBe('提前到中职学校学习学生汇总名单');
    const flat = rows.map((r) => r.join('|')).join('\n');
    for (const s of ['示例区2027年中等职业学校招生', JH, VS, '示教职转备〔2027〕001号']) expect(flat).toContain(s);
    const h = rows.findIndex((r) => r[0] === '序号');
    expect(rows[h]).toEqual(['序号', '姓名', '性别', '中考报名号', '班级', '专业', '校区', '状态']);
    const students = rows.slice(h + 1);
    expect(students).toHaveLength(12);
    expect(students[0]).toEqual(['1', '李小明', '男', '270101000001', '九(1)班', '数控技术应用', '东校区', '已备案（提前到校学习）']);
    expect(students[11]![3]).toBe('270101000012');
  });
});
