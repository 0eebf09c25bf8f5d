/**
 * The worker thread that reads an uploaded workbook (files/read-sheet.ts): the zip checked
 * against the limits, then the first sheet read (the fast reader, or exceljs). The server's event
 * loop stays free for other requests while a 100,000-row file is parsed, and a workbook that
 * still exhausts the memory kills this thread (its heap is capped), not the server.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFirstSheet, UnreadableWorkbookError } from './excel';
import { readFirstSheetFast } from './xlsx-fast';
import { SheetTooLargeError, type SheetLimits } from './sheet-limits';
import { checkZip } from './zip-guard';

export type SheetJob = { data: Uint8Array; mode: 'fast' | 'exceljs'; limits: SheetLimits };
/** A batch of rows as plain arrays (cheap to clone): the row number, each header's text, the indexes of numeric cells. */
export type RowBatch = Array<[number, string[], number[]]>;
export type SheetMessage =
  | { kind: 'headers'; headers: string[] }
  | { kind: 'rows'; rows: RowBatch }
  | { kind: 'done' }
  | { kind: 'too_large'; reason: { zh: string; en: string; limit: string } }
  | { kind: 'unreadable'; message: string };

/**
 * Rows go back in batches, one at a time (the server asks for the next when it is ready): each is
 * a task of its own on the server's event loop, so turning a 100,000-row sheet back into objects
 * never holds the loop for long. (A port delivers every queued message in one go.)
 */
export const BATCH = 2_000;

async function run(job: SheetJob, post: (m: SheetMessage) => void, next: () => Promise<void>): Promise<void> {
  const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  try {
    checkZip(data, job.limits);
    const sheet = job.mode === 'fast' ? await readFirstSheetFast(data, job.limits) : await readFirstSheet(data, job.limits);
    post({ kind: 'headers', headers: sheet.headers });
    for (let i = 0; i < sheet.rows.length; i += BATCH) {
      // One batch in flight: the server asks for the next once it has taken this one in.
      if (i > 0) await next();
      post({
        kind: 'rows',
        rows: sheet.rows.slice(i, i + BATCH).map((r) => {
          const texts: string[] = [];
          const numeric: number[] = [];
          sheet.headers.forEach((h, k) => {
            const c = h ? r.cells.get(h) : undefined;
            texts.push(c?.text ?? '');
            if (c?.numeric) numeric.push(k);
          });
          return [r.row, texts, numeric];
        }),
      });
    }
    post({ kind: 'done' });
  } catch (err) {
    if (err instanceof SheetTooLargeError) post({ kind: 'too_large', reason: err.reason });
    else post({ kind: 'unreadable', message: (err as Error).message });
  }
}

if (parentPort && workerData) {
  const port = parentPort;
  const next = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
  await run(workerData as SheetJob, (m) => port.postMessage(m), next);
}
