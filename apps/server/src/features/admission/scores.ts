/**
 * 中考成绩 (issue 11 §1, R15): the campaign's district bureau imports the exam office's scores
 * (.xlsx, first sheet, or UTF-8 .csv), checks every row first and reports every bad one (row,
 * column, reason), and writes nothing on any error or on a dry run. A good import is a new
 * version (score_sets + exam_scores, one audit event `score.import`, one transaction); locking
 * freezes it (`score.lock`, with the content hash recomputed from the stored rows). A version
 * imported after a locked one is a correction and needs a reason. The newest locked version is
 * the current one: the admission runs and the families read it.
 *
 * Scale: 100,000 rows are read (the fast .xlsx reader of the roster, or the small CSV parser
 * below), checked against the roster loaded once into a Map, hashed and written in batches of
 * 5,000 rows per `INSERT … SELECT FROM unnest(…)` in a few seconds.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { ImportRowError, Locale, scoreRow, scoreRowsQuery, scoreSet } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { escapeLike, queryRows, type Queryable, type Tx } from '../../db/client';
import { examScores, scoreSets, users } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { authorizeBureau } from '../../auth/admission-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { UnreadableWorkbookError, writeWorkbook, type Column } from '../../files/excel';
import { readSheet } from '../../files/read-sheet';
import { normalizeExamNo } from '../students/fields';
import { campaignById, campaignOfActor, type CampaignWithDistrict } from '../applications/bureau-campaign';

export type ScoreSetRow = typeof scoreSets.$inferSelect;
export type ScoreSetView = z.infer<typeof scoreSet>;
type Say = (zh: string, en: string) => string;

const CHUNK = 5_000;
/** Scores are points: 0 to this, at most two decimals (the batch lines have the same bound). */
const MAX_SCORE = 10_000;

// ------------------------------------------------------------------ reading the file

/** A file as text cells by column: the header row and every non-empty data row with its row number (the header is row 1). */
export type ScoreTable = { headers: string[]; rows: Array<{ row: number; cells: string[] }> };

class UnreadableFile extends Error {}

/**
 * RFC 4180 CSV: fields separated by commas, records by LF, CRLF or CR; a field in double quotes
 * may hold commas, line breaks and doubled quotes. Lenient where Excel is: text after a closing
 * quote is kept. One pass with indexOf over the quoted parts: 100,000 rows in tens of milliseconds.
 */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  const n = text.length;
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    if (i < n && text.charCodeAt(i) === 34) {
      value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new UnreadableFile(`unclosed quote in record ${out.length + 1}`);
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 44 || c === 10 || c === 13) break;
        k++;
      }
      if (k > i) value += text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === 44 || c === 10 || c === 13) break;
        k++;
      }
      value = text.slice(i, k);
      i = k;
    }
    record.push(value);
    if (i >= n) {
      out.push(record);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    out.push(record);
    record = [];
    if (i >= n) break;
  }
  return out;
}

/** UTF-8 (a BOM is dropped); a file that is not UTF-8 is tried as GB18030 (what Excel on a Chinese Windows saves as "CSV"). */
function decodeText(data: Buffer): string {
  const body = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      throw new UnreadableFile('the CSV file is not UTF-8 text');
    }
  }
}

/** A numeric .xlsx cell as typed: a formula's 456.49999999999994 is the 456.5 the sheet shows. */
function cellText(c: { text: string; numeric: boolean } | undefined): string {
  if (!c) return '';
  if (!c.numeric || !c.text.includes('.')) return c.text;
  const x = Number(c.text);
  const r = Math.round(x * 100) / 100;
  return Math.abs(x - r) < 1e-9 ? String(r) : c.text;
}

