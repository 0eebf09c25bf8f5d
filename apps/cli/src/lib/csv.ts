/**
 * A small RFC 4180 CSV reader for CLI inputs: UTF-8 with or without BOM, LF or CRLF,
 * quoted fields with "" escapes and embedded newlines. Every record keeps the 1-based
 * line number where it starts, so errors can name `file:line`.
 * (Hot paths over millions of rows use a byte-level reader of their own.)
 */
export type CsvRecord = { line: number; fields: string[] };

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new CsvError(start, 'unterminated quoted field');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw new CsvError(line, 'text after a closing quote');
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      }
      fields.push(field);
      field = '';
      if (i >= n) endOfRecord = true;
      else if (text[i] === ',') i++;
      else {
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        endOfRecord = true;
      }
    }
    // Blank lines are skipped (a trailing newline is not a record).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}

/** Quotes a field when needed. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/** Header lookup: maps column names (trimmed, case-insensitive) to indexes; reports missing required columns. */
export function headerIndex(header: string[], required: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => index.set(h.trim().toLowerCase(), i));
  const missing = required.filter((r) => !index.has(r));
  if (missing.length) throw new CsvError(1, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return index;
}
