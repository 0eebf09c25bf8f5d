/**
 * Imports majors from the majors workbook (majors-excel.ts). Rows are matched by 学校代码 +
 * 专业代码: known majors are updated, new ones created. Every row is checked first and every
 * bad row reported (row, column, reason); nothing is written when any row is bad.
 */
import { eq } from 'drizzle-orm';
import type { ImportResult, ImportRowError, Locale } from '@zhizhao/contracts';
import type { FeeItem, MajorCategory } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { allianceMembers, campuses, majors, organizations } from '../../db/schema';
import { canManageSchool } from '../../auth/brochure-policy';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { readUploadedSheet } from '../../files/upload';
import type { SheetRow } from '../../files/excel';
import { campusProblem } from './save-major';
import { comparable } from './queries';
import { categoryLabels, majorHeader, parseFees, type MajorColumnKey } from './majors-excel';

type Values = { organizationId: number; campusId: number; code: string; name: string; category: MajorCategory; lengthYears: number; internship: string; fees: FeeItem[]; aidPolicy: string; active: boolean };
type Planned = { row: number; values: Values; before: typeof majors.$inferSelect | undefined };

const categoryOf = new Map<string, MajorCategory>([[categoryLabels.art, 'art'], [categoryLabels.general, 'general'], ['art', 'art'], ['general', 'general']]);

export async function importMajors(deps: AppDeps, ctx: RequestContext, read: () => Promise<Buffer>, opts: { dryRun: boolean; locale: Locale }): Promise<ImportResult> {
  const sheet = await readUploadedSheet(read);
  const say = (zh: string, en: string) => (opts.locale === 'en-US' ? en : zh);
  const errors: ImportRowError[] = [];
  const required: MajorColumnKey[] = ['schoolCode', 'code', 'name', 'category', 'campus', 'lengthYears', 'internship', 'fees'];
  for (const key of required) if (!sheet.headers.includes(majorHeader[key])) errors.push({ row: 1, column: majorHeader[key], reason: say('缺少必填列', 'required column missing') });
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });

  const schools = new Map((await deps.db.select().from(organizations).where(eq(organizations.kind, 'vocational_school'))).map((o) => [o.code, o]));
  const existing = await deps.db.select().from(majors);
  const allCampuses = await deps.db.select().from(campuses);
  const members = await deps.db.select().from(allianceMembers);
  const planned: Planned[] = [];
  const seen = new Map<string, number>();

  for (const r of sheet.rows) {
    const get = (key: MajorColumnKey) => cell(r, majorHeader[key]);
    const bad = (key: MajorColumnKey, zh: string, en: string) => errors.push({ row: r.row, column: majorHeader[key], reason: say(zh, en) });
    const before = errors.length;
    const school = schools.get(get('schoolCode'));
    if (!school) bad('schoolCode', '找不到该中职学校代码', 'no vocational school has this code');
    else if (!canManageSchool(ctx.actor!, 'major.write', school)) bad('schoolCode', '无权维护该校的专业', 'you may not keep this school\'s majors');
    const code = get('code');
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) bad('code', '须为 1–20 位字母、数字、_ 或 -', 'must be 1–20 letters, digits, _ or -');
    const key = `${get('schoolCode')}/${code}`;
    if (seen.has(key)) bad('code', `与第 ${seen.get(key)} 行重复`, `duplicates row ${seen.get(key)}`);
    seen.set(key, r.row);
    const name = get('name');
    if (name.length < 2 || name.length > 60) bad('name', '须为 2–60 个字符', 'must be 2–60 characters');
    const category = categoryOf.get(get('category'));
    if (!category) bad('category', '须为 艺术类 或 非艺术类', 'must be 艺术类 (art) or 非艺术类 (general)');
    const lengthYears = Number(get('lengthYears'));
    if (!Number.isInteger(lengthYears) || lengthYears < 1 || lengthYears > 6) bad('lengthYears', '学制须为 1–6 的整数', 'must be a whole number of years, 1–6');
    const internship = get('internship');
    if (!internship || internship.length > 200) bad('internship', '须填写实习期（不超过 200 字）', 'required, at most 200 characters');
    const fees = parseFees(get('fees'));
    if (!fees || fees.length === 0 || fees.length > 20) bad('fees', '须填写收费项目及标准，每项“名称 金额 单位”，用“；”分隔', 'required: items "name amount unit" separated by "；"');
    const aidPolicy = get('aidPolicy');
    if (aidPolicy.length > 2000) bad('aidPolicy', '过长', 'too long');
    const activeText = get('active');
    if (activeText && activeText !== '启用' && activeText !== '停用') bad('active', '须为 启用 或 停用', 'must be 启用 (active) or 停用 (inactive)');

    let campusId: number | undefined;
    if (school && category) {
      // A campus of the school, or of a fellow member of its joint enrollment (R3).
      const allianceId = members.find((m) => m.organizationId === school.id)?.allianceId;
      const owners = new Set(allianceId ? members.filter((m) => m.allianceId === allianceId).map((m) => m.organizationId) : [school.id]);
      campusId = allCampuses.find((c) => owners.has(c.organizationId) && c.name === get('campus'))?.id;
      if (!campusId) bad('campus', '找不到该校区名称', 'no such campus');
      else {
        const problem = await campusProblem(deps.db, school, campusId, category);
        if (problem) bad('campus', problem.zh, problem.en);
      }
    }
    if (errors.length === before && school && category && fees && campusId) {
      const values: Values = { organizationId: school.id, campusId, code, name, category, lengthYears, internship, fees, aidPolicy, active: activeText !== '停用' };
      planned.push({ row: r.row, values, before: existing.find((m) => m.organizationId === school.id && m.code === code) });
    }
  }

  const changed = planned.filter((p) => !p.before || Object.keys(diff(comparable(p.before), p.values)).length > 0);
  const created = planned.filter((p) => !p.before).length;
  const result: ImportResult = { dryRun: opts.dryRun, created, updated: changed.length - created, unchanged: planned.length - changed.length, errors };
  if (opts.dryRun) return result;
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });
  await deps.db.transaction(async (tx) => {
    for (const p of changed) {
      if (!p.before) {
        const [row] = await tx.insert(majors).values(p.values).returning({ id: majors.id });
        await writeAudit(tx, ctx, { action: 'major.create', objectType: 'major', objectId: row!.id, changes: { created: p.values, source: 'import', row: p.row }, organizationId: p.values.organizationId });
      } else {
        const changes = diff(comparable(p.before), p.values);
        await tx.update(majors).set({ ...p.values, updatedAt: new Date() }).where(eq(majors.id, p.before.id));
        await writeAudit(tx, ctx, { action: 'major.update', objectType: 'major', objectId: p.before.id, changes: { ...changes, source: 'import', row: p.row }, organizationId: p.values.organizationId });
      }
    }
    await writeAudit(tx, ctx, { action: 'major.import', objectType: 'major', objectId: null, changes: { created: result.created, updated: result.updated, unchanged: result.unchanged } });
  });
  return result;
}

function cell(r: SheetRow, header: string): string {
  return r.cells.get(header)?.text ?? '';
}
