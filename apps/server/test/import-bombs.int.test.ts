/**
 * Excel bombs (issue 14 §5), on both backends through the real import routes: a workbook whose
 * zip declares more than the limit, one whose sheet lies about its size (512 MiB of XML in a
 * sub-megabyte upload), one with more rows or cells than allowed — each refused with
 * IMPORT_TOO_LARGE naming the limit, nothing written, and the server's memory not filled; one
 * import at a time per user (IMPORT_BUSY), a dead server's lock taken over after its lease.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client';
import { readSheet } from '../src/files/read-sheet';
import { SHEET_LIMITS } from '../src/files/sheet-limits';
import { AppError } from '../src/errors';
import { call, describeBackends, signIn } from './harness';
import { expectError, multipart } from './factories';

type Entry = { name: string; raw: Buffer; crc: number; size: number };

/** A zip of deflated parts, with the sizes each part declares (the truth unless told otherwise). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.raw.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.raw);
    centrals.push(central, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const part = (name: string, text: string): Entry => {
  const data = Buffer.from(text, 'utf8');
  return { name, raw: deflateRawSync(data), crc: crc32(data), size: data.length };
};

/** `mib` MiB of a sheet's XML (one row, then spaces), deflated as a stream: a sub-megabyte part. */
async function hugeSheet(mib: number): Promise<{ raw: Buffer; size: number }> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const head = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>机构代码</t></is></c></row>');
  d.write(head);
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < mib; i++) if (!d.write(spaces)) await new Promise((r) => d.once('drain', r));
  const tail = Buffer.from('</sheetData></worksheet>');
  await new Promise<void>((resolve) => d.end(tail, () => resolve()));
  await new Promise((r) => setImmediate(r));
  return { raw: Buffer.concat(out), size: head.length + mib * 1024 * 1024 + tail.length };
}

