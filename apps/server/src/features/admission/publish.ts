/**
 * Publishing a run (R15): the bureau publishes a dry run whose inputs are still current; a job
 * then writes one admission per admitted applicant (one statement) and marks the run published and the
 * batch done (a restarted job clears the run's admissions and writes them again); a second job
 * signs the letters (content, the school's seal, the district's code), its progress shown on the
 * run. Later runs of the batch are refused (BATCH_PUBLISHED); other dry runs are discarded.
 * Signing is most of the cost (two Ed25519 signatures a letter): publishing 100,000 admissions
 * takes seconds, their letters follow (docs/admission-round-benchmark.md).
 */
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { admissionBatches, admissionRuns } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { enqueueJob, type JobContext } from '../../jobs/jobs';
import { campaignById } from '../applications/bureau-campaign';
import { dayIn } from '../../clock';
import { loadBatch } from './batches';
import { authorizedRun, isCurrent, loadRun, runView } from './runs';
import { letterContent, LetterSigner, programmeFacts, studentFacts, type CampaignFacts } from './letters';

const LETTER_CHUNK = 1000;
const p = (values: unknown[]) => sql.param(values);

export async function publishRun(deps: AppDeps, rctx: RequestContext, id: number) {
  const actor = rctx.actor!;
  const { c } = await authorizedRun(deps, actor, id, 'admission.publish');
  const view = await deps.db.transaction(async (tx) => {
    const run = await loadRun(tx, id, true);
    if (run.status !== 'ready') throw new AppError('ADMISSION_RUN_NOT_READY', { runId: id, status: run.status });
    const b = await loadBatch(tx, run.batchId, true);
    if (b.publishedRunId) throw new AppError('BATCH_PUBLISHED', { batchId: b.id });
    const earlier = await queryRows<{ name: string }>(tx, sql`select name from admission_batches where campaign_id = ${b.campaignId} and seq < ${b.seq} and published_run_id is null order by seq limit 1`);
    if (earlier[0]) throw new AppError('BATCH_ORDER', { waitingFor: earlier[0].name });
    const busy = await queryRows<{ id: number }>(tx, sql`select id from admission_runs where batch_id = ${b.id} and status = 'publishing' limit 1`);
    if (busy[0]) throw new AppError('ADMISSION_RUN_BUSY', { runId: Number(busy[0].id) });
    if (!(await isCurrent(tx, run))) throw new AppError('ADMISSION_INPUTS_CHANGED', { runId: id });
    const jobId = await enqueueJob(tx, { kind: 'admission.publish', payload: { runId: id }, organizationId: actor.organizationId, createdBy: actor.userId });
    const [row] = await tx.update(admissionRuns).set({ status: 'publishing', jobId, publishedBy: actor.userId }).where(eq(admissionRuns.id, id)).returning();
    await writeAudit(tx, rctx, { action: 'admission.publish_start', objectType: 'admission_run', objectId: id, organizationId: c.districtId, changes: { batch: b.name, inputsHash: run.inputsHash, resultsHash: run.resultsHash } });
    return runView(tx, row!);
  });
  deps.jobs.kick();
  return view;
}

/** The `admission.publish` job: the admissions, then the run published and the letters queued. */
export async function publishJobHandler(ctx: JobContext): Promise<unknown> {
  const { deps } = ctx;
  const db = deps.db;
  const runId = Number((ctx.job.payload as { runId: number }).runId);
  const run = await loadRun(db, runId);
  if (run.status !== 'publishing') return { runId, skipped: run.status };
  const c = await campaignById(db, run.campaignId);
  const batch = await loadBatch(db, run.batchId);
  const [by] = await queryRows<{ username: string }>(db, sql`select username from users where id = ${run.publishedBy ?? 0}`);
  const rctx: RequestContext = { actor: null, requestId: `job-${ctx.job.id}`, ip: null };
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from admission_run_applicants where run_id = ${runId} and programme_id is not null`)) as [{ n: number }];
  const admitted = Number(n);
  await ctx.progress('admissions', 0, admitted);
  // The business clock's day and instant (the demo's date, in a demo), as the letters will say.
  const clock = await deps.clock();
  // One transaction: nobody sees admissions of a batch that is not published. A restarted job
  // starts over (an earlier attempt rolled back, or is cleared here).
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from admissions where run_id = ${runId}`);
    // One statement from the run's stored placements: nothing passes through this process.
    await tx.execute(sql`
      insert into admissions (campaign_id, student_id, kind, batch_id, run_id, programme_id, school_id, choice_rank, status, created_by)
      select ${c.id}, ra.student_id, 'batch', ${batch.id}, ${runId}, ra.programme_id, m.organization_id, ra.choice_rank, 'admitted', ${run.publishedBy}
      from admission_run_applicants ra join planned_seats ps on ps.id = ra.programme_id join majors m on m.id = ps.major_id
      where ra.run_id = ${runId} and ra.programme_id is not null order by ra.ord`);
    const lettersJob = await enqueueJob(tx, { kind: LETTERS_SIGN, payload: { runId, issuedOn: clock.today }, organizationId: ctx.job.organizationId, createdBy: run.publishedBy });
    await tx.update(admissionRuns).set({ status: 'published', publishedAt: clock.now, jobId: lettersJob }).where(eq(admissionRuns.id, runId));
    await tx.update(admissionBatches).set({ publishedRunId: runId, updatedAt: new Date() }).where(eq(admissionBatches.id, batch.id));
    await tx.execute(sql`update admission_runs set status = 'discarded' where batch_id = ${batch.id} and id <> ${runId} and status = 'ready'`);
    await writeAudit(tx, rctx, {
      action: 'admission.publish', objectType: 'admission_run', objectId: runId, organizationId: c.districtId,
      changes: { batch: batch.name, inputsHash: run.inputsHash, resultsHash: run.resultsHash, admitted, publishedBy: by?.username ?? null },
    });
  });
  deps.jobs.kick();
  return { runId, admitted };
}

