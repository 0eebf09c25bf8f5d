/**
 * Imports Annex 2 from Excel: graduates per junior high and, when the 送培目标 column is
 * filled, a new draft with exactly those targets (its total is their sum; R1 is checked
 * when it is published). Every row is checked first and every bad row reported (row,
 * column, reason); nothing is written when any row is bad. `dryRun` only checks.
 */
import type { ImportRowError, Locale } from '@zhizhao/contracts';
import { authorize } from '../../auth/policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { UnreadableWorkbookError, type SheetRow } from '../../files/excel';
import { readSheet } from '../../files/read-sheet';
import { refOf } from '../organizations/queries';
import { annex2Columns, type Annex2Key } from './annex2';
import { insertDraft, type DraftRow } from './create-draft';
import { saveGraduatesIn } from './graduates';
import { graduatesOf, juniorHighs, loadCampaign, type School } from './queries';

const header = Object.fromEntries(annex2Columns.map((c) => [c.key, c.header])) as Record<Annex2Key, string>;
const MAX_COUNT = 1_000_000;

type Parsed = { school: School; row: number; graduates: number | null; target: number | null; min: number | null; max: number | null; note: string };

export async function importAnnex2(
  deps: AppDeps, ctx: RequestContext, campaignId: number, readFile: () => Promise<Buffer>, opts: { dryRun: boolean; locale: Locale },
) {
  // Scope first: a caller of another district learns nothing about the file.
  const c = await loadCampaign(deps.db, campaignId);
  authorize(ctx.actor!, 'targets.write', refOf(c.district));
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(await readFile(), 'exceljs');
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw new AppError('IMPORT_UNREADABLE', { reason: err.message });
    throw err;
  }
  const say = (zh: string, en: string) => (opts.locale === 'en-US' ? en : zh);
  const errors: ImportRowError[] = [];
  for (const key of ['code', 'graduates'] as const) {
    if (!sheet.headers.includes(header[key])) errors.push({ row: 1, column: header[key], reason: say('缺少必填列', 'required column missing') });
  }
  const schools = await juniorHighs(deps.db, c.district.id);
  const counts = await graduatesOf(deps.db, campaignId);
  const { parsed, listed } = errors.length ? { parsed: [], listed: new Set<number>() } : parseRows(sheet.rows, schools, errors, say);

  // Targets in the file: every junior high of the district needs one (R2: the split covers every school).
  const withTargets = parsed.some((p) => p.target !== null);
  if (withTargets) {
    for (const p of parsed) {
      if (p.target === null) errors.push({ row: p.row, column: header.target, reason: say('已有学校填写送培目标，本行也须填写', 'other rows give a target: this one must too') });
      if (p.graduates === null && !counts.has(p.school.id)) errors.push({ row: p.row, column: header.graduates, reason: say('该校尚无应届毕业生数，须填写', 'no graduates on record for this school: fill it in') });
    }
    for (const s of schools.filter((x) => !listed.has(x.id))) {
      errors.push({ row: 1, column: header.code, reason: say(`文件中缺少本区初中学校 ${s.code} ${s.name}`, `the file lacks the district's junior high ${s.code} ${s.name}`) });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  const graduateRows = parsed.filter((p) => p.graduates !== null).map((p) => ({ organizationId: p.school.id, graduates: p.graduates! }));
  const result = {
    dryRun: opts.dryRun,
    graduatesUpdated: graduateRows.filter((r) => counts.get(r.organizationId)?.count !== r.graduates).length,
    targetsImported: withTargets ? parsed.length : 0,
    errors,
  };
  if (opts.dryRun) return result;
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });
  if (!parsed.length) throw new AppError('IMPORT_INVALID', { errors: [{ row: 2, column: header.code, reason: say('文件中没有数据行', 'the file has no data rows') }] });

  await deps.db.transaction(async (tx) => {
    if (graduateRows.length) await saveGraduatesIn(tx, ctx, campaignId, { rows: graduateRows }, 'import');
    let draftNumber: number | null = null;
    if (withTargets) {
      const rows: DraftRow[] = parsed.map((p) => ({
        organizationId: p.school.id, graduates: p.graduates ?? counts.get(p.school.id)!.count, target: p.target!, min: p.min, max: p.max, note: p.note,
      }));
      const nTotal = rows.reduce((a, r) => a + r.target, 0);
      // `hamilton`: the method a later re-balance of this draft re-runs.
      const version = await insertDraft(tx, ctx, c, { method: 'hamilton', nTotal, note: 'Excel 导入（附件2）', rows, source: 'import' });
      draftNumber = version.number;
    }
    await writeAudit(tx, ctx, {
      action: 'targets.import', objectType: 'campaign', objectId: campaignId,
      changes: { rows: parsed.length, graduatesUpdated: result.graduatesUpdated, targetsImported: result.targetsImported, draft: draftNumber },
      organizationId: c.district.id,
    });
  });
  return result;
}

/** Each row on its own; returns the good rows and every school the file names (good rows or not). */
function parseRows(rows: SheetRow[], schools: School[], errors: ImportRowError[], say: (zh: string, en: string) => string) {
  const byCode = new Map(schools.map((s) => [s.code, s]));
  const seen = new Map<string, number>();
  const out: Parsed[] = [];
  const listed = new Set<number>();
  for (const r of rows) {
    const before = errors.length;
    const bad = (key: Annex2Key, zh: string, en: string) => errors.push({ row: r.row, column: header[key], reason: say(zh, en) });
    const text = (key: Annex2Key) => r.cells.get(header[key])?.text ?? '';
    const count = (key: Annex2Key): number | null => {
      const t = text(key);
      if (t === '') return null;
      if (!/^\d+$/.test(t) || Number(t) > MAX_COUNT) {
        bad(key, `须为不超过 ${MAX_COUNT} 的非负整数，当前为“${t}”`, `must be a whole number from 0 to ${MAX_COUNT}, got "${t}"`);
        return null;
      }
      return Number(t);
    };
    const code = text('code');
    const school = byCode.get(code);
    if (!code) bad('code', '必填', 'required');
    else if (!school) bad('code', `${code} 不是本区启用的初中学校`, `${code} is not an active junior high of this district`);
    else if (seen.has(code)) bad('code', `与第 ${seen.get(code)} 行重复`, `duplicates row ${seen.get(code)}`);
    if (code) seen.set(code, seen.get(code) ?? r.row);
    if (school) listed.add(school.id);
    const graduates = count('graduates');
    const target = count('target');
    const min = count('min');
    const max = count('max');
    if (min !== null && max !== null && min > max) bad('min', `最低 ${min} 大于最高 ${max}`, `min ${min} is above max ${max}`);
    else if (target !== null && ((min !== null && target < min) || (max !== null && target > max))) {
      bad('target', `送培目标 ${target} 不在最低/最高范围内`, `target ${target} is outside min/max`);
    }
    const note = text('note');
    if (note.length > 500) bad('note', '过长（最多 500 字）', 'too long (500 characters at most)');
    if (errors.length === before && school) out.push({ school, row: r.row, graduates, target, min, max, note });
  }
  return { parsed: out, listed };
}
