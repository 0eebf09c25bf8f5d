/**
 * Publishing a run (R15): the bureau publishes a dry run whose inputs are still current; a job
 * then writes one admission per admitted applicant with its letter (content, the school's seal,
 * the district's code) in chunks, and marks the run published and the batch done. A restarted
 * job clears the run's admissions and writes them again. Later runs of the batch are refused
 * (BATCH_PUBLISHED); other dry runs of the batch are discarded.
 */
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { queryRows } from '../../db/client';
import { admissionBatches, admissionRuns } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { enqueueJob, type JobContext } from '../../jobs/jobs';
import { campaignById } from '../applications/bureau-campaign';
import { loadBatch } from './batches';
import { authorizedRun, isCurrent, loadRun, runView } from './runs';
import { letterContent, LetterSigner, programmeFacts, studentFacts, type CampaignFacts } from './letters';

const CHUNK = 2000;
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

/** The `admission.publish` job. */
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
  await db.execute(sql`delete from admissions where run_id = ${runId}`);
  const placed = await queryRows<{ student_id: number; programme_id: number; choice_rank: number }>(db, sql`
    select student_id, programme_id, choice_rank from admission_run_applicants where run_id = ${runId} and programme_id is not null order by ord`);
  const campaign: CampaignFacts = { id: c.id, name: c.name, year: c.year, settings: c.settings, district: { id: c.district.id, name: c.district.name } };
  const programmes = await programmeFacts(db, c.id, [...new Set(placed.map((r) => Number(r.programme_id)))]);
  const signer = new LetterSigner(db, rctx, deps.config.keySecret);
  const issuedOn = (await deps.clock()).today;
  const now = new Date();
  await ctx.progress('letters', 0, placed.length);
  for (let start = 0; start < placed.length; start += CHUNK) {
    const chunk = placed.slice(start, start + CHUNK);
    const ids = (await queryRows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('admissions', 'id'))::int as id from generate_series(1, ${chunk.length})`)).map((r) => Number(r.id));
    const people = await studentFacts(db, chunk.map((r) => Number(r.student_id)));
    const rows = [];
    for (let i = 0; i < chunk.length; i++) {
      const r = chunk[i];
      const programme = programmes.get(Number(r.programme_id))!;
      const content = letterContent({ admissionId: ids[i], campaign, student: people.get(Number(r.student_id))!, programme, batch: batch.name, kind: 'batch', issuedOn });
      const signed = await signer.sign(content, now, by?.username ?? 'system');
      rows.push({ id: ids[i], studentId: Number(r.student_id), programmeId: programme.programmeId, schoolId: programme.schoolId, choiceRank: Number(r.choice_rank), content, seal: signed.seal, code: signed.code });
    }
    await db.execute(sql`
      insert into admissions (id, campaign_id, student_id, kind, batch_id, run_id, programme_id, school_id, choice_rank, status, letter_content, school_seal, letter_code, created_by)
      select u.id, ${c.id}, u.student_id, 'batch', ${batch.id}, ${runId}, u.programme_id, u.school_id, u.choice_rank, 'admitted', u.content, u.seal, u.code, ${run.publishedBy}
      from unnest(${p(rows.map((x) => x.id))}::int[], ${p(rows.map((x) => x.studentId))}::int[], ${p(rows.map((x) => x.programmeId))}::int[], ${p(rows.map((x) => x.schoolId))}::int[],
        ${p(rows.map((x) => x.choiceRank))}::int[], ${p(rows.map((x) => JSON.stringify(x.content)))}::jsonb[], ${p(rows.map((x) => JSON.stringify(x.seal)))}::jsonb[], ${p(rows.map((x) => x.code))}::text[])
        as u(id, student_id, programme_id, school_id, choice_rank, content, seal, code)`);
    await ctx.progress('letters', start + chunk.length, placed.length);
  }
  await db.transaction(async (tx) => {
    await tx.update(admissionRuns).set({ status: 'published', publishedAt: new Date() }).where(eq(admissionRuns.id, runId));
    await tx.update(admissionBatches).set({ publishedRunId: runId, updatedAt: new Date() }).where(eq(admissionBatches.id, batch.id));
    await tx.execute(sql`update admission_runs set status = 'discarded' where batch_id = ${batch.id} and id <> ${runId} and status = 'ready'`);
    await writeAudit(tx, { ...rctx, actor: null }, {
      action: 'admission.publish', objectType: 'admission_run', objectId: runId, organizationId: c.districtId,
      changes: { batch: batch.name, inputsHash: run.inputsHash, resultsHash: run.resultsHash, admitted: placed.length, publishedBy: by?.username ?? null },
    });
  });
  return { runId, admitted: placed.length };
}
