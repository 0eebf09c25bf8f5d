/**
 * 招生计划 in Excel: the export lists every major of the campaign's schools and doubles as
 * the import template. The import matches rows by 学校代码 + 专业代码 and sets 招生计划数;
 * every bad row is reported and nothing is written when any row is bad.
 */
import type { ImportResult, ImportRowError, Locale } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { authorizeInDistrict } from '../../auth/policy';
import { canManageSchool } from '../../auth/brochure-policy';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { writeWorkbook, type Column } from '../../files/excel';
import { readUploadedSheet } from '../../files/upload';
import { refOf } from '../organizations/queries';
import { categoryLabels } from './majors-excel';
import { loadCampaign, savePlannedSeatsIn, seatRows } from './planned-seats';

const columns = [
  { key: 'schoolCode', header: '学校代码', width: 12 },
  { key: 'schoolName', header: '学校名称', width: 28 },
  { key: 'majorCode', header: '专业代码', width: 12 },
  { key: 'majorName', header: '专业名称', width: 24 },
  { key: 'campus', header: '校区', width: 20 },
  { key: 'category', header: '类别', width: 10 },
  { key: 'seats', header: '招生计划数', width: 12, note: '非负整数' },
] as const satisfies readonly Column[];
type Key = (typeof columns)[number]['key'];
const header = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<Key, string>;

export async function plannedSeatsExport(db: Queryable, ctx: RequestContext, campaignId: number): Promise<Buffer> {
  const { campaign, district } = await loadCampaign(db, campaignId);
  authorizeInDistrict(ctx.actor!, 'major.read', refOf(district));
  const rows = await seatRows(db, campaign.id, district.id);
  return writeWorkbook([
    {
      name: `${campaign.year}招生计划`,
      columns: [...columns],
      rows: rows.map((r) => ({ ...r, campus: r.campusName, category: categoryLabels[r.category], seats: r.seats === null ? '' : String(r.seats) })),
      totalRow: { schoolName: '合计', seats: String(rows.reduce((a, r) => a + (r.seats ?? 0), 0)) },
      notes: ['按学校代码 + 专业代码匹配，只读取“招生计划数”一列；空白表示不修改。', '任何一行有错误时不写入任何数据。'],
    },
  ]);
}

export async function importPlannedSeats(deps: AppDeps, ctx: RequestContext, campaignId: number, read: () => Promise<Buffer>, opts: { dryRun: boolean; locale: Locale }): Promise<ImportResult> {
  // Scope first: a caller of another district learns nothing about the file.
  const { campaign, district } = await loadCampaign(deps.db, campaignId);
  authorizeInDistrict(ctx.actor!, 'major.write', refOf(district));
  const sheet = await readUploadedSheet(read);
  const say = (zh: string, en: string) => (opts.locale === 'en-US' ? en : zh);
  const errors: ImportRowError[] = [];
  for (const key of ['schoolCode', 'majorCode', 'seats'] as const) if (!sheet.headers.includes(header[key])) errors.push({ row: 1, column: header[key], reason: say('缺少必填列', 'required column missing') });
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });

  const rows = new Map((await seatRows(deps.db, campaign.id, district.id)).map((r) => [`${r.schoolCode}/${r.majorCode}`, r]));
  const input: Array<{ majorId: number; seats: number }> = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const r of sheet.rows) {
    const get = (key: Key) => r.cells.get(header[key])?.text ?? '';
    const bad = (key: Key, zh: string, en: string) => errors.push({ row: r.row, column: header[key], reason: say(zh, en) });
    if (get('schoolCode') === '' && get('schoolName') === '合计') continue; // the export's total row
    const key = `${get('schoolCode')}/${get('majorCode')}`;
    const found = rows.get(key);
    if (!found) {
      bad('majorCode', '本招生活动所在区的学校中找不到该学校代码和专业代码', 'no major of this campaign\'s schools has this school and major code');
      continue;
    }
    if (seen.has(key)) bad('majorCode', `与第 ${seen.get(key)} 行重复`, `duplicates row ${seen.get(key)}`);
    seen.set(key, r.row);
    if (!canManageSchool(ctx.actor!, 'major.write', found.school)) bad('schoolCode', '无权设置该校的招生计划', 'you may not set this school\'s planned seats');
    const text = get('seats');
    if (text === '') continue;
    const seats = Number(text);
    if (!/^\d+$/.test(text) || seats > 100_000) bad('seats', '须为不超过 100000 的非负整数', 'must be a whole number, 0–100000');
    else if (seats === found.seats) unchanged++;
    else input.push({ majorId: found.majorId, seats });
  }
  const result: ImportResult = { dryRun: opts.dryRun, created: input.filter((i) => [...rows.values()].find((r) => r.majorId === i.majorId)!.seats === null).length, updated: 0, unchanged, errors };
  result.updated = input.length - result.created;
  if (opts.dryRun) return result;
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });
  if (input.length) await deps.db.transaction((tx) => savePlannedSeatsIn(tx, ctx, campaignId, input, 'import'));
  return result;
}