export const LETTERS_SIGN = 'admission.letters';

/**
 * The `admission.letters` job that follows a publication: each admission of the run gets its
 * letter — the content as of now, the school's seal, the district's code — in chunks, with
 * progress on the run (its job). Only letters not yet signed are signed, so a restarted job
 * goes on where it stopped. Until then a family sees its result and, a little later, its letter.
 */
export async function lettersJobHandler(ctx: JobContext): Promise<unknown> {
  const { deps } = ctx;
  const db = deps.db;
  const payload = ctx.job.payload as { runId: number; issuedOn?: string };
  const runId = Number(payload.runId);
  const run = await loadRun(db, runId);
  const c = await campaignById(db, run.campaignId);
  const batch = await loadBatch(db, run.batchId);
  const [by] = await queryRows<{ username: string }>(db, sql`select username from users where id = ${run.publishedBy ?? 0}`);
  const rctx: RequestContext = { actor: null, requestId: `job-${ctx.job.id}`, ip: null };
  const todo = await queryRows<{ id: number; student_id: number; programme_id: number }>(db, sql`
    select id, student_id, programme_id from admissions where run_id = ${runId} and letter_code is null order by id`);
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from admissions where run_id = ${runId}`)) as [{ n: number }];
  const total = Number(n);
  let done = total - todo.length;
  const campaign: CampaignFacts = { id: c.id, name: c.name, year: c.year, settings: c.settings, district: { id: c.district.id, name: c.district.name } };
  const programmes = await programmeFacts(db, c.id, [...new Set(todo.map((r) => Number(r.programme_id)))]);
  const signer = new LetterSigner(db, rctx, deps.config.keySecret);
  // The day of publication on the business clock (named by the publish job).
  const issuedOn = payload.issuedOn ?? (run.publishedAt ? dayIn(run.publishedAt, deps.config.timeZone) : (await deps.clock()).today);
  const now = new Date();
  await ctx.progress('letters', done, total);
  for (let start = 0; start < todo.length; start += LETTER_CHUNK) {
    const chunk = todo.slice(start, start + LETTER_CHUNK);
    const people = await studentFacts(db, chunk.map((r) => Number(r.student_id)));
    const rows = [];
    for (const r of chunk) {
      const content = letterContent({ admissionId: Number(r.id), campaign, student: people.get(Number(r.student_id))!, programme: programmes.get(Number(r.programme_id))!, batch: batch.name, kind: 'batch', issuedOn });
      const signed = await signer.sign(content, now, by?.username ?? 'system');
      rows.push({ id: Number(r.id), content, seal: signed.seal, code: signed.code });
    }
    await db.execute(sql`
      update admissions a set letter_content = u.content, school_seal = u.seal, letter_code = u.code
      from unnest(${p(rows.map((x) => x.id))}::int[], ${p(rows.map((x) => JSON.stringify(x.content)))}::jsonb[], ${p(rows.map((x) => JSON.stringify(x.seal)))}::jsonb[], ${p(rows.map((x) => x.code))}::text[])
        as u(id, content, seal, code)
      where a.id = u.id and a.letter_code is null`);
    done += chunk.length;
    await ctx.progress('letters', done, total);
  }
  await db.transaction((tx) => writeAudit(tx, rctx, { action: 'admission.letters', objectType: 'admission_run', objectId: runId, organizationId: c.districtId, changes: { signed: todo.length, letters: total } }));
  return { runId, letters: total, signed: todo.length };
}
