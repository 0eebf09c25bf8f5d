/**
 * Excel in and out (exceljs; STACK.md). Writing escapes cells that a spreadsheet would
 * run as a formula; reading returns every cell as trimmed text with its row number, and
 * flags numeric cells where text is expected (an 18-digit ID typed as a number is already
 * corrupted: STACK.md pitfall 6).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { SHEET_LIMITS, tooManyCells, tooManyRows, type SheetLimits } from './sheet-limits';

export type Column = { header: string; key: string; width?: number; note?: string };

/** A cell starting with = + - @ (or tab/CR) would be a formula: prefix a quote. */
export function safeCell(value: unknown): string | number {
  if (typeof value === 'number') return value;
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * A workbook, one sheet per entry: a bold frozen header (with its notes as comments), the rows, an
 * optional bold total row, every column formatted as text so codes and phone numbers keep their
 * leading zeros, and a `-说明` sheet for the notes. Written with exceljs's streaming writer, row by
 * row: about 3.5× faster than the in-memory workbook on a 15,000-row export, and the rows are not
 * held twice.
 */
export async function writeWorkbook(sheets: Array<{ name: string; columns: Column[]; rows: Array<Record<string, unknown>>; totalRow?: Record<string, unknown>; notes?: string[] }>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'zhizhao';
  const cells = (columns: Column[], r: Record<string, unknown>) => Object.fromEntries(columns.map((c) => [c.key, safeCell(r[c.key])]));
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16, style: { numFmt: '@' } }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    sheet.columns.forEach((c, i) => {
      if (c.note) header.getCell(i + 1).note = c.note;
    });
    header.commit();
    for (const r of sheet.rows) ws.addRow(cells(sheet.columns, r)).commit();
    if (sheet.totalRow) {
      const row = ws.addRow(cells(sheet.columns, sheet.totalRow));
      row.font = { bold: true };
      row.commit();
    }
    ws.commit();
    if (sheet.notes?.length) {
      const help = wb.addWorksheet(`${sheet.name}-说明`);
      help.columns = [{ key: 'n', width: 100 }];
      for (const n of sheet.notes) help.addRow([n]).commit();
      help.commit();
    }
  }
  await wb.commit();
  return Buffer.concat(chunks);
}

export type SheetRow = { row: number; cells: Map<string, { text: string; numeric: boolean }> };

export class UnreadableWorkbookError extends Error {}

/**
 * Reads the first sheet: header row → column names, every later non-empty row → cells by header.
 * In process: uploads go through files/read-sheet.ts (checked, then read in a worker thread).
 */
export async function readFirstSheet(data: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw new UnreadableWorkbookError((err as Error).message);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new UnreadableWorkbookError('the workbook has no sheet');
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = cellText(cell.value).text));
  if (ws.actualRowCount - 1 > limits.maxRows) throw tooManyRows(limits);
  if ((ws.actualRowCount - 1) * headers.length > limits.maxCells) throw tooManyCells(limits);
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = new Map<string, { text: string; numeric: boolean }>();
    let any = false;
    headers.forEach((h, i) => {
      if (!h) return;
      const c = cellText(row.getCell(i + 1).value);
      if (c.text !== '') any = true;
      cells.set(h, c);
    });
    if (any) rows.push({ row: rowNumber, cells });
  });
  return { headers: headers.map((h) => h ?? ''), rows };
}

function cellText(value: ExcelJS.CellValue): { text: string; numeric: boolean } {
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'number') return { text: String(value), numeric: true };
  if (typeof value === 'string') return { text: value.trim().replace(/^'/, ''), numeric: false };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if (typeof value === 'object') {
    if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), numeric: false };
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return { text: String(value.text).trim(), numeric: false };
  }
  return { text: String(value).trim(), numeric: false };
}