function workbookParts(sheet: Entry): Entry[] {
  return [
    part('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    part('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    part('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    part('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    sheet,
  ];
}

async function smallWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.addRow(['机构代码', '机构名称']);
  for (let i = 0; i < rows; i++) ws.addRow([`X${i}`, `学校${i}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading an uploaded workbook (read-sheet.ts, in a worker)', () => {
  it('reads a real workbook in either mode', async () => {
    const file = await smallWorkbook(3);
    for (const mode of ['fast', 'exceljs'] as const) {
      const sheet = await readSheet(file, mode);
      expect(sheet.headers).toEqual(['机构代码', '机构名称']);
      expect(sheet.rows.map((r) => r.cells.get('机构名称')?.text)).toEqual(['学校0', '学校1', '学校2']);
    }
  });

  it('brings back a sheet of several batches whole and in order', async () => {
    const file = await smallWorkbook(4_500);
    const sheet = await readSheet(file, 'fast');
    expect(sheet.rows).toHaveLength(4_500);
    expect(sheet.rows.map((r) => r.row)).toEqual(Array.from({ length: 4_500 }, (_, i) => i + 2));
    expect(sheet.rows[4_499]!.cells.get('机构代码')).toEqual({ text: 'X4499', numeric: false });
  });

  it('refuses more rows or cells than allowed, in either mode, naming the limit', async () => {
    const file = await smallWorkbook(10);
    for (const mode of ['fast', 'exceljs'] as const) {
      const rows = await readSheet(file, mode, { ...SHEET_LIMITS, maxRows: 5 }).catch((e: unknown) => e);
      expect(rows).toBeInstanceOf(AppError);
      expect((rows as AppError).details).toMatchObject({ limit: '5 rows' });
      const cells = await readSheet(file, mode, { ...SHEET_LIMITS, maxCells: 7 }).catch((e: unknown) => e);
      expect((cells as AppError).details).toMatchObject({ limit: '7 cells' });
    }
  });

  it('a part that inflates beyond what it declares stops at the lie; a declared giant is refused unread', async () => {
    const { raw, size } = await hugeSheet(64);
    const lying = zip(workbookParts({ name: 'xl/worksheets/sheet1.xml', raw, crc: 0, size: 4096 }));
    const honest = zip(workbookParts({ name: 'xl/worksheets/sheet1.xml', raw, crc: 0, size }));
    for (const mode of ['fast', 'exceljs'] as const) {
      const a = await readSheet(lying, mode).catch((e: unknown) => e);
      expect((a as AppError).code, String(a)).toBe('IMPORT_TOO_LARGE');
      const b = await readSheet(honest, mode, { ...SHEET_LIMITS, maxUnzippedBytes: 32 * 1024 * 1024 }).catch((e: unknown) => e);
      expect((b as AppError).code, String(b)).toBe('IMPORT_TOO_LARGE');
      expect((b as AppError).details).toMatchObject({ limit: '32 MB' });
    }
  });
});

describeBackends('Excel bombs and one import at a time', (env) => {
  let cookie = '';
  let userId = 0;
  beforeAll(async () => {
    cookie = await signIn(env().app, 'district.admin');
    const [u] = await queryRows<{ id: number }>(env().database.db, sql`select id from users where username = 'district.admin'`);
    userId = Number(u!.id);
  });
  const importOrgs = (file: Buffer) => {
    const m = multipart(file, 'bomb.xlsx');
    return call(env().app, cookie, { method: 'POST', url: '/api/organizations/import?dryRun=false', payload: m.payload, headers: m.headers });
  };
  const orgCount = async () => Number((await queryRows<{ n: number }>(env().database.db, sql`select count(*)::int as n from organizations`))[0]!.n);

  it('a 512 MiB sheet in a sub-megabyte upload is refused without filling the memory; nothing is written', async () => {
    const { raw } = await hugeSheet(512);
    expect(raw.length).toBeLessThan(1024 * 1024);
    const bomb = zip(workbookParts({ name: 'xl/worksheets/sheet1.xml', raw, crc: 0, size: 2048 }));
    const before = await orgCount();
    const rss = process.memoryUsage().rss;
    const res = await importOrgs(bomb);
    const details = expectError(res, 413, 'IMPORT_TOO_LARGE');
    expect(details.reason).toContain('声明的大小');
    // The sheet was never inflated past its declared 2 KiB: well under a tenth of the bomb.
    expect(process.memoryUsage().rss - rss).toBeLessThan(48 * 1024 * 1024);
    expect(await orgCount()).toBe(before);
    // The roster import (the fast reader) refuses it too.
    const m = multipart(bomb, 'roster.xlsx');
    const [c] = await queryRows<{ id: number }>(env().database.db, sql`select c.id from campaigns c join organizations d on d.id = c.district_id where d.code = 'D01' and c.year = 2027`);
    const roster = await call(env().app, cookie, { method: 'POST', url: `/api/campaigns/${c!.id}/students/import?dryRun=true`, payload: m.payload, headers: m.headers });
    expectError(roster, 413, 'IMPORT_TOO_LARGE');
  });

  it('one import at a time per user, on any server; a lock past its lease is taken over', async () => {
    const file = await smallWorkbook(1);
    // An import of this user is running on another server.
    await env().database.db.execute(sql`insert into import_locks (user_id, route) values (${userId}, 'POST /api/organizations/import')`);
    expectError(await importOrgs(file), 409, 'IMPORT_BUSY');
    // Another user imports meanwhile.
    const other = await signIn(env().app, 'city.admin');
    const m = multipart(file, 'x.xlsx');
    const res = await call(env().app, other, { method: 'POST', url: '/api/organizations/import?dryRun=true', payload: m.payload, headers: m.headers });
    expect(res.json().error?.code).not.toBe('IMPORT_BUSY');
    // That server died ten minutes ago: the lock is taken over, and given back with the answer.
    await env().database.db.execute(sql`update import_locks set started_at = now() - interval '11 minutes' where user_id = ${userId}`);
    const taken = await importOrgs(file);
    expect(taken.json().error?.code).not.toBe('IMPORT_BUSY');
    const left = await queryRows<{ n: number }>(env().database.db, sql`select count(*)::int as n from import_locks`);
    expect(Number(left[0]!.n)).toBe(0);
    // Back to back, the client's next import never meets its own lock.
    for (let i = 0; i < 3; i++) expect((await importOrgs(file)).json().error?.code).not.toBe('IMPORT_BUSY');
  });
});
