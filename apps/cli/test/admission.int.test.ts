/**
 * The auditor's contract of issue 11 (R15) on a real database, PGlite and PostgreSQL: on the
 * demo district, the bureau imports and locks scores, runs the first batch and publishes it
 * (through the API, the jobs drained in-process); then, with the server gone, `zhizhao
 * admission runs --json` lists the run as published with its inputs hash, `zhizhao admission
 * export --run <id> --dir D` writes programs.csv, applicants.csv and results.csv, and `zhizhao
 * admit` on the first two reproduces results.csv byte for byte. Bad arguments exit non-zero
 * with a message and write nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dbTargets, runCli } from './support';
import { openDatabase, queryRows } from '@zhizhao/server/db/client';
import { buildApp, jobHandlers } from '@zhizhao/server/app';
import { makeDeps } from '@zhizhao/server/deps';
import { loadConfig } from '@zhizhao/server/config';
import { drainJobs } from '@zhizhao/server/jobs/jobs';
import { DEMO_PASSWORD } from '@zhizhao/server/seed/demo-data';

const targets = dbTargets('zz-cli-adm');

/** The bureau's steps through the API, on the database the CLI uses; the server is closed after. */
async function publishFirstBatch(): Promise<{ runId: number; admitted: number }> {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.ZHIZHAO_DATA_DIR ?? './data' });
  const deps = makeDeps(database, { ...loadConfig(process.env), logLevel: 'silent' }, true);
  const app: FastifyInstance = await buildApp(deps, { logger: false, serveWeb: false, jobs: false });
  try {
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'district.admin', password: DEMO_PASSWORD } });
    const cookie = `zz_session=${login.cookies.find((c) => c.name === 'zz_session')!.value}`;
    const call = async (opts: InjectOptions) => {
      const res = await app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie } });
      expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body}`).toBe(200);
      return res.json();
    };
    const [c] = await queryRows<{ id: number }>(database.db, sql`select c.id from campaigns c join organizations o on o.id = c.district_id where o.code = 'D01' and c.year = 2027`);
    const campaignId = Number(c!.id);
    const applicants = await queryRows<{ exam_no: string }>(database.db, sql`
      select s.exam_no from applications a join students s on s.id = a.student_id
      where a.campaign_id = ${campaignId} and a.track = 'vocational' and a.status = 'confirmed' order by s.exam_no`);
    // Scores with ties on the total, so that the tie-breaks and the lottery decide some places.
    const csv = ['中考报名号,总分,语文,数学,外语', ...applicants.map((a, i) => `${a.exam_no},${300 + ((i * 37) % 300)},${80 + (i % 7)},${90 + (i % 3)},100`)].join('\r\n');
    const boundary = 'zzboundary';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scores.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const imported = await call({ method: 'POST', url: `/api/admission/score-sets/import?campaignId=${campaignId}`, payload: Buffer.from(payload, 'utf8'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    await call({ method: 'POST', url: `/api/admission/score-sets/${imported.scoreSet.id}/lock`, payload: {} });
    const batch = await call({ method: 'POST', url: `/api/admission/batches?campaignId=${campaignId}`, payload: { name: '统招批', kind: 'exam', programmeIds: null, minScore: 350, publishOn: '2027-07-10', returnUntil: '2027-07-20' } });
    const run = await call({ method: 'POST', url: '/api/admission/runs', payload: { batchId: batch.id } });
    await drainJobs(deps, jobHandlers);
    expect((await call({ method: 'GET', url: `/api/admission/runs/${run.id}` })).status).toBe('ready');
    await call({ method: 'POST', url: `/api/admission/runs/${run.id}/publish`, payload: {} });
    await drainJobs(deps, jobHandlers);
    const done = await call({ method: 'GET', url: `/api/admission/runs/${run.id}` });
    expect(done.status).toBe('published');
    return { runId: run.id, admitted: done.admitted };
  } finally {
    await app.close();
    await database.close();
  }
}

for (const target of targets) {
  const skip = target.kind === 'postgres' && !inject('postgresUrl');
  describe.skipIf(skip)(`zhizhao admission (runs, export) reproduces a published run [${target.kind}]`, () => {
    let cleanup: () => Promise<void>;
    const saved = { ...process.env };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zz-export-${target.kind}-`));

    beforeAll(async () => {
      const s = await target.setup();
      cleanup = s.cleanup;
      delete process.env.DATABASE_URL;
      delete process.env.ZHIZHAO_DATA_DIR;
      Object.assign(process.env, s.env, { NODE_ENV: 'test' });
      expect((await runCli(['migrate'])).code).toBe(0);
      expect((await runCli(['seed', '--demo'])).code).toBe(0);
    }, 300_000);
    afterAll(async () => {
      process.env = saved;
      fs.rmSync(dir, { recursive: true, force: true });
      await cleanup();
    });

    it('lists the published run, exports its files, and admit on them gives results.csv byte for byte', async () => {
      // The demo's 2026 round is there already (seed/demo-admission.ts).
      const before = JSON.parse((await runCli(['admission', 'runs', '--json'])).out) as Array<Record<string, unknown>>;
      expect(before).toEqual([expect.objectContaining({ batch: '统招批', status: 'published' })]);
      const { runId, admitted } = await publishFirstBatch();

      const listed = await runCli(['admission', 'runs', '--json']);
      expect(listed.code).toBe(0);
      const runs = JSON.parse(listed.out) as Array<Record<string, unknown>>;
      expect(runs).toEqual([...before, { id: runId, campaignId: expect.any(Number), batch: '统招批', status: 'published', inputsHash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
      expect((await runCli(['admission', 'runs'])).out).toContain(`${admitted} admitted`);

      // Both runs, the demo's and this one, reproduce from their exported files.
      for (const id of [Number(before[0]!.id), runId]) {
        const out = path.join(dir, `run-${id}`);
        const exported = await runCli(['admission', 'export', '--run', String(id), '--dir', out]);
        expect(exported.code, exported.err).toBe(0);
        expect(fs.readdirSync(out).sort()).toEqual(['applicants.csv', 'programs.csv', 'results.csv']);
        const results = fs.readFileSync(path.join(out, 'results.csv'), 'utf8');
        expect(results.startsWith('applicant_id,program_id,choice_rank\n')).toBe(true);
        if (id === runId) expect(results.trim().split('\n').slice(1).filter((l) => !l.endsWith(',,')).length).toBe(admitted);
        const again = path.join(dir, `again-${id}.csv`);
        const admit = await runCli(['admit', '--programs', path.join(out, 'programs.csv'), '--applicants', path.join(out, 'applicants.csv'), '--out', again]);
        expect(admit.code, admit.err).toBe(0);
        expect(fs.readFileSync(again, 'utf8')).toBe(results);
      }
    }, 300_000);

    it('refuses an unknown run and missing arguments, writing nothing', async () => {
      const none = path.join(dir, 'none');
      const unknown = await runCli(['admission', 'export', '--run', '999999', '--dir', none]);
      expect(unknown.code).toBe(1);
      expect(unknown.err).toMatch(/no run 999999/);
      expect(fs.existsSync(none)).toBe(false);
      expect((await runCli(['admission', 'export', '--run', '1'])).code).toBe(2);
      expect((await runCli(['admission', 'export', '--run', 'x', '--dir', none])).err).toMatch(/--run must be a run id/);
      expect((await runCli(['admission', 'nonsense'])).code).toBe(2);
    });
  });
}
