/**
 * 查重 (R11 普职不兼报): the district imports the exam office's list of general-high applicants
 * (Excel: 中考报名号 and/or 身份证号, at least one per row) and every student of the campaign
 * who is on it AND applies to vocational (any status) becomes a track conflict the junior high
 * resolves with the family. Every bad row is reported (row, column, reason) and nothing is
 * written when any row is bad. ID numbers are matched by their keyed hash (never stored here).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { checkResidentId } from '@zhizhao/domain';
import type { ImportRowError, Locale } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { generalListImports, trackConflicts } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { readUploadedSheet } from '../../files/upload';
import { idHashOf, normalizeExamNo } from '../students/fields';
import { loadCampaign } from './context';

export const GENERAL_LIST_HEADERS = { examNo: '中考报名号', idNumber: '身份证号' } as const;


export async function importGeneralList(deps: AppDeps, ctx: RequestContext, campaignId: number, read: () => Promise<Buffer>, locale: Locale) {
  const actor = ctx.actor!;
  const c = await loadCampaign(deps.db, campaignId);
  // The district bureau of the campaign only (the exam office's list is the district's).
  if (actor.orgKind !== 'district_bureau' || actor.districtId !== c.district.id) throw new AppError('FORBIDDEN', { permission: 'application.crosscheck' });
  const file = await read();
  const sheet = await readUploadedSheet(async () => file);
  const say = (zh: string, en: string) => (locale === 'en-US' ? en : zh);
  const errors: ImportRowError[] = [];
  const hasExam = sheet.headers.includes(GENERAL_LIST_HEADERS.examNo);
  const hasId = sheet.headers.includes(GENERAL_LIST_HEADERS.idNumber);
  if (!hasExam && !hasId) throw new AppError('IMPORT_INVALID', { errors: [{ row: 1, column: `${GENERAL_LIST_HEADERS.examNo}/${GENERAL_LIST_HEADERS.idNumber}`, reason: say('至少需要“中考报名号”或“身份证号”一列', 'needs a 中考报名号 or 身份证号 column') }] });

  const examNos = new Set<string>();
  const idHashes = new Set<string>();
  for (const r of sheet.rows) {
    const exam = r.cells.get(GENERAL_LIST_HEADERS.examNo);
    const id = r.cells.get(GENERAL_LIST_HEADERS.idNumber);
    if (!exam?.text && !id?.text) {
      errors.push({ row: r.row, column: GENERAL_LIST_HEADERS.examNo, reason: say('中考报名号和身份证号至少填写一项', 'an exam number or an ID number is required') });
      continue;
    }
    if (exam?.text) {
      if (!/^[A-Za-z0-9-]{4,20}$/.test(exam.text)) errors.push({ row: r.row, column: GENERAL_LIST_HEADERS.examNo, reason: say('中考报名号格式有误（4至20位字母、数字或-）', 'bad exam number (4–20 letters, digits or -)') });
      else examNos.add(normalizeExamNo(exam.text));
    }
    if (id?.text) {
      // STACK.md pitfall 6: an 18-digit number in a numeric cell has already lost digits.
      if (id.numeric) {
        errors.push({ row: r.row, column: GENERAL_LIST_HEADERS.idNumber, reason: say('身份证号须为文本格式（数字格式会丢失末位）', 'the ID number must be a text cell (a number cell loses digits)') });
        continue;
      }
      const check = checkResidentId(id.text);
      if (!check.ok) errors.push({ row: r.row, column: GENERAL_LIST_HEADERS.idNumber, reason: say(check.zh, check.en) });
      else idHashes.add(idHashOf(deps.pii, 'resident_id', check.normalized)); // the roster's hash input (students/fields.ts)
    }
  }
  if (errors.length) throw new AppError('IMPORT_INVALID', { errors });

  // Students of the campaign on the list who apply to vocational (any status).
  const matches = await queryRows<{ id: number; matched_by: string; open: boolean }>(
    deps.db,
    sql`select s.id, case when s.exam_no = any(${sql.param([...examNos])}::text[]) then 'exam_no' else 'id_number' end as matched_by,
          exists (select 1 from track_conflicts t where t.student_id = s.id and t.resolution is null) as open
        from students s join applications a on a.student_id = s.id
        where s.campaign_id = ${c.c.id} and a.track = 'vocational'
          and (s.exam_no = any(${sql.param([...examNos])}::text[]) or s.id_hash = any(${sql.param([...idHashes])}::text[]))
        order by s.id`,
  );
  const fresh = matches.filter((m) => !m.open);
  const fileHash = createHash('sha256').update(file).digest('hex');
  await deps.db.transaction(async (tx) => {
    const [imp] = await tx.insert(generalListImports).values({ campaignId: c.c.id, rows: sheet.rows.length, matched: matches.length, fileHash, createdBy: actor.userId }).returning();
    // The partial unique index (one open conflict per student) settles a race with another import.
    if (fresh.length) {
      await tx
        .insert(trackConflicts)
        .values(fresh.map((m) => ({ campaignId: c.c.id, studentId: Number(m.id), importId: imp!.id, matchedBy: m.matched_by })))
        .onConflictDoNothing();
    }
    await writeAudit(tx, ctx, {
      action: 'application.crosscheck_import', objectType: 'general_list_import', objectId: imp!.id, organizationId: c.district.id,
      changes: { campaignId: c.c.id, rows: sheet.rows.length, matched: matches.length, newConflicts: fresh.length, fileHash, rule: 'R11' },
    });
  });
  return { rows: sheet.rows.length, matched: matches.length, newConflicts: fresh.length, errors: [] };
}