/** .xlsx (a zip: starts with "PK") or CSV, told apart by content, not by name. */
export async function readScoreFile(data: Buffer): Promise<ScoreTable> {
  if (data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0) throw new UnreadableFile('an old .xls workbook: save it as .xlsx or CSV (UTF-8)');
  if (data[0] === 0x50 && data[1] === 0x4b) {
    let sheet: Awaited<ReturnType<typeof readSheet>>;
    try {
      sheet = await readSheet(data, 'fast');
    } catch (err) {
      if (err instanceof UnreadableWorkbookError) throw new UnreadableFile(err.message);
      throw err;
    }
    const headers = sheet.headers.map((h) => h.trim());
    return { headers, rows: sheet.rows.map((r) => ({ row: r.row, cells: headers.map((h) => (h ? cellText(r.cells.get(h)) : '')) })) };
  }
  const text = decodeText(data);
  if (text.includes('\u0000')) throw new UnreadableFile('not a CSV text file');
  const records = parseCsv(text);
  const headers = (records[0] ?? []).map((h) => h.trim());
  const rows: ScoreTable['rows'] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const cells = new Array<string>(headers.length);
    let any = false;
    for (let i = 0; i < headers.length; i++) {
      const v = (rec[i] ?? '').trim();
      if (v) any = true;
      cells[i] = v;
    }
    // A value beyond the last header is still content: the row is not blank.
    for (let i = headers.length; !any && i < rec.length; i++) if (rec[i]!.trim()) any = true;
    if (any) rows.push({ row: r + 1, cells });
  }
  return { headers, rows };
}

// ------------------------------------------------------------------ checking

const EXAM_HEADERS = new Set(['中考报名号', 'exam_no']);
const TOTAL_HEADERS = new Set(['总分', 'total']);

/** A score's text → its value, or why it is not one. */
const NUMBER = /^\d+(?:\.(\d+))?$/;
function scoreOf(text: string, say: Say): number | string {
  const m = NUMBER.exec(text);
  if (!m) {
    if (/^-\s*\d+(?:\.\d+)?$/.test(text)) return say(`不能为负数：${text}`, `must not be negative: ${text}`);
    return say(`不是有效的分数：${text}（须为数字，如 95 或 95.5）`, `not a score: ${text} (a number such as 95 or 95.5)`);
  }
  if (m[1] && m[1].length > 2) return say(`最多保留两位小数：${text}`, `at most two decimals: ${text}`);
  const v = Number(text);
  if (v > MAX_SCORE) return say(`分数超出范围（0 至 ${MAX_SCORE}）：${text}`, `out of range (0 to ${MAX_SCORE}): ${text}`);
  return v;
}

/** One checked row: the student by the roster, the total, every subject's score by the set's subject order (null: left empty). */
export type CheckedScore = { row: number; studentId: number; examNo: string; total: number; subjects: Array<number | null> };
export type RosterEntry = { id: number; active: boolean };

export type ScoreCheck = { subjects: string[]; tiebreakNames: string[]; rows: number; good: CheckedScore[]; errors: ImportRowError[] };

/**
 * Checks a whole table against the campaign's roster (exam number → student) and the tie-break
 * subjects; every problem is reported. Pure: the caller loads the roster once.
 */
