/**
 * Imports a roster from Excel (a junior high its own; a district bureau any of its junior highs,
 * named per row by 学校代码). Every row is checked first and every bad row reported (row, column,
 * reason): GB 11643 and the gender, a numeric ID cell (Excel corrupts 18 digits), duplicates inside
 * the file, the guardian's phone, 应届/往届. Upsert by exam number: a student of the same junior
 * high is updated, one on another junior high's roster is refused (转学 instead); students absent
 * from the file are never deleted. Nothing is written when any row is bad unless `skipInvalid`; a
 * dry run writes nothing. Bulk writes (write-roster.ts) keep 100k rows within seconds; one audit
 * event per import (counts, file SHA-256, source — no personal data).
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { idTypeLabels, idTypes, type IdType } from '@zhizhao/domain';
import type { ImportRowError, Locale } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable } from '../../db/client';
import { students } from '../../db/schema';
import { canStudent } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { UnreadableWorkbookError, type SheetRow } from '../../files/excel';
import { readSheet } from '../../files/read-sheet';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import { juniorHighs } from '../targets/queries';
import { rosterCampaign } from './campaign-scope';
import { checkIdentity, checkPhone, guardianUsername, idHashOf, normalizeExamNo, normalizePhone, phoneHashOf, studentUsername, type StudentInput } from './fields';
import { rosterHeader, type RosterKey } from './roster-excel';
import { insertStudents, updateStudents, type NewStudent, type StudentUpdate } from './write-roster';

export type StudentImportResult = { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number; skipped: number; errors: ImportRowError[] };
type Opts = { dryRun: boolean; skipInvalid: boolean; locale: Locale };

const idTypeOf = new Map<string, IdType>(idTypes.flatMap((t) => [[idTypeLabels[t].zh, t], [t, t]] as Array<[string, IdType]>));
idTypeOf.set('身份证', 'resident_id');
const genderOf = new Map<string, 'male' | 'female'>([['男', 'male'], ['女', 'female'], ['male', 'male'], ['female', 'female']]);
const cohortOf = new Map<string, 'current' | 'past'>([['', 'current'], ['应届', 'current'], ['往届', 'past'], ['current', 'current'], ['past', 'past']]);

type Existing = { id: number; juniorHighId: number | null; idHash: string; phoneHash: string } & Omit<StudentInput, 'idNumber' | 'guardianPhone'>;
type Parsed = { row: number; juniorHighId: number; input: StudentInput; idHash: string };

async function existingOf(db: Queryable, campaignId: number) {
  const rows = await db
    .select({
      id: students.id, juniorHighId: students.juniorHighId, idHash: students.idHash, phoneHash: students.phoneHash, name: students.name, gender: students.gender,
      idType: students.idType, examNo: students.examNo, className: students.className, cohort: students.cohort, hukouDistrict: students.hukouDistrict,
      guardianName: students.guardianName, guardianRelation: students.guardianRelation,
    })
    .from(students)
    .where(eq(students.campaignId, campaignId));
  return { byExam: new Map(rows.map((r) => [r.examNo, r as Existing])), byIdHash: new Map(rows.map((r) => [r.idHash, r as Existing])) };
}

export async function importStudents(deps: AppDeps, ctx: RequestContext, campaignId: number, file: Buffer, opts: Opts): Promise<StudentImportResult> {
  const actor = ctx.actor!;
  const c = await rosterCampaign(deps.db, actor, campaignId, 'student.write');
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(file, 'fast');
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw new AppError('IMPORT_UNREADABLE', { reason: err.message });
    throw err;
  }
  const say = (zh: string, en: string) => (opts.locale === 'en-US' ? en : zh);
  const byBureau = actor.orgKind !== 'junior_high';
  const errors: ImportRowError[] = [];
  const required: RosterKey[] = ['name', 'gender', 'idNumber', 'examNo', 'guardianName', 'guardianRelation', 'guardianPhone', ...(byBureau ? (['schoolCode'] as const) : [])];
  for (const key of required) if (!sheet.headers.includes(rosterHeader[key])) errors.push({ row: 1, column: rosterHeader[key], reason: say('缺少必填列', 'required column missing') });
  if (errors.length) return finish(deps, ctx, campaignId, file, { rows: sheet.rows.length, created: [], updates: [], unchanged: 0, errors }, opts);

  // The junior highs rows may name: the actor's own, or the district's (the bureau's scope is checked per school).
  const district = refOf(c.district);
  const schools = new Map((await juniorHighs(deps.db, c.district.id)).map((s) => [s.code, s]));
  const own = [...schools.values()].find((s) => s.id === actor.organizationId);
  if (!byBureau && !own) throw new AppError('STUDENT_NOT_A_JUNIOR_HIGH', { juniorHighId: actor.organizationId });
  const existing = await existingOf(deps.db, campaignId);
  const seenExam = new Map<string, number>();
  const seenId = new Map<string, number>();
  const parsed: Parsed[] = [];

  for (const r of sheet.rows) {
    const before = errors.length;
    const bad = (key: RosterKey, zh: string, en: string) => errors.push({ row: r.row, column: rosterHeader[key], reason: say(zh, en) });
    const p = parseRow(r, bad);
    let juniorHighId = own?.id ?? 0;
    if (byBureau) {
      const code = text(r, 'schoolCode');
      const s = schools.get(code);
      if (!code) bad('schoolCode', '必填', 'required');
      else if (!s) bad('schoolCode', `找不到本区启用的初中学校代码 ${code}`, `no active junior high of the district has code ${code}`);
      else if (!canStudent(actor, 'student.write', { juniorHighId: s.id, district })) bad('schoolCode', '无权导入该校名册', 'you may not import this school\'s roster');
      else juniorHighId = s.id;
    }
    if (p) {
      const idHash = idHashOf(deps.pii, p.idType, p.idNumber);
      const dupExam = seenExam.get(p.examNo);
      const dupId = seenId.get(idHash);
      if (dupExam) bad('examNo', `与第 ${dupExam} 行的中考报名号重复`, `same exam number as row ${dupExam}`);
      else seenExam.set(p.examNo, r.row);
      if (dupId) bad('idNumber', `与第 ${dupId} 行的证件号码重复`, `same ID number as row ${dupId}`);
      else seenId.set(idHash, r.row);
      const known = existing.byExam.get(p.examNo);
      if (known && juniorHighId && known.juniorHighId !== juniorHighId) bad('examNo', '该生在另一所初中的名册中，请办理转学', 'the student is on another junior high\'s roster: transfer instead');
      const holder = existing.byIdHash.get(idHash);
      if (holder && holder.examNo !== p.examNo) bad('idNumber', '该证件号码已在本招生活动的名册中（另一个中考报名号）', 'this ID number is on the roster under another exam number');
      if (errors.length === before) parsed.push({ row: r.row, juniorHighId, input: p, idHash });
    }
  }

  // New exam numbers must be free as sign-in names (users.username is unique across the system).
  const fresh = parsed.filter((x) => !existing.byExam.has(x.input.examNo));
  const taken = await takenUsernames(deps.db, fresh.flatMap((x) => [studentUsername(x.input.examNo), guardianUsername(x.input.examNo)]));
  const good: Parsed[] = [];
  for (const x of parsed) {
    if (!existing.byExam.has(x.input.examNo) && (taken.has(studentUsername(x.input.examNo)) || taken.has(guardianUsername(x.input.examNo)))) {
      errors.push({ row: x.row, column: rosterHeader.examNo, reason: say('该中考报名号已被其他账号用作登录名', 'this exam number is already another account\'s sign-in name') });
    } else good.push(x);
  }
  errors.sort((a, b) => a.row - b.row);

  const created: NewStudent[] = [];
  const updates: StudentUpdate[] = [];
  let unchanged = 0;
  for (const x of good) {
    const known = existing.byExam.get(x.input.examNo);
    if (!known) {
      created.push({ ...x.input, juniorHighId: x.juniorHighId, idHash: x.idHash });
      continue;
    }
    const idChanged = known.idHash !== x.idHash;
    const phoneChanged = known.phoneHash !== phoneHashOf(deps.pii, x.input.guardianPhone);
    const same = (['name', 'gender', 'idType', 'className', 'cohort', 'hukouDistrict', 'guardianName', 'guardianRelation'] as const).every((k) => known[k] === x.input[k]);
    if (same && !idChanged && !phoneChanged) unchanged++;
    else updates.push({ id: known.id, input: x.input, idChanged, phoneChanged });
  }
  return finish(deps, ctx, campaignId, file, { rows: sheet.rows.length, created, updates, unchanged, errors, juniorHighId: byBureau ? null : (own?.id ?? null) }, opts);
}

function text(r: SheetRow, key: RosterKey): string {
  return r.cells.get(rosterHeader[key])?.text ?? '';
}

/** One row's fields, or null when any is bad (each problem reported through `bad`). */
function parseRow(r: SheetRow, bad: (key: RosterKey, zh: string, en: string) => void): StudentInput | null {
  let ok = true;
  const fail = (key: RosterKey, zh: string, en: string) => {
    ok = false;
    bad(key, zh, en);
  };
  const name = text(r, 'name');
  if (!name || name.length > 40) fail('name', '姓名必填，最多40个字符', 'required, at most 40 characters');
  const gender = genderOf.get(text(r, 'gender'));
  if (!gender) fail('gender', '性别须为 男 或 女', 'must be 男 (male) or 女 (female)');
  const idTypeText = text(r, 'idType');
  const idType = idTypeText ? idTypeOf.get(idTypeText) : 'resident_id';
  if (!idType) fail('idType', `证件类型须为：${Object.values(idTypeLabels).map((l) => l.zh).join('、')}`, 'unknown document type');
  const idCell = r.cells.get(rosterHeader.idNumber);
  const idNumber = idCell?.text ?? '';
  let normalized = '';
  if (!idNumber) fail('idNumber', '证件号码必填', 'required');
  else if (idCell?.numeric) fail('idNumber', '证件号码单元格是数字格式，Excel 已把长号码改坏：请把该列设为文本格式后重新填写', 'the cell is a number: Excel corrupts long numbers; format the column as text and type it again');
  else if (idType && gender) {
    const id = checkIdentity({ idType, idNumber, gender });
    if (id.ok) normalized = id.normalized;
    else for (const p of id.problems) fail(p.field === 'gender' ? 'gender' : 'idNumber', p.zh, p.en);
  }
  const examCell = r.cells.get(rosterHeader.examNo);
  const examNo = normalizeExamNo(examCell?.text ?? '');
  if (!/^[A-Z0-9-]{4,20}$/.test(examNo) || (examCell?.numeric && !/^\d+$/.test(examNo))) fail('examNo', '中考报名号必填，为4至20位字母、数字或 -', 'required: 4–20 letters, digits or -');
  const className = text(r, 'className');
  if (className.length > 40) fail('className', '班级最多40个字符', 'at most 40 characters');
  const cohort = cohortOf.get(text(r, 'cohort'));
  if (!cohort) fail('cohort', '应届/往届 须为 应届 或 往届', 'must be 应届 (current) or 往届 (past)');
  const hukouDistrict = text(r, 'hukouDistrict');
  if (hukouDistrict.length > 40) fail('hukouDistrict', '最多40个字符', 'at most 40 characters');
  const guardianName = text(r, 'guardianName');
  if (!guardianName || guardianName.length > 40) fail('guardianName', '监护人姓名必填，最多40个字符', 'required, at most 40 characters');
  const guardianRelation = text(r, 'guardianRelation');
  if (!guardianRelation || guardianRelation.length > 20) fail('guardianRelation', '与学生关系必填（如 父亲、母亲），最多20个字符', 'required (e.g. father, mother), at most 20 characters');
  const guardianPhone = normalizePhone(text(r, 'guardianPhone'));
  if (!guardianPhone) fail('guardianPhone', '监护人电话必填', 'required');
  else {
    const p = checkPhone(guardianPhone);
    if (p) fail('guardianPhone', p.zh, p.en);
  }
  if (!ok) return null;
  return { name, gender: gender!, idType: idType!, idNumber: normalized, examNo, className, cohort: cohort!, hukouDistrict, guardianName, guardianRelation, guardianPhone };
}

