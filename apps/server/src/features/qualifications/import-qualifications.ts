/**
 * Imports a year's provincial qualification list (R4) from Excel: 学校代码 / 学校名称 /
 * 是否具备资格 / 文件依据. Every bad row is reported (row, column, reason); nothing is written
 * when any row is bad. Each changed school gets its own audit event, as when set one by one.
 */
import { eq } from 'drizzle-orm';
import type { ImportResult, ImportRowError, Locale } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { organizations, qualifications } from '../../db/schema';
import { can } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { readUploadedSheet } from '../../files/upload';
import { refOf } from '../organizations/queries';
import { qualificationColumns } from './qualifications';

type Key = (typeof qualificationColumns)[number]['key'];
const header = Object.fromEntries(qualificationColumns.map((c) => [c.key, c.header])) as Record<Key, string>;
const YES = new Set(['是', '具备', 'Y', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '不具备', 'N', 'n', 'no', 'false', '0']);

export async function importQualifications(deps: AppDeps, ctx: RequestContext, year: number, read: () => Promise<Buffer>, opts: { dryRun: boolean; locale: Locale }): Promise<ImportResult> {
  const sheet = await readUploadedSheet(read);
  const say = (zh: string, en: string) => (opts.locale === 'en-US' ? en : zh);
  const errors: ImportRowError[] = [];
  for (const key of ['code', 'qualified'] as const) if (!sheet.headers.includes(header[key])) errors.push({ row: 1, column: header[key], reason: say('缺少必填列', 'required column missing') });
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });

  const schools = new Map((await deps.db.select().from(organizations).where(eq(organizations.kind, 'vocational_school'))).map((o) => [o.code, o]));
  const current = new Map((await deps.db.select().from(qualifications).where(eq(qualifications.year, year))).map((q) => [q.organizationId, q]));
  const planned: Array<{ row: number; organizationId: number; qualified: boolean; note: string; before: { qualified: boolean; note: string } | undefined }> = [];
  const seen = new Map<string, number>();
  for (const r of sheet.rows) {
    const get = (key: Key) => r.cells.get(header[key])?.text ?? '';
    const bad = (key: Key, zh: string, en: string) => errors.push({ row: r.row, column: header[key], reason: say(zh, en) });
    const before = errors.length;
    const code = get('code');
    const school = schools.get(code);
    if (!school) bad('code', '找不到该中职学校代码', 'no vocational school has this code');
    else if (!can(ctx.actor!, 'qualification.write', refOf(school))) bad('code', '无权设置该校的招生资格', 'you may not set this school\'s qualification');
    else if (get('name') && get('name') !== school.name) bad('name', `学校名称与代码不符（系统中为“${school.name}”）`, `the name does not match the code (on record: "${school.name}")`);
    if (seen.has(code)) bad('code', `与第 ${seen.get(code)} 行重复`, `duplicates row ${seen.get(code)}`);
    seen.set(code, r.row);
    const answer = get('qualified');
    const qualified = YES.has(answer) ? true : NO.has(answer) ? false : null;
    if (qualified === null) bad('qualified', '须填 是 或 否', 'must be 是 (yes) or 否 (no)');
    const note = get('note');
    if (note.length > 200) bad('note', '过长（不超过 200 字）', 'too long (at most 200 characters)');
    if (errors.length === before && school && qualified !== null) planned.push({ row: r.row, organizationId: school.id, qualified, note, before: current.get(school.id) });
  }

  const changed = planned.filter((p) => !p.before || p.before.qualified !== p.qualified || p.before.note !== p.note);
  const created = changed.filter((p) => !p.before).length;
  const result: ImportResult = { dryRun: opts.dryRun, created, updated: changed.length - created, unchanged: planned.length - changed.length, errors };
  if (opts.dryRun) return result;
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });
  await deps.db.transaction(async (tx) => {
    for (const p of changed) {
      await tx
        .insert(qualifications)
        .values({ organizationId: p.organizationId, year, qualified: p.qualified, note: p.note, updatedAt: new Date() })
        .onConflictDoUpdate({ target: [qualifications.organizationId, qualifications.year], set: { qualified: p.qualified, note: p.note, updatedAt: new Date() } });
      await writeAudit(tx, ctx, {
        action: 'qualification.set', objectType: 'organization', objectId: p.organizationId,
        changes: { year, qualified: { from: p.before?.qualified ?? null, to: p.qualified }, note: p.note, source: 'import', row: p.row }, organizationId: p.organizationId,
      });
    }
    await writeAudit(tx, ctx, { action: 'qualification.import', objectType: 'organization', objectId: null, changes: { year, created: result.created, updated: result.updated, unchanged: result.unchanged } });
  });
  return result;
}