export function checkScoreTable(table: ScoreTable, roster: Map<string, RosterEntry>, tiebreakNames: string[], locale: Locale): ScoreCheck {
  const say: Say = (zh, en) => (locale === 'en-US' ? en : zh);
  const errors: ImportRowError[] = [];
  const head = (column: string, zh: string, en: string) => errors.push({ row: 1, column, reason: say(zh, en) });
  const { headers } = table;
  let examCol = -1;
  let totalCol = -1;
  const subjectCols: number[] = [];
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!h) return;
    const key = EXAM_HEADERS.has(h.toLowerCase()) ? '\u0000exam' : TOTAL_HEADERS.has(h.toLowerCase()) ? '\u0000total' : h;
    const first = seen.get(key);
    if (first !== undefined) return head(h, `与第 ${first + 1} 列（${headers[first]}）重复`, `the same column as column ${first + 1} (${headers[first]})`);
    seen.set(key, i);
    if (key === '\u0000exam') examCol = i;
    else if (key === '\u0000total') totalCol = i;
    else subjectCols.push(i);
  });
  if (examCol < 0) head('中考报名号', '缺少“中考报名号”列（表头可写 中考报名号 或 exam_no）', 'the exam number column is missing (header 中考报名号 or exam_no)');
  if (totalCol < 0) head('总分', '缺少“总分”列（表头可写 总分 或 total）', 'the total column is missing (header 总分 or total)');
  const subjects = subjectCols.map((i) => headers[i]!);
  const tiebreakCols: number[] = [];
  const named = new Set<string>();
  for (const t of tiebreakNames) {
    if (named.has(t)) head(t, `同分比较科目“${t}”重复`, `tie-break subject ${t} named twice`);
    named.add(t);
    const at = subjects.indexOf(t);
    if (at < 0) head(t, `缺少同分比较科目“${t}”列（同分比较科目：${tiebreakNames.join('、')}）`, `the tie-break subject ${t} is not a column (tie-break subjects: ${tiebreakNames.join(', ')})`);
    else tiebreakCols.push(subjectCols[at]!);
  }
  if (!table.rows.length) head(headers[examCol] ?? '中考报名号', '文件中没有成绩行', 'the file has no score rows');
  if (errors.length) return { subjects, tiebreakNames, rows: table.rows.length, good: [], errors };

  const examHeader = headers[examCol]!;
  const totalHeader = headers[totalCol]!;
  const isTiebreak = new Set(tiebreakCols);
  const firstRow = new Map<string, number>();
  const good: CheckedScore[] = [];
  for (const r of table.rows) {
    const before = errors.length;
    const bad = (column: string, reason: string) => errors.push({ row: r.row, column, reason });
    const examNo = normalizeExamNo(r.cells[examCol]!);
    let studentId = 0;
    if (!examNo) bad(examHeader, say('中考报名号必填', 'the exam number is required'));
    else {
      const dup = firstRow.get(examNo);
      const student = roster.get(examNo);
      if (dup !== undefined) bad(examHeader, say(`与第 ${dup} 行的中考报名号重复`, `the same exam number as row ${dup}`));
      else firstRow.set(examNo, r.row);
      if (!student) bad(examHeader, say(`中考报名号 ${examNo} 不在本招生活动的学生名册中`, `exam number ${examNo} is not on the campaign's roster`));
      else if (!student.active) bad(examHeader, say(`中考报名号 ${examNo} 的学生已从名册中停用`, `the student with exam number ${examNo} is no longer on the roster (deactivated)`));
      else studentId = student.id;
    }
    const totalText = r.cells[totalCol]!;
    let total = 0;
    if (!totalText) bad(totalHeader, say('总分必填', 'the total is required'));
    else {
      const v = scoreOf(totalText, say);
      if (typeof v === 'string') bad(totalHeader, v);
      else total = v;
    }
    const values = new Array<number | null>(subjectCols.length);
    for (let s = 0; s < subjectCols.length; s++) {
      const col = subjectCols[s]!;
      const text = r.cells[col]!;
      values[s] = null;
      if (!text) {
        if (isTiebreak.has(col)) bad(headers[col]!, say(`同分比较科目“${headers[col]}”不能为空`, `the tie-break subject ${headers[col]} must not be empty`));
        continue;
      }
      const v = scoreOf(text, say);
      if (typeof v === 'string') bad(headers[col]!, v);
      else values[s] = v;
    }
    if (errors.length === before) good.push({ row: r.row, studentId, examNo, total, subjects: values });
  }
  return { subjects, tiebreakNames, rows: table.rows.length, good, errors };
}

