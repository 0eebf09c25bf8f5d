/**
 * Excel in and out (exceljs; STACK.md). Writing escapes cells that a spreadsheet would
 * run as a formula; reading returns every cell as trimmed text with its row number, and
 * flags numeric cells where text is expected (an 18-digit ID typed as a number is already
 * corrupted: STACK.md pitfall 6).
 */
import ExcelJS from 'exceljs';

export type Column = { header: string; key: string; width?: number; note?: string };

/** A cell starting with = + - @ (or tab/CR) would be a formula: prefix a quote. */
export function safeCell(value: unknown): string | number {
  if (typeof value === 'number') return value;
  const s = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function writeWorkbook(sheets: Array<{ name: string; columns: Column[]; rows: Array<Record<string, unknown>>; totalRow?: Record<string, unknown>; notes?: string[] }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhizhao';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const c of sheet.columns) if (c.note) ws.getCell(1, sheet.columns.indexOf(c) + 1).note = c.note;
    for (const r of sheet.rows) ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, safeCell(r[c.key])])));
    if (sheet.totalRow) {
      const row = ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, safeCell(sheet.totalRow![c.key])])));
      row.font = { bold: true };
    }
    // Every column is text, so codes and phone numbers keep their leading zeros.
    sheet.columns.forEach((_, i) => (ws.getColumn(i + 1).numFmt = '@'));
    if (sheet.notes?.length) {
      const help = wb.addWorksheet(`${sheet.name}-说明`);
      sheet.notes.forEach((n) => help.addRow([n]));
      help.getColumn(1).width = 100;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type SheetRow = { row: number; cells: Map<string, { text: string; numeric: boolean }> };

export class UnreadableWorkbookError extends Error {}

/** Reads the first sheet: header row → column names, every later non-empty row → cells by header. */
export async function readFirstSheet(data: Buffer): Promise<{ headers: string[]; rows: SheetRow[] }> {
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
