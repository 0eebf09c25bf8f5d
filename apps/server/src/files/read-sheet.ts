/**
 * Every uploaded workbook is read here (issue 14 §5): in a worker thread with a capped heap and a
 * time limit, after its zip is checked (declared sizes, compression ratio, each part inflated no
 * further than it declares) and with caps on rows and cells. `fast` is the fast reader for the
 * large files (roster, scores; exceljs when it does not understand the file); `exceljs` the full
 * reader for the small master-data files, with tighter limits. A workbook beyond a limit answers
 * IMPORT_TOO_LARGE naming the limit; an unreadable one UnreadableWorkbookError, which each import
 * turns into IMPORT_UNREADABLE as before.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { UnreadableWorkbookError, type SheetRow } from './excel';
import { SHEET_LIMITS, type SheetLimits } from './sheet-limits';
import type { SheetJob, SheetMessage } from './sheet-worker';

/** The master-data imports (directory, majors, seats, qualifications, targets, the general-high list) are small. */
const EXCELJS_LIMITS: SheetLimits = { ...SHEET_LIMITS, maxUnzippedBytes: 48 * 1024 * 1024, maxRows: 60_000, maxCells: 1_500_000 };
const WORKER_HEAP_MB = 1024;
const WORKER_TIMEOUT_MS = 120_000;

// The worker runs the TypeScript source like the server (tsx), registered inside the thread.
const bootstrap = `const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(new URL('./sheet-worker.ts', import.meta.url).href)});`;

export async function readSheet(data: Buffer, mode: 'fast' | 'exceljs', limits?: SheetLimits): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const job: SheetJob = { data, mode, limits: limits ?? (mode === 'fast' ? SHEET_LIMITS : EXCELJS_LIMITS) };
  let headers: string[] = [];
  const rows: SheetRow[] = [];
  const answer = await new Promise<Exclude<SheetMessage, { kind: 'headers' } | { kind: 'rows' }>>((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const finish = (m: Exclude<SheetMessage, { kind: 'headers' } | { kind: 'rows' }>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(m);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ kind: 'too_large', reason: { zh: '文件读取超时', en: 'the file took too long to read', limit: `${WORKER_TIMEOUT_MS / 1000} s` } }), WORKER_TIMEOUT_MS);
    worker.on('message', (m: SheetMessage) => {
      if (m.kind === 'headers') headers = m.headers;
      else if (m.kind === 'rows') {
        // One batch per task: the event loop serves other requests between batches.
        for (const [row, texts, numeric] of m.rows) {
          const cells = new Map<string, { text: string; numeric: boolean }>();
          headers.forEach((h, k) => {
            if (h) cells.set(h, { text: texts[k] ?? '', numeric: numeric.includes(k) });
          });
          rows.push({ row, cells });
        }
        // Ask for the next batch after the loop has had its turn.
        setImmediate(() => worker.postMessage('next'));
      } else finish(m);
    });
    worker.once('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ kind: 'too_large', reason: { zh: '文件过大，读取时超出内存上限', en: 'the file exhausted the memory allowed for reading it', limit: `${WORKER_HEAP_MB} MB` } });
      else if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(err);
      }
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`the sheet reader stopped (exit ${code})`));
    });
  });
  if (answer.kind === 'done') return { headers, rows };
  if (answer.kind === 'too_large') throw new AppError('IMPORT_TOO_LARGE', { reason: answer.reason.zh, reasonEn: answer.reason.en, limit: answer.reason.limit });
  throw new UnreadableWorkbookError(answer.message);
}
