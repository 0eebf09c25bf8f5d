/**
 * The 100,000-student roster: a district workbook (学校代码 first, as the bureau's template)
 * written with exceljs's streaming writer, ID numbers and exam numbers as text cells, and the
 * import use case the route calls (features/students/import-students.ts: every row checked —
 * GB 11643, gender, duplicates in the file and against the roster, phones — then bulk writes).
 * Baseline: reading the same workbook with exceljs alone (load + visit every cell).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { actorByUsername } from '@zhizhao/server/auth/actor';
import type { AppDeps } from '@zhizhao/server/deps';
import { importStudents, type StudentImportResult } from '@zhizhao/server/features/students/import-students';
import { rosterColumns } from '@zhizhao/server/features/students/roster-excel';
import { demoRoster } from '@zhizhao/server/seed/demo-people';
import type { District } from './setup';

/** Writes `n` students spread evenly over the district's junior highs; returns the file's bytes. */
export async function writeRosterWorkbook(district: District, n: number): Promise<Buffer> {
  const per = Math.ceil(n / district.schools.length);
  const schools = district.schools.map((s, i) => ({ code: s.code, graduates: Math.min(per, Math.max(0, n - i * per)), examPrefix: `28${String(i + 1).padStart(3, '0')}` }));
  // Area 990201: not the demo's 990101, so no ID number collides with the demo's roster.
  const rows = demoRoster(schools, { seed: 99, area: '990201', hukouDistrict: '示例区' });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zz-bench-')), 'roster.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('学生名册');
  ws.addRow(rosterColumns.map((c) => c.header)).commit();
  for (const r of rows) {
    ws.addRow([r.schoolCode, r.name, r.gender === 'male' ? '男' : '女', '居民身份证', r.idNumber, r.examNo, r.className, '应届', r.hukouDistrict, r.guardianName, r.guardianRelation, r.guardianPhone]).commit();
  }
  ws.commit();
  await wb.commit();
  const bytes = fs.readFileSync(file);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return bytes;
}

/** exceljs alone: load the workbook and touch every cell (what any import must at least do). */
export async function readWithExcelJs(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let cells = 0;
  wb.worksheets[0]!.eachRow((row) => row.eachCell(() => void cells++));
  return cells;
}

export async function importRoster(deps: AppDeps, campaignId: number, bytes: Buffer): Promise<StudentImportResult> {
  const ctx = { actor: await actorByUsername(deps.db, 'district.admin'), requestId: null, ip: null };
  return importStudents(deps, ctx, campaignId, bytes, { dryRun: false, skipInvalid: false, locale: 'zh-CN' });
}