async function takenUsernames(db: Queryable, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  // One array parameter (STACK.md: inArray would send one parameter per name).
  const rows = await queryRows<{ username: string }>(db, sql`select username from users where username = any(${sql.param(names)}::text[])`);
  return new Set(rows.map((r) => r.username));
}

type Plan = { rows: number; created: NewStudent[]; updates: StudentUpdate[]; unchanged: number; errors: ImportRowError[]; juniorHighId?: number | null };

async function finish(deps: AppDeps, ctx: RequestContext, campaignId: number, file: Buffer, plan: Plan, opts: Opts): Promise<StudentImportResult> {
  const skipped = new Set(plan.errors.map((e) => e.row)).size;
  const result = { dryRun: opts.dryRun, rows: plan.rows, created: plan.created.length, updated: plan.updates.length, unchanged: plan.unchanged, skipped, errors: plan.errors };
  if (opts.dryRun) return result;
  if (plan.errors.length && !opts.skipInvalid) throw new AppError('IMPORT_INVALID', { errors: plan.errors });
  await deps.db.transaction(async (tx) => {
    await insertStudents(tx, deps.pii, campaignId, plan.created);
    await updateStudents(tx, deps.pii, plan.updates);
    await writeAudit(tx, ctx, {
      action: 'student.import', objectType: 'campaign', objectId: campaignId,
      changes: {
        rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged, skipped,
        fileSha256: createHash('sha256').update(file).digest('hex'),
        juniorHighId: plan.juniorHighId ?? null,
        juniorHighIds: [...new Set([...plan.created.map((c) => c.juniorHighId)])],
      },
      organizationId: plan.juniorHighId ?? ctx.actor!.organizationId,
    });
  });
  return result;
}
