/**
 * Background jobs whose state lives in PostgreSQL (table `jobs`): any server may run any job,
 * and a job survives the server that started it. A worker claims the oldest runnable job with
 * `for update skip locked` and a lease; it renews the lease with every progress report. A job
 * whose lease ran out (its server died or was restarted) is claimed again and starts over, so a
 * handler must be idempotent (clear what an earlier attempt wrote, then write). After
 * `maxAttempts` a job fails for good. The worker wakes on a timer and, in the server that
 * queued a job, at once (`kick`).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { queryRows, type Queryable } from '../db/client';
import { jobs } from '../db/schema';

export type JobRow = typeof jobs.$inferSelect;
export type JobContext = {
  deps: AppDeps;
  job: JobRow;
  /** Reports progress and renews the lease; throws JobLostError when another worker took the job over. */
  progress(phase: string, done: number, total: number): Promise<void>;
};
/** A handler returns the job's result (JSON), stored on success. */
export type JobHandler = (ctx: JobContext) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;

export class JobLostError extends Error {}

const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 3;

export async function enqueueJob(db: Queryable, job: { kind: string; payload: unknown; organizationId: number | null; createdBy: number | null }): Promise<number> {
  const [row] = await db.insert(jobs).values({ kind: job.kind, payload: job.payload, organizationId: job.organizationId, createdBy: job.createdBy }).returning({ id: jobs.id });
  return row!.id;
}

/** Claims one job: queued, or running with an expired lease (its server is gone). */
export async function claimJob(db: Queryable, owner: string, kinds: string[]): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const rows = await queryRows<{ id: number }>(db, sql`
    update jobs set status = 'running', owner = ${owner}, lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1, error = null
    where id = (
      select id from jobs
      where kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
        and (status = 'queued' or (status = 'running' and lease_until < now()))
      order by id limit 1 for update skip locked)
    returning id`);
  if (!rows[0]) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, Number(rows[0].id)));
  return job ?? null;
}

async function finish(db: Queryable, id: number, owner: string, outcome: { status: 'done'; result: unknown } | { status: 'failed' | 'queued'; error: string }) {
  await db
    .update(jobs)
    .set(outcome.status === 'done' ? { status: 'done', result: outcome.result ?? null, finishedAt: new Date(), leaseUntil: null } : { status: outcome.status, error: outcome.error, leaseUntil: null, finishedAt: outcome.status === 'failed' ? new Date() : null })
    .where(sql`${jobs.id} = ${id} and ${jobs.owner} = ${owner}`);
}

/** Runs one claimed job to its end; a failure is retried by the next claim until MAX_ATTEMPTS. */
export async function runJob(deps: AppDeps, handlers: JobHandlers, job: JobRow, owner: string): Promise<void> {
  const handler = handlers[job.kind];
  if (!handler) return finish(deps.db, job.id, owner, { status: 'failed', error: `no handler for ${job.kind}` });
  const ctx: JobContext = {
    deps,
    job,
    async progress(phase, done, total) {
      const rows = await queryRows<{ id: number }>(deps.db, sql`
        update jobs set phase = ${phase}, done = ${done}, total = ${total}, lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
        where id = ${job.id} and owner = ${owner} and status = 'running' returning id`);
      if (!rows[0]) throw new JobLostError(`job ${job.id} was taken over`);
    },
  };
  try {
    const result = await handler(ctx);
    await finish(deps.db, job.id, owner, { status: 'done', result });
  } catch (err) {
    if (err instanceof JobLostError) return;
    const message = err instanceof Error ? err.message : String(err);
    await finish(deps.db, job.id, owner, { status: job.attempts >= MAX_ATTEMPTS || (err as { final?: boolean }).final ? 'failed' : 'queued', error: message.slice(0, 2000) });
    const onFail = (handlers as Record<string, JobHandler & { onFail?: (deps: AppDeps, job: JobRow, message: string, final: boolean) => Promise<void> }>)[job.kind].onFail;
    if (onFail) await onFail(deps, job, message, job.attempts >= MAX_ATTEMPTS || !!(err as { final?: boolean }).final);
  }
}

/** Runs jobs until none is runnable (tests, the CLI, and the worker's loop). */
export async function drainJobs(deps: AppDeps, handlers: JobHandlers, owner = `drain-${randomUUID()}`): Promise<number> {
  let n = 0;
  for (;;) {
    const job = await claimJob(deps.db, owner, Object.keys(handlers));
    if (!job) return n;
    await runJob(deps, handlers, job, owner);
    n++;
  }
}

export type JobWorker = { kick(): void; stop(): Promise<void> };

/** The worker of one server: drains on a timer and when kicked; one job at a time. */
export function startJobWorker(deps: AppDeps, handlers: JobHandlers, opts: { intervalMs?: number } = {}): JobWorker {
  const owner = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drainJobs(deps, handlers, owner)
      .then(() => undefined)
      .catch((err) => {
        if (!stopped) console.error('job worker:', err instanceof Error ? err.message : err);
      })
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          setImmediate(tick);
        }
      });
  };
  const timer = setInterval(tick, opts.intervalMs ?? 2000);
  timer.unref();
  return {
    kick: () => setImmediate(tick),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** What the API shows of a job. */
export function jobView(j: JobRow, downloadPath: string | null) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as 'queued' | 'running' | 'done' | 'failed',
    progress: { phase: j.phase, done: j.done, total: j.total },
    error: j.error,
    download: j.status === 'done' && downloadPath ? downloadPath : null,
  };
}