// ------------------------------------------------------------------ the content hash

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The content hash of a score set (score_sets.content_hash; in the audit events of the import and
 * the lock). SHA-256, lower-case hex, of the UTF-8 text:
 *
 *   zhizhao-scores-v1\n
 *   subjects:<every subject column, sorted by UTF-16 code units, joined by ",">\n
 *   tiebreaks:<the tie-break subjects in their order, joined by ",">\n
 *   then one line per row, the rows sorted by exam number (UTF-16 code units; exam numbers
 *   trimmed and upper-cased as on the roster):
 *   <examNo>,<total>,<subject>=<score>;<subject>=<score>…\n
 *
 * where a row's subjects follow the sorted subject order and a subject the row left empty is
 * omitted (the line then ends with the total's ","). Numbers are written as JavaScript's
 * String(n) (95.50 → 95.5, 100.0 → 100). The file's column order and number formatting do
 * not change the hash; any score, exam number, subject or tie-break order does.
 */
export function scoreContentHash(subjects: readonly string[], tiebreakNames: readonly string[], rows: ReadonlyArray<{ examNo: string; total: number; subjects: Readonly<Record<string, number>> }>): string {
  const sorted = [...subjects].sort(byCodeUnit);
  const h = createHash('sha256');
  h.update(`zhizhao-scores-v1\nsubjects:${sorted.join(',')}\ntiebreaks:${tiebreakNames.join(',')}\n`);
  const ordered = [...rows].sort((a, b) => byCodeUnit(a.examNo, b.examNo));
  let buf: string[] = [];
  for (const r of ordered) {
    const parts: string[] = [];
    for (const s of sorted) {
      const v = r.subjects[s];
      if (v !== undefined && v !== null) parts.push(`${s}=${String(v)}`);
    }
    buf.push(`${r.examNo},${String(r.total)},${parts.join(';')}\n`);
    if (buf.length === 10_000) {
      h.update(buf.join(''));
      buf = [];
    }
  }
  h.update(buf.join(''));
  return h.digest('hex');
}

/** A checked row's subjects as the stored object (the set's subject order; empty ones left out). */
function subjectsObject(subjects: readonly string[], values: ReadonlyArray<number | null>): Record<string, number> {
  const o: Record<string, number> = {};
  for (let i = 0; i < subjects.length; i++) if (values[i] !== null && values[i] !== undefined) o[subjects[i]!] = values[i]!;
  return o;
}

/** The hash of a stored set, from its rows as they are in the database. */
export async function storedContentHash(db: Queryable, set: Pick<ScoreSetRow, 'id' | 'subjects' | 'tiebreakNames'>): Promise<string> {
  const rows = await queryRows<{ exam_no: string; total: number; subjects: Record<string, number> }>(
    db,
    sql`select s.exam_no, es.total, es.subjects from exam_scores es join students s on s.id = es.student_id where es.score_set_id = ${set.id}`,
  );
  return scoreContentHash(set.subjects as string[], set.tiebreakNames as string[], rows.map((r) => ({ examNo: r.exam_no, total: Number(r.total), subjects: r.subjects })));
}

// ------------------------------------------------------------------ views and reads

export function scoreSetView(s: ScoreSetRow, opts: { currentId: number | null; createdBy: string | null }): ScoreSetView {
  return {
    id: s.id, campaignId: s.campaignId, version: s.version, status: s.status as 'draft' | 'locked', rows: s.rows, contentHash: s.contentHash,
    subjects: s.subjects as string[], tiebreakNames: s.tiebreakNames as string[], reason: s.reason, createdAt: s.createdAt.toISOString(),
    createdBy: opts.createdBy, lockedAt: s.lockedAt?.toISOString() ?? null, current: s.id === opts.currentId,
  };
}

/** The campaign's current scores: the newest locked version, or null. */
export async function currentScoreSet(db: Queryable, campaignId: number): Promise<ScoreSetRow | null> {
  const [s] = await db.select().from(scoreSets).where(and(eq(scoreSets.campaignId, campaignId), eq(scoreSets.status, 'locked'))).orderBy(desc(scoreSets.version)).limit(1);
  return s ?? null;
}

/** A student's own score in the current (locked) version, subjects in the set's order; null without one. */
export async function myScore(db: Queryable, studentId: number, campaignId: number): Promise<{ total: number; subjects: Record<string, number>; version: number } | null> {
  const set = await currentScoreSet(db, campaignId);
  if (!set) return null;
  const [row] = await db.select({ total: examScores.total, subjects: examScores.subjects }).from(examScores).where(and(eq(examScores.scoreSetId, set.id), eq(examScores.studentId, studentId)));
  if (!row) return null;
  const stored = row.subjects as Record<string, number>;
  const subjects: Record<string, number> = {};
  for (const s of set.subjects as string[]) if (stored[s] !== undefined) subjects[s] = Number(stored[s]);
  return { total: Number(row.total), subjects, version: set.version };
}

export async function loadScoreSet(db: Queryable, id: number, lock = false): Promise<ScoreSetRow> {
  const q = db.select().from(scoreSets).where(eq(scoreSets.id, id));
  const [s] = lock ? await q.for('update') : await q;
  if (!s) throw new AppError('NOT_FOUND', { scoreSetId: id });
  return s;
}

async function usernameOf(db: Queryable, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const [u] = await db.select({ username: users.username }).from(users).where(eq(users.id, userId));
  return u?.username ?? null;
}

/** Every version of the campaign's scores, newest first; `current` marks the newest locked one. */
export async function listScoreSets(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<{ items: ScoreSetView[] }> {
  const c = await campaignOfActor(deps, actor, campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  authorizeBureau(actor, 'admission.read', c.district);
  const rows = await deps.db
    .select({ s: scoreSets, by: users.username })
    .from(scoreSets)
    .leftJoin(users, eq(users.id, scoreSets.createdBy))
    .where(eq(scoreSets.campaignId, c.id))
    .orderBy(desc(scoreSets.version));
  const current = rows.find((r) => r.s.status === 'locked')?.s.id ?? null;
  return { items: rows.map((r) => scoreSetView(r.s, { currentId: current, createdBy: r.by ?? null })) };
}

/** One version's rows, by exam number; `q` is an exam-number prefix or part of a name. */
export async function scoreRows(deps: AppDeps, actor: Actor, id: number, query: z.infer<typeof scoreRowsQuery>) {
  const set = await loadScoreSet(deps.db, id);
  const c = await campaignById(deps.db, set.campaignId);
  authorizeBureau(actor, 'admission.read', c.district);
  const q = query.q?.trim();
  const like = q ? escapeLike(q) : '';
  const where = q ? sql`and (s.exam_no like ${`${normalizeExamNo(like)}%`} or s.name like ${`%${like}%`})` : sql``;
  const [{ n }] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from exam_scores es join students s on s.id = es.student_id where es.score_set_id = ${id} ${where}`) as [{ n: number }];
  const rows = await queryRows<{ exam_no: string; name: string; jh: string | null; total: number; subjects: Record<string, number> }>(
    deps.db,
    sql`select s.exam_no, s.name, o.name as jh, es.total, es.subjects
        from exam_scores es join students s on s.id = es.student_id left join organizations o on o.id = s.junior_high_id
        where es.score_set_id = ${id} ${where}
        order by s.exam_no limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const subjects = set.subjects as string[];
  const items: Array<z.infer<typeof scoreRow>> = rows.map((r) => {
    const o: Record<string, number> = {};
    for (const s of subjects) if (r.subjects[s] !== undefined) o[s] = Number(r.subjects[s]);
    return { examNo: r.exam_no, studentName: r.name, juniorHighName: r.jh, total: Number(r.total), subjects: o };
  });
  return { items, total: Number(n), page: query.page, pageSize: query.pageSize };
}

// ------------------------------------------------------------------ import

export type ScoreImportOpts = { campaignId?: number; dryRun: boolean; tiebreaks?: string; reason?: string; locale: Locale };
export type ScoreImportResult = { dryRun: boolean; rows: number; errors: ImportRowError[]; scoreSet: ScoreSetView | null; contentHash: string | null };

/** The tie-break subjects: the request's (comma-separated; ，、 also separate) or the campaign's (语文、数学、外语 by default). */
export function tiebreaksOf(c: Pick<CampaignWithDistrict, 'settings'>, given: string | undefined): string[] {
  const named = (given ?? '').split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  return named.length ? named : [...withSettingDefaults((c.settings ?? {}) as CampaignSettings).tiebreakSubjects];
}

/** exam number → the campaign's student (every kind; active or not, so that a removed one is named as such). */
async function rosterOf(db: Queryable, campaignId: number): Promise<Map<string, RosterEntry>> {
  const rows = await queryRows<{ id: number; exam_no: string; active: boolean }>(db, sql`select id, exam_no, active from students where campaign_id = ${campaignId}`);
  const m = new Map<string, RosterEntry>();
  for (const r of rows) m.set(r.exam_no, { id: Number(r.id), active: r.active });
  return m;
}

const lockKey = (campaignId: number) => sql`select pg_advisory_xact_lock(hashtext('score-sets'), ${campaignId})`;

async function hasLocked(db: Queryable, campaignId: number): Promise<boolean> {
  const [r] = await db.select({ id: scoreSets.id }).from(scoreSets).where(and(eq(scoreSets.campaignId, campaignId), eq(scoreSets.status, 'locked'))).limit(1);
  return !!r;
}

const correctionReason = (reason: string | undefined) => (reason && reason.trim().length >= 2 ? reason.trim() : null);

export async function importScores(deps: AppDeps, ctx: RequestContext, read: () => Promise<Buffer>, opts: ScoreImportOpts): Promise<ScoreImportResult> {
  const actor = ctx.actor!;
  const c = await campaignOfActor(deps, actor, opts.campaignId);
  if (!c) throw new AppError('NOT_FOUND', { campaignId: null });
  authorizeBureau(actor, 'score.write', c.district);
  const reason = correctionReason(opts.reason);
  // Refused before the file is read; checked again under the lock below.
  if (!opts.dryRun && !reason && (await hasLocked(deps.db, c.id))) throw new AppError('SCORE_CORRECTION_REASON', { campaignId: c.id });

  const file = await read();
  let table: ScoreTable;
  try {
    table = await readScoreFile(file);
  } catch (err) {
    if (err instanceof UnreadableFile) throw new AppError('IMPORT_UNREADABLE', { reason: err.message });
    throw err;
  }
  const check = checkScoreTable(table, await rosterOf(deps.db, c.id), tiebreaksOf(c, opts.tiebreaks), opts.locale);
  const errors = check.errors.sort((a, b) => a.row - b.row);
  const contentHash = errors.length ? null : scoreContentHash(check.subjects, check.tiebreakNames, check.good.map((g) => ({ examNo: g.examNo, total: g.total, subjects: subjectsObject(check.subjects, g.subjects) })));
  if (opts.dryRun) return { dryRun: true, rows: check.rows, errors, scoreSet: null, contentHash };
  if (errors.length) throw new AppError('SCORE_IMPORT_INVALID', { rows: check.rows, errors });

  const fileSha256 = createHash('sha256').update(file).digest('hex');
  const set = await deps.db.transaction(async (tx) => {
    await tx.execute(lockKey(c.id));
    if (!reason && (await hasLocked(tx, c.id))) throw new AppError('SCORE_CORRECTION_REASON', { campaignId: c.id });
    const [{ v }] = (await queryRows<{ v: number | null }>(tx, sql`select max(version) as v from score_sets where campaign_id = ${c.id}`)) as [{ v: number | null }];
    const version = Number(v ?? 0) + 1;
    const [row] = await tx
      .insert(scoreSets)
      .values({ campaignId: c.id, version, status: 'draft', rows: check.good.length, contentHash: contentHash!, subjects: check.subjects, tiebreakNames: check.tiebreakNames, reason, createdBy: actor.userId })
      .returning();
    await insertScores(tx, row!.id, check);
    await writeAudit(tx, ctx, {
      action: 'score.import', objectType: 'score_set', objectId: row!.id, organizationId: c.districtId,
      changes: { campaignId: c.id, version, rows: check.good.length, contentHash, fileSha256, subjects: check.subjects, tiebreakNames: check.tiebreakNames, reason },
    });
    return row!;
  });
  const current = await currentScoreSet(deps.db, c.id);
  return { dryRun: false, rows: check.rows, errors: [], scoreSet: scoreSetView(set, { currentId: current?.id ?? null, createdBy: actor.username }), contentHash };
}

/** The rows in batches of 5,000, one statement each (arrays as single parameters: STACK.md). */
async function insertScores(tx: Tx, scoreSetId: number, check: ScoreCheck): Promise<void> {
  const tbIndex = check.tiebreakNames.map((t) => check.subjects.indexOf(t));
  for (let i = 0; i < check.good.length; i += CHUNK) {
    const part = check.good.slice(i, i + CHUNK);
    const ids = part.map((g) => g.studentId);
    const totals = part.map((g) => g.total);
    const subjects = part.map((g) => JSON.stringify(subjectsObject(check.subjects, g.subjects)));
    const tiebreaks = part.map((g) => JSON.stringify(tbIndex.map((k) => g.subjects[k])));
    await tx.execute(sql`insert into exam_scores (score_set_id, student_id, total, subjects, tiebreaks)
      select ${scoreSetId}, s, t, j::jsonb, b::jsonb
      from unnest(${sql.param(ids)}::int[], ${sql.param(totals)}::float8[], ${sql.param(subjects)}::text[], ${sql.param(tiebreaks)}::text[]) as x(s, t, j, b)`);
  }
}

// ------------------------------------------------------------------ lock

/** Freezes a version: only the newest version may be locked, once; its hash is recomputed from the stored rows first. */
export async function lockScoreSet(deps: AppDeps, ctx: RequestContext, id: number): Promise<ScoreSetView> {
  const actor = ctx.actor!;
  const found = await loadScoreSet(deps.db, id);
  const c = await campaignById(deps.db, found.campaignId);
  authorizeBureau(actor, 'score.write', c.district);
  const locked = await deps.db.transaction(async (tx) => {
    await tx.execute(lockKey(c.id));
    const s = await loadScoreSet(tx, id, true);
    if (s.status === 'locked') throw new AppError('SCORE_SET_LOCKED', { scoreSetId: id, version: s.version });
    const [{ v }] = (await queryRows<{ v: number }>(tx, sql`select max(version) as v from score_sets where campaign_id = ${c.id}`)) as [{ v: number }];
    if (Number(v) > s.version) {
      throw new AppError('SCORE_SET_LOCKED', { scoreSetId: id, version: s.version, newestVersion: Number(v), reason: `已有更新的第 ${Number(v)} 版，旧版本不能再锁定` });
    }
    const hash = await storedContentHash(tx, s);
    if (hash !== s.contentHash) throw new Error(`score set ${id}: the stored rows hash to ${hash}, not the recorded ${s.contentHash}`);
    const [row] = await tx.update(scoreSets).set({ status: 'locked', lockedAt: new Date() }).where(eq(scoreSets.id, id)).returning();
    await writeAudit(tx, ctx, {
      action: 'score.lock', objectType: 'score_set', objectId: id, organizationId: c.districtId,
      changes: { campaignId: c.id, version: s.version, rows: s.rows, contentHash: s.contentHash },
    });
    return row!;
  });
  return scoreSetView(locked, { currentId: locked.id, createdBy: await usernameOf(deps.db, locked.createdBy) });
}

// ------------------------------------------------------------------ template

export const SCORE_TEMPLATE_SUBJECTS = ['语文', '数学', '外语', '物理', '化学', '道德与法治', '历史', '体育'] as const;

/** The template: 中考报名号, 总分 and the usual subjects; the rules on a sheet of notes (the import reads only the first sheet). */
export async function scoreTemplate(deps: AppDeps, actor: Actor, campaignId: number | undefined): Promise<Buffer> {
  let tiebreaks = tiebreaksOf({ settings: {} }, undefined);
  const c = await campaignOfActor(deps, actor, campaignId).catch(() => null);
  if (c) {
    authorizeBureau(actor, 'score.write', c.district);
    tiebreaks = tiebreaksOf(c, undefined);
  }
  const columns: Column[] = [
    { header: '中考报名号', key: 'examNo', width: 18, note: '必填：学生名册中的中考报名号（文本格式）' },
    { header: '总分', key: 'total', width: 10, note: '必填：不小于 0 的数字，最多两位小数' },
    ...SCORE_TEMPLATE_SUBJECTS.map((s) => ({ header: s, key: s, width: 10, note: tiebreaks.includes(s) ? '同分比较科目：不能为空' : '选填' })),
  ];
  return writeWorkbook([
    {
      name: '中考成绩',
      columns,
      rows: [],
      notes: [
        '中考成绩导入说明',
        '1. 第一行为表头：中考报名号（或 exam_no）、总分（或 total），其余每一列都是一个科目，可增删科目列（列名即科目名）。',
        '2. 每一行一名学生：中考报名号须在本招生活动的学生名册中，且在文件中只出现一次。',
        '3. 分数为不小于 0 的数字，最多保留两位小数；总分必填，科目可空。',
        `4. 同分比较科目（按顺序）：${tiebreaks.join('、')}。这些科目列必须存在且每行都要填写；导入时可另行指定。`,
        '5. 也可以上传 UTF-8 编码的 CSV 文件（表头相同）。',
        '6. 有任何错误行时不导入任何数据：请按提示的行号、列名和原因修改后重新导入。可先“试导入”检查。',
        '7. 导入后为草稿版本；锁定后不能修改。已有锁定版本时，再次导入为更正版本，须填写更正理由。',
        '8. 本说明页不会被导入（只读取第一个工作表）。',
      ],
    },
  ]);
}
