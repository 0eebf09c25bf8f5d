/**
 * Small helpers shared by the integration tests: ids by code/username, error and audit
 * assertions, Excel workbooks and hand-built multipart uploads.
 */
import ExcelJS from 'exceljs';
import { and, asc, count, desc, eq, gt } from 'drizzle-orm';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { audit, organizations, users } from '../src/db/schema';
import { call, signIn, type TestEnv } from './harness';
import { flushAuditQueue } from '../src/audit/write-audit';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The directory template's header row, in order. */
export const DIRECTORY_HEADERS = ['机构代码', '机构名称', '类型', '上级机构代码', '所在区代码', '举办者', '办学性质', '地址', '联系人', '联系电话', '状态'];

/** Asserts the error envelope: status and code; returns the details. */
export function expectError(res: LightMyRequestResponse, status: number, code: string): any {
  expect({ status: res.statusCode, code: res.json()?.error?.code }, res.body).toEqual({ status, code });
  return res.json().error.details;
}

export async function orgId(env: TestEnv, code: string): Promise<number> {
  const [row] = await env.database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code));
  if (!row) throw new Error(`no organisation ${code}`);
  return row.id;
}

export async function userId(env: TestEnv, username: string): Promise<number> {
  const [row] = await env.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export async function countOrgs(env: TestEnv): Promise<number> {
  const [row] = await env.database.db.select({ n: count() }).from(organizations);
  return Number(row!.n);
}

/** The current head of the audit chain: pass it to `auditSince` to see only newer events. */
export async function auditMark(env: TestEnv): Promise<number> {
  await flushAuditQueue(env.database.db);
  const [row] = await env.database.db.select({ seq: audit.seq }).from(audit).orderBy(desc(audit.seq)).limit(1);
  return row?.seq ?? 0;
}

export async function auditSince(env: TestEnv, mark: number, action?: string) {
  // Queued events (ADR 0006) are chained first, as the audit page does.
  await flushAuditQueue(env.database.db);
  return env.database.db
    .select()
    .from(audit)
    .where(and(gt(audit.seq, mark), action ? eq(audit.action, action) : undefined))
    .orderBy(asc(audit.seq));
}

/** The one audit event of `action` written since `mark` (fails on none or several). */
export async function oneAudit(env: TestEnv, mark: number, action: string) {
  const rows = await auditSince(env, mark, action);
  expect(rows.map((r) => r.action), `audit events ${action} since ${mark}`).toEqual([action]);
  return rows[0]!;
}

export type Row = Partial<Record<(typeof DIRECTORY_HEADERS)[number], string | number>>;

/** A workbook with the directory header row and one line per row (cells as given: strings stay text). */
export async function directoryWorkbook(rows: Row[], headers = DIRECTORY_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('机构名录');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet as objects keyed by the header row. */
export async function readSheet(data: Buffer | string): Promise<{ headers: string[]; rows: Array<Record<string, string>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((typeof data === 'string' ? Buffer.from(data, 'binary') : data) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, string>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).text])));
  });
  return { headers, rows };
}

/** A multipart/form-data body with one file field, built by hand. */
export function multipart(file: Buffer, filename = 'x.xlsx', contentType = XLSX, field = 'file') {
  const boundary = `----zhizhao${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Signed-in clients by username: `(await as('district.admin')).get(url)`. */
export function clients(env: () => Pick<TestEnv, 'app'>) {
  return async (username: string) => {
    const cookie = await signIn(env().app, username);
    const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, payload?: object) => call(env().app, cookie, { method, url, ...(payload ? { payload } : {}) });
    return { get: send('GET'), post: send('POST'), put: send('PUT'), patch: send('PATCH'), del: send('DELETE') };
  };
}
