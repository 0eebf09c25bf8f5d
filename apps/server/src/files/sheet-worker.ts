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
export type SheetAnswer =
  | { ok: true; headers: string[]; rows: Array<{ row: number; cells: Map<string, { text: string; numeric: boolean }> }> }
  | { ok: false; kind: 'too_large'; reason: { zh: string; en: string; limit: string } }
  | { ok: false; kind: 'unreadable'; message: string };

async function run(job: SheetJob): Promise<SheetAnswer> {
  const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  try {
    checkZip(data, job.limits);
    const sheet = job.mode === 'fast' ? await readFirstSheetFast(data, job.limits) : await readFirstSheet(data, job.limits);
    return { ok: true, ...sheet };
  } catch (err) {
    if (err instanceof SheetTooLargeError) return { ok: false, kind: 'too_large', reason: err.reason };
    if (err instanceof UnreadableWorkbookError) return { ok: false, kind: 'unreadable', message: err.message };
    return { ok: false, kind: 'unreadable', message: (err as Error).message };
  }
}

if (parentPort && workerData) {
  parentPort.postMessage(await run(workerData as SheetJob));
}
