/**
 * 录取通知书 as PDF (R15): one letter (the staff who may read the admission, the family its own)
 * and a school's whole intake as one PDF made by a background job (`letters.bundle`,
 * jobs/jobs.ts): the school itself or a bureau of the campaign asks for it, polls the job and
 * downloads the file. Every letter prints as signed (letter_content); the school's seal mark is
 * drawn only while its signature holds over that content (checked on every print), a returned
 * letter prints as void. A job is read by the users of the organisation that asked for it.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { isFamilyRole, type jobView as jobViewSchema, type lettersJobBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { queryRows, type Queryable } from '../../db/client';
import { jobs, organizations } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { authorizeBureau, canReadAdmission } from '../../auth/admission-policy';
import { canInDistrict, type Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { enqueueJob, jobView, type JobHandler, type JobRow } from '../../jobs/jobs';
import { campaignById, campaignOfActor } from '../applications/bureau-campaign';
import { keyCache, sealHolds, type KeyCache, type StoredSeal } from '../transfers/seals';
import type { LetterContent } from './letters';
import { letterFilename, renderLettersPdf, type LetterToPrint } from './letter-pdf';

export const LETTERS_BUNDLE = 'letters.bundle';
export type LettersBundlePayload = { campaignId: number; schoolId: number; origin: string };
/** What a finished bundle job stores (jobs.result) and its download returns. */
export type FileResult = { filename: string; contentType: string; base64: string; count?: number };

/** Rows read per query, and the most letters checked between two progress reports. */
const READ_CHUNK = 200;
const REPORT_EVERY = 50;

type LetterRow = { id: number; status: string; letter_content: LetterContent | null; letter_code: string | null; school_seal: StoredSeal | null; return_reason: string | null };

async function toPrint(db: Queryable, r: LetterRow, cache: KeyCache): Promise<LetterToPrint> {
  const content = r.letter_content!;
  return {
    content,
    code: r.letter_code,
    status: r.status === 'returned' ? 'returned' : 'admitted',
    returnReason: r.return_reason,
    sealValid: r.school_seal ? await sealHolds(db, r.school_seal, content, cache) : false,
  };
}

// ------------------------------------------------------------------ one letter

type LoadedLetter = LetterRow & { campaign_id: number; school_id: number; junior_high_id: number | null };

async function loadLetter(db: Queryable, id: number): Promise<LoadedLetter> {
  const [r] = await queryRows<LoadedLetter>(db, sql`
    select a.id, a.campaign_id, a.school_id, a.status, a.letter_content, a.letter_code, a.school_seal, a.return_reason, s.junior_high_id
    from admissions a join students s on s.id = a.student_id where a.id = ${id}`);
  if (!r) throw new AppError('NOT_FOUND', { admissionId: id });
  return r;
}

async function render(db: Queryable, r: LetterRow, origin: string) {
  if (!r.letter_content) throw new AppError('NOT_FOUND', { admissionId: Number(r.id), letter: 'none' });
  const pdf = await renderLettersPdf({ letters: [await toPrint(db, r, keyCache())], origin });
  return { pdf, filename: letterFilename(r.letter_content) };
}

/** One letter for staff: whoever may read the admission (the bureau, the school, the student's junior high). */
export async function admissionLetterPdf(deps: AppDeps, actor: Actor, id: number, origin: string) {
  const r = await loadLetter(deps.db, id);
  const c = await campaignById(deps.db, Number(r.campaign_id));
  const ref = { schoolId: Number(r.school_id), juniorHighId: r.junior_high_id === null ? null : Number(r.junior_high_id), district: c.district };
  if (!canReadAdmission(actor, ref)) throw new AppError('FORBIDDEN', { permission: 'admission.read' });
  return render(deps.db, r, origin);
}

/** The family's own letter: `id` comes from results.ts myLetterId (their admitted, published admission). */
export async function ownLetterPdf(deps: AppDeps, id: number, origin: string) {
  return render(deps.db, await loadLetter(deps.db, id), origin);
}

// ------------------------------------------------------------------ the bundle job

export const lettersBundleHandler: JobHandler = async (ctx) => {
  const { campaignId, schoolId, origin } = ctx.job.payload as LettersBundlePayload;
  const db = ctx.deps.db;
  // The order of the printout: by programme, then exam number.
  const ids = (
    await queryRows<{ id: number }>(db, sql`
      select a.id from admissions a join students s on s.id = a.student_id
      where a.campaign_id = ${campaignId} and a.school_id = ${schoolId} and a.letter_content is not null
      order by a.programme_id, s.exam_no, a.id`)
  ).map((r) => Number(r.id));
  const total = ids.length;
  await ctx.progress('letters', 0, total);
  const cache = keyCache();
  const letters: LetterToPrint[] = [];
  for (let start = 0; start < total; start += READ_CHUNK) {
    const chunk = ids.slice(start, start + READ_CHUNK);
    const rows = await queryRows<LetterRow>(db, sql`
      select id, status, letter_content, letter_code, school_seal, return_reason from admissions
      where id in (select unnest(${sql.param(chunk)}::int[])) and letter_content is not null`);
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    for (let k = 0; k < chunk.length; k++) {
      const r = byId.get(chunk[k]!);
      if (r) letters.push(await toPrint(db, r, cache));
      const done = start + k + 1;
      if (done % REPORT_EVERY === 0 || done === total) await ctx.progress('letters', done, total);
    }
  }
  const [school] = await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, schoolId));
  const year = letters[0]?.content.campaign.year ?? '';
  const pdf = await renderLettersPdf({ letters, origin });
  const result: FileResult = { filename: `录取通知书-${school?.name ?? schoolId}-${year}.pdf`, contentType: 'application/pdf', base64: pdf.toString('base64'), count: letters.length };
  return result;
};

