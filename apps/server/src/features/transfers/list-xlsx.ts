/**
 * The 提前到中职学校学习学生汇总名单 as Excel (R13, R14; exceljs like every export, files/excel.ts):
 * a header block (title, campaign, both schools, count, the list's status, who sealed it and when,
 * the filing number and date), then the students with 序号, 姓名, 性别, 中考报名号, 班级, 专业,
 * 校区 and 状态. Every cell is text (codes keep their leading zeros) and escaped so a spreadsheet
 * runs nothing as a formula. The seal lines name the organisation and whether its seal holds,
 * without a date (an instant's day depends on the time zone; the PDF prints it).
 */
import ExcelJS from 'exceljs';
import { transferListStatusLabels, transferStatusLabels } from '@zhizhao/domain';
import type { TransferListDetail } from '@zhizhao/contracts';
import { safeCell } from '../../files/excel';
import { genderZh, pickSeal } from './form-pdf';
import { LIST_TITLE } from './list-pdf';

export const LIST_COLUMNS = [
  { header: '序号', key: 'n', width: 7 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '性别', key: 'gender', width: 7 },
  { header: '中考报名号', key: 'examNo', width: 18 },
  { header: '班级', key: 'className', width: 12 },
  { header: '专业', key: 'major', width: 26 },
  { header: '校区', key: 'campus', width: 18 },
  { header: '状态', key: 'status', width: 20 },
] as const;

export async function renderTransferListXlsx(list: TransferListDetail, campaignName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhizhao';
  const ws = wb.addWorksheet('汇总名单');
  LIST_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const sealed = (party: 'source' | 'school') => {
    const s = pickSeal(list.seals, party);
    return s ? `${s.organizationName}${s.valid ? '已盖章' : '（盖章已失效）'}` : '未盖章';
  };
  const head: Array<[string, string]> = [
    ['招生活动', campaignName],
    ['初中学校', list.juniorHighName],
    ['中职学校', list.schoolName],
    ['学生人数', String(list.count)],
    ['名单状态', transferListStatusLabels[list.status].zh + (list.status === 'withdrawn' && list.reason ? `（理由：${list.reason}）` : '')],
    ['初中学校盖章', sealed('source')],
    ['中职学校盖章', sealed('school')],
    ['区教育局备案', list.filingNumber ? `备案号 ${list.filingNumber}${list.filedOn ? `（${list.filedOn}）` : ''}` : '未备案'],
  ];
  const title = ws.addRow([LIST_TITLE]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, LIST_COLUMNS.length);
  for (const [k, v] of head) {
    const row = ws.addRow([safeCell(k), safeCell(v)]);
    row.getCell(1).font = { bold: true };
    ws.mergeCells(row.number, 2, row.number, LIST_COLUMNS.length);
  }
  ws.addRow([]);
  const header = ws.addRow(LIST_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }));
  list.items.forEach((it, i) => {
    ws.addRow([i + 1, it.studentName, genderZh[it.gender], it.examNo, it.className, it.majorName, it.campusName, transferStatusLabels[it.status].zh].map(safeCell));
  });
  // Text columns, so exam numbers keep their leading zeros; the row number stays a number.
  for (let i = 2; i <= LIST_COLUMNS.length; i++) ws.getColumn(i).numFmt = '@';
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number + list.items.length, column: LIST_COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
