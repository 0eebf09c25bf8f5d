/**
 * Reads the first sheet of a large workbook (a roster, the exam office's scores) fast: the same result as files/excel.ts
 * readFirstSheet (cells as trimmed text by header, numeric cells flagged) for 100,000 rows in
 * a fraction of exceljs's time. The .xlsx is a zip of XML: the central directory is read, the
 * first sheet (workbook.xml → its relationship) and the shared strings are inflated (node:zlib),
 * and the cells are scanned with regular expressions. exceljs's streaming reader was tried and
 * rejected: it decodes chunks separately and corrupts a CJK character split across two chunks.
 * Anything this reader does not understand falls back to exceljs's full reader.
 */
import { inflateRawSync } from 'node:zlib';
import { readFirstSheet, UnreadableWorkbookError, type SheetRow } from './excel';
import { SHEET_LIMITS, SheetTooLargeError, tooManyCells, tooManyRows, type SheetLimits } from './sheet-limits';
import { dataStart, zipEntries } from './zip-guard';

type Cell = { text: string; numeric: boolean };
const MAX_PART = 512 * 1024 * 1024;
class TooLarge extends Error {}

function unzip(data: Buffer): Map<string, () => Buffer> {
  const entries = zipEntries(data);
  if (!entries) throw new Error('not a zip file');
  const files = new Map<string, () => Buffer>();
  for (const e of entries) {
    files.set(e.name, () => {
      const start = dataStart(data, e);
      const raw = data.subarray(start, start + e.compressed);
      if (e.method === 0 && e.compressed > MAX_PART) throw new TooLarge();
      if (e.method === 0) return raw;
      // A zip bomb stops here instead of filling the memory (100,000 rows are ~60 MB of XML).
      if (e.method === 8) return inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(MAX_PART, e.size)) });
      throw new Error(`zip method ${e.method}`);
    });
  }
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e]!,
  );
}

/** The text of every <t> inside (rich text runs joined), phonetic runs (<rPh>) left out. */
function textOf(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const attrRe = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = attrRe.get(name);
  if (!re) attrRe.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

const V = /<v>([\s\S]*?)<\/v>/;

function fastRead(data: Buffer, limits: SheetLimits): { headers: string[]; rows: SheetRow[] } {
  const files = unzip(data);
  const read = (name: string) => files.get(name)?.().toString('utf8');
  const workbook = read('xl/workbook.xml');
  const rels = read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new Error('no workbook part');
  const firstSheet = /<sheet\b([^>]*)\/?>/.exec(workbook);
  const rid = firstSheet && attr(firstSheet[1]!, 'r:id');
  const rel = rid ? [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => m[1]!).find((a) => attr(a, 'Id') === rid) : undefined;
  const target = rel && attr(rel, 'Target');
  if (!target) throw new Error('first sheet not found');
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheet = read(sheetPath);
  if (!sheet) throw new Error(`no ${sheetPath}`);
  const sstXml = read('xl/sharedStrings.xml');
  const shared = sstXml ? [...sstXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => textOf(m[1] ?? '')) : [];

  const cellOf = (attrs: string, body: string): Cell => {
    const t = attr(attrs, 't');
    if (t === 'inlineStr') return { text: textOf(body).trim().replace(/^'/, ''), numeric: false };
    const v = V.exec(body)?.[1];
    if (v === undefined) return { text: '', numeric: false };
    if (t === 's') return { text: (shared[Number(v)] ?? '').trim().replace(/^'/, ''), numeric: false };
    if (t === 'str' || t === 'e') return { text: unescapeXml(v).trim().replace(/^'/, ''), numeric: false };
    if (t === 'b') return { text: v === '1' ? 'true' : 'false', numeric: false };
    // A number: the text JavaScript would print (as exceljs gives it), flagged numeric.
    return { text: String(Number(v)), numeric: true };
  };

  const headers: string[] = [];
  const rows: SheetRow[] = [];
  let cellCount = 0;
  let implicitRow = 0;
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNumber = Number(attr(rm[1]!, 'r') ?? implicitRow + 1);
    implicitRow = rowNumber;
    const values: Cell[] = [];
    let implicitCol = -1;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(cm[1]!, 'r');
      const col = ref ? columnIndex(ref) : implicitCol + 1;
      implicitCol = col;
      values[col] = cellOf(cm[1]!, cm[2] ?? '');
    }
    if (rowNumber === 1) {
      for (let i = 0; i < values.length; i++) headers[i] = values[i]?.text ?? '';
      continue;
    }
    if (!headers.length) continue;
    if (rows.length >= limits.maxRows) throw tooManyRows(limits);
    cellCount += headers.length;
    if (cellCount > limits.maxCells) throw tooManyCells(limits);
    const cells = new Map<string, Cell>();
    let any = false;
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i];
      if (!h) continue;
      const c = values[i] ?? { text: '', numeric: false };
      if (c.text !== '') any = true;
      cells.set(h, c);
    }
    if (any) rows.push({ row: rowNumber, cells });
  }
  return { headers: Array.from(headers, (h) => h ?? ''), rows };
}

export async function readFirstSheetFast(data: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<{ headers: string[]; rows: SheetRow[] }> {
  try {
    return fastRead(data, limits);
  } catch (err) {
    if (err instanceof SheetTooLargeError) throw err;
    if (err instanceof TooLarge || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new UnreadableWorkbookError('the workbook is too large');
    // Not understood here (or not a workbook at all): exceljs reads it or names the problem.
    return readFirstSheet(data, limits);
  }
}