const downloadPath = (id: number) => `/api/jobs/${id}/download`;
const isFile = (result: unknown): result is FileResult => !!result && typeof result === 'object' && typeof (result as FileResult).base64 === 'string' && typeof (result as FileResult).filename === 'string';
const viewOf = (j: JobRow): z.infer<typeof jobViewSchema> => jobView(j, j.kind === LETTERS_BUNDLE || isFile(j.result) ? downloadPath(j.id) : null);

/**
 * A school's letters as one PDF, in the background: the school itself (its own letters only) or a
 * bureau of the campaign (admission.read; names the school). One such job per school and campaign
 * at a time.
 */
export async function startLettersBundle(deps: AppDeps, rctx: RequestContext, body: z.infer<typeof lettersJobBody>, origin: string) {
  const actor = rctx.actor!;
  const c = await campaignOfActor(deps, actor, body.campaignId);
  if (!c) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.campaignId', message: 'required: name the campaign' }] });
  let schoolId: number;
  if (actor.orgKind === 'vocational_school') {
    if (!canInDistrict(actor, 'admission.read', c.district)) throw new AppError('FORBIDDEN', { permission: 'admission.read' });
    if (body.schoolId !== undefined && body.schoolId !== actor.organizationId) throw new AppError('FORBIDDEN', { schoolId: body.schoolId, reason: 'a school prints only its own letters' });
    schoolId = actor.organizationId;
  } else {
    authorizeBureau(actor, 'admission.read', c.district);
    if (body.schoolId === undefined) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'body.schoolId', message: 'required: name the school whose letters to print' }] });
    schoolId = body.schoolId;
  }
  const view = await deps.db.transaction(async (tx) => {
    // The school's row serialises two requests for the same bundle.
    const [school] = await tx.select({ id: organizations.id, kind: organizations.kind, name: organizations.name }).from(organizations).where(eq(organizations.id, schoolId)).for('update');
    if (!school || school.kind !== 'vocational_school') throw new AppError('NOT_FOUND', { schoolId });
    const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from admissions where campaign_id = ${c.id} and school_id = ${schoolId} and letter_content is not null`);
    if (Number(n) === 0) throw new AppError('NOT_FOUND', { schoolId, campaignId: c.id, letters: 0 });
    const busy = await queryRows<{ id: number }>(tx, sql`
      select id from jobs where kind = ${LETTERS_BUNDLE} and status in ('queued', 'running')
        and (payload->>'campaignId')::int = ${c.id} and (payload->>'schoolId')::int = ${schoolId} limit 1`);
    if (busy[0]) throw new AppError('JOB_BUSY', { jobId: Number(busy[0].id) });
    const payload: LettersBundlePayload = { campaignId: c.id, schoolId, origin };
    const jobId = await enqueueJob(tx, { kind: LETTERS_BUNDLE, payload, organizationId: actor.organizationId, createdBy: actor.userId });
    await writeAudit(tx, rctx, { action: 'admission.letters_bundle', objectType: 'organization', objectId: schoolId, organizationId: schoolId, changes: { campaignId: c.id, school: school.name, letters: Number(n), jobId } });
    const [row] = await tx.select().from(jobs).where(eq(jobs.id, jobId));
    return viewOf(row!);
  });
  deps.jobs.kick();
  return view;
}

/** A job as its reader sees it: only the users of the organisation that asked for it; to anyone else it does not exist. */
async function readableJob(deps: AppDeps, actor: Actor, id: number): Promise<JobRow> {
  const [j] = await deps.db.select().from(jobs).where(eq(jobs.id, id));
  if (!j || isFamilyRole(actor.role) || j.organizationId === null || j.organizationId !== actor.organizationId) throw new AppError('NOT_FOUND', { jobId: id });
  return j;
}

export async function readJob(deps: AppDeps, actor: Actor, id: number) {
  return viewOf(await readableJob(deps, actor, id));
}

/** The file a finished job made. */
export async function jobDownload(deps: AppDeps, actor: Actor, id: number): Promise<{ filename: string; contentType: string; body: Buffer }> {
  const j = await readableJob(deps, actor, id);
  if (j.status !== 'done' || !isFile(j.result)) throw new AppError('NOT_FOUND', { jobId: id, file: j.status === 'done' ? 'none' : `the job is ${j.status}` });
  return { filename: j.result.filename, contentType: j.result.contentType, body: Buffer.from(j.result.base64, 'base64') };
}
