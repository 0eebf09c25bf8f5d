/**
 * The admission round (issue 11, R15) on the demo district, end to end through the API: the
 * bureau imports and locks the scores of every confirmed vocational applicant, defines the
 * first batch, runs it in the background (a job, polled), reads the result per programme and
 * per applicant, tries a what-if line without saving it, and publishes; a run whose inputs
 * changed since (a corrected score version) is refused. Published: one admission and one
 * signed letter per admitted applicant, the letter verifies, the family reads its result and
 * why from the publication day, downloads its letter; the school asks to return a student for a
 * listed reason and the bureau approves (the letter then verifies as withdrawn); the unplaced
 * choose again in the 征集志愿 batch; the public reads the lines. The run's files download in the
 * `admit` command's formats (apps/cli/test/admission.int.test.ts re-runs `admit` on them), and a
 * second run on the same inputs gives the same hashes, as does a run taken over from a server
 * that died half-way.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_RETURN_REASONS } from '@zhizhao/domain/admission/index';
import { queryRows } from '../src/db/client';
import { runJobFailed } from '../src/features/admission/runs';
import { call, describeBackends, signIn } from './harness';
import { expectError, multipart, orgId } from './factories';
import { family, programmesOf, vocational, type Family } from './support-applications';

type Json = Record<string, any>;

describeBackends('admission round on the demo district', (env) => {
  const cookies = new Map<string, string>();
  const as = async (user: string) => {
    if (!cookies.has(user)) cookies.set(user, await signIn(env().app, user));
    return cookies.get(user)!;
  };
  const send = async (user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    call(env().app, user ? await as(user) : null, { method, url, ...(payload ? { payload } : {}) });
  const ok = async (user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<Json> => {
    const res = await send(user, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(env().database.db, q);

  let campaignId = 0;
  let top: Family;
  let low: Family;
  let topChoices: number[] = [];
  let lowChoices: number[] = [];
  let applicants: Array<{ exam_no: string }> = [];
  const scoreOf = (examNo: string) => (examNo === top.s.examNo ? 749 : examNo === low.s.examNo ? 120 : 200 + (Number.parseInt(examNo.replace(/\D/g, '').slice(-5), 10) * 7919) % 500);

  async function importScores(bump: (examNo: string) => number, reason?: string) {
    const lines = ['中考报名号,总分,语文,数学,外语', ...applicants.map((a) => `${a.exam_no},${bump(a.exam_no)},${80 + (a.exam_no.charCodeAt(a.exam_no.length - 1) % 40)},90,100`)];
    const m = multipart(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), 'scores.csv', 'text/csv');
    const qs = new URLSearchParams({ campaignId: String(campaignId), ...(reason ? { reason } : {}) });
    const res = await call(env().app, await as('district.admin'), { method: 'POST', url: `/api/admission/score-sets/import?${qs}`, payload: m.payload, headers: m.headers });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().scoreSet.id as number;
    await ok('district.admin', 'POST', `/api/admission/score-sets/${id}/lock`, {});
    return id;
  }

  async function settle(runId: number): Promise<Json> {
    for (let i = 0; i < 600; i++) {
      const r = await ok('district.staff', 'GET', `/api/admission/runs/${runId}`);
      // A published run is settled once its letters are signed (the job after publication).
      const lettersPending = r.status === 'published' && r.progress.done < r.progress.total;
      if (!['queued', 'running', 'publishing'].includes(r.status) && !lettersPending) return r;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`run ${runId} did not settle`);
  }

  beforeAll(async () => {
    top = await family(env);
    low = await family(env, 'JH02');
    campaignId = top.s.campaignId;
    topChoices = (await programmesOf(env, top.student, 'V02')).slice(0, 2);
    lowChoices = (await programmesOf(env, low.student, 'V02')).slice(0, 1);
    for (const [f, choices] of [[top, topChoices], [low, lowChoices]] as const) {
      await f.student.put('/api/me/application', vocational([...choices], false));
      expect((await f.guardian.post('/api/me/application/confirm', { version: 1 })).statusCode).toBe(200);
      expect((await f.student.post('/api/me/application/confirm', { version: 1 })).json().status).toBe('confirmed');
    }
    applicants = await rows<{ exam_no: string }>(sql`
      select s.exam_no from applications a join students s on s.id = a.student_id
      where a.campaign_id = ${campaignId} and a.track = 'vocational' and a.status = 'confirmed' and s.kind = 'grade9' order by s.exam_no`);
    expect(applicants.length).toBeGreaterThan(100);
    await importScores(scoreOf);
  }, 240_000);

  let batchId = 0;
  let firstRun: Json;

  it('a batch, a run in the background, its result per programme and per applicant, a what-if that saves nothing', async () => {
    // Batches run in order and need a locked score version; their settings are checked.
    expectError(await send('district.admin', 'POST', `/api/admission/batches?campaignId=${campaignId}`, { name: '第一批', kind: 'exam', programmeIds: [999999], minScore: 200, publishOn: '2027-07-10', returnUntil: '2027-07-20' }), 400, 'BATCH_INVALID');
    expectError(await send('district.admin', 'POST', `/api/admission/batches?campaignId=${campaignId}`, { name: '第一批', kind: 'exam', programmeIds: null, minScore: 200, publishOn: '2028-07-10', returnUntil: '2028-07-20' }), 400, 'BATCH_INVALID');
    const batch = await ok('district.admin', 'POST', `/api/admission/batches?campaignId=${campaignId}`, { name: '第一批', kind: 'exam', programmeIds: null, minScore: 200, publishOn: '2027-07-10', returnUntil: '2027-07-20' });
    expect(batch).toMatchObject({ seq: 1, status: 'open', publishedRunId: null });
    batchId = batch.id;
    const listed = await ok('district.staff', 'GET', `/api/admission/batches?campaignId=${campaignId}`);
    expect(listed.items.map((b: Json) => b.id)).toEqual([batchId]);
    expect(listed.returnReasons).toEqual([...DEFAULT_RETURN_REASONS]);

    const started = await ok('district.staff', 'POST', '/api/admission/runs', { batchId });
    expect(['queued', 'running', 'ready']).toContain(started.status);
    firstRun = await settle(started.id);
    expect(firstRun.status, firstRun.error).toBe('ready');
    expect(firstRun.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(firstRun.resultsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(firstRun.current).toBe(true);
    // Everyone with a score is an applicant of the first batch but those studying early (a filed
    // early transfer, R13); those below 200 are not admitted.
    const [early] = await rows<{ n: number }>(sql`select count(*)::int as n from early_transfers where campaign_id = ${campaignId} and status = 'filed'`);
    expect(firstRun.totals.admittedBefore).toBe(early!.n);
    const expected = applicants.length - early!.n;
    expect(firstRun.applicants).toBe(expected);
    expect(firstRun.totals.applicants).toBe(expected);
    expect(firstRun.admitted).toBeGreaterThan(0);
    expect(firstRun.totals.admitted + firstRun.totals.unplaced).toBe(expected);
    const seats = firstRun.programmes.reduce((a: number, p: Json) => a + p.seats, 0);
    expect(firstRun.admitted).toBeLessThanOrEqual(seats);
    for (const p of firstRun.programmes) expect(p.admitted).toBeLessThanOrEqual(p.seats);

    // The applicant with the top score gets the first choice; the one below the line nothing.
    const placements = await ok('district.staff', 'GET', `/api/admission/runs/${started.id}/placements?q=${top.s.examNo}`);
    expect(placements.items).toEqual([expect.objectContaining({ examNo: top.s.examNo, score: 749, programmeId: topChoices[0], choiceRank: 1 })]);
    const lowPlaced = await ok('district.staff', 'GET', `/api/admission/runs/${started.id}/placements?q=${low.s.examNo}`);
    expect(lowPlaced.items).toEqual([expect.objectContaining({ examNo: low.s.examNo, programmeId: null, choiceRank: null })]);
    const page = await ok('district.staff', 'GET', `/api/admission/runs/${started.id}/placements?pageSize=20`);
    expect(page.total).toBe(expected);
    expect(page.items.map((x: Json) => x.rank)).toEqual([...page.items.map((x: Json) => x.rank)].sort((a, b) => a - b));

    // What-if: a higher line admits fewer, and nothing is stored.
    const runsBefore = (await ok('district.staff', 'GET', `/api/admission/runs?campaignId=${campaignId}`)).items.length;
    const preview = await ok('district.staff', 'POST', '/api/admission/preview', { batchId, minScore: 600 });
    expect(preview.admitted).toBeLessThan(firstRun.admitted);
    expect(preview.admitted).toBeLessThanOrEqual(applicants.filter((a) => scoreOf(a.exam_no) >= 600).length);
    expect(preview.minScore).toBe(600);
    expect((await ok('district.staff', 'GET', `/api/admission/runs?campaignId=${campaignId}`)).items.length).toBe(runsBefore);
  }, 240_000);

  it('the run’s files download in the `admit` formats; a second run on the same inputs gives the same hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zz-round-'));
    for (const name of ['programs.csv', 'applicants.csv', 'results.csv']) {
      const res = await send('city.auditor', 'GET', `/api/admission/runs/${firstRun.id}/files/${name}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      writeFileSync(join(dir, name), res.rawPayload);
    }
    // The engine on the downloaded inputs gives the downloaded results (the `admit` command on the
    // same files: apps/cli/test/admission.int.test.ts).
    const programs = readFileSync(join(dir, 'programs.csv'), 'utf8');
    const results = readFileSync(join(dir, 'results.csv'), 'utf8');
    expect(programs.split('\n')[0]).toBe('program_id,school_id,capacity,min_score');
    expect(results.split('\n')[0]).toBe('applicant_id,program_id,choice_rank');
    expect(results.trim().split('\n').length - 1).toBe(firstRun.applicants);
    expect(results.trim().split('\n').slice(1).filter((l) => !l.endsWith(',')).length).toBe(firstRun.admitted);

    const again = await settle((await ok('district.admin', 'POST', '/api/admission/runs', { batchId })).id);
    expect(again.status).toBe('ready');
    expect([again.inputsHash, again.resultsHash]).toEqual([firstRun.inputsHash, firstRun.resultsHash]);
  }, 240_000);

  it('a run whose server died mid-way is taken over when its lease runs out, starts over and gives the same result', async () => {
    // A run another server had claimed and half written when it died: its lease is over.
    const [job] = await rows<{ id: number }>(sql`
      insert into jobs (kind, payload, status, owner, lease_until, attempts, phase, done, total)
      values ('admission.run', '{}'::jsonb, 'running', 'dead-server', now() - interval '1 second', 1, 'writing', 100, ${applicants.length}) returning id`);
    const [run] = await rows<{ id: number }>(sql`
      insert into admission_runs (campaign_id, batch_id, status, job_id, score_set_id, min_score, programme_lines, lottery_seed, tiebreak_names, created_by)
      select campaign_id, batch_id, 'running', ${job!.id}, score_set_id, min_score, programme_lines, '', tiebreak_names, created_by from admission_runs where id = ${firstRun.id} returning id`);
    await rows(sql`update jobs set payload = jsonb_build_object('runId', ${run!.id}::int) where id = ${job!.id}`);
    await rows(sql`
      insert into admission_run_applicants (run_id, ord, student_id, exam_no, junior_high_id, score, tiebreaks, lottery, choices, accept_adjustment, programme_id, choice_rank, rank)
      select ${run!.id}, ord, student_id, exam_no, junior_high_id, score, tiebreaks, lottery, choices, accept_adjustment, programme_id, choice_rank, rank
      from admission_run_applicants where run_id = ${firstRun.id} order by ord limit 100`);

    env().deps.jobs.kick();
    const finished = await settle(run!.id);
    expect(finished.status, finished.error).toBe('ready');
    expect([finished.inputsHash, finished.resultsHash]).toEqual([firstRun.inputsHash, firstRun.resultsHash]);
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from admission_run_applicants where run_id = ${run!.id}`);
    expect(n).toBe(firstRun.applicants);
    const [taken] = await rows<{ attempts: number; owner: string; status: string }>(sql`select attempts, owner, status from jobs where id = ${job!.id}`);
    expect(taken).toMatchObject({ attempts: 2, status: 'done' });
    expect(taken!.owner).not.toBe('dead-server');
  }, 240_000);

  let publishedRun: Json;

  it('publishing refuses a run whose inputs changed; a run on the corrected scores publishes admissions and signed letters', async () => {
    // Only the district's admin publishes; the staff runs.
    expectError(await send('district.staff', 'POST', `/api/admission/runs/${firstRun.id}/publish`, {}), 403, 'FORBIDDEN');
    // A correction: a new locked version (with its reason) makes the earlier runs stale.
    await importScores((e) => scoreOf(e) + (e === applicants[0]!.exam_no ? 1 : 0), '复核更正一名考生的总分');
    expect((await ok('district.staff', 'GET', `/api/admission/runs/${firstRun.id}`)).current).toBe(false);
    expectError(await send('district.admin', 'POST', `/api/admission/runs/${firstRun.id}/publish`, {}), 409, 'ADMISSION_INPUTS_CHANGED');

    const fresh = await settle((await ok('district.admin', 'POST', '/api/admission/runs', { batchId })).id);
    expect(fresh.inputsHash).not.toBe(firstRun.inputsHash);
    const publishing = await ok('district.admin', 'POST', `/api/admission/runs/${fresh.id}/publish`, {});
    expect(publishing.status).toBe('publishing');
    publishedRun = await settle(fresh.id);
    expect(publishedRun.status, publishedRun.error).toBe('published');
    // Its letters are signed after publication, counted on the run.
    expect(publishedRun.progress).toEqual({ phase: 'letters', done: publishedRun.admitted, total: publishedRun.admitted });
    // The batch is done: no more runs, no edits; the other dry runs are discarded.
    expectError(await send('district.admin', 'POST', '/api/admission/runs', { batchId }), 409, 'BATCH_PUBLISHED');
    const runs = (await ok('district.admin', 'GET', `/api/admission/runs?campaignId=${campaignId}`)).items as Json[];
    expect(runs.filter((r) => r.status === 'published').map((r) => r.id)).toEqual([fresh.id]);
    expect(runs.filter((r) => r.id !== fresh.id).every((r) => r.status === 'discarded')).toBe(true);

    const [n] = await rows<{ n: number; letters: number }>(sql`select count(*)::int as n, count(letter_code)::int as letters from admissions where run_id = ${fresh.id} and status = 'admitted'`);
    expect(n).toEqual({ n: publishedRun.admitted, letters: publishedRun.admitted });
    const [audit] = await rows<{ n: number }>(sql`select count(*)::int as n from audit where action = 'admission.publish' and object_id = ${String(fresh.id)}`);
    expect(audit!.n).toBe(1);
  }, 240_000);

  it('the family reads the result and why from the publication day, downloads the letter, and the letter verifies', async () => {
    const before = (await top.student.get('/api/me/admission')).json();
    expect(before.score).toMatchObject({ total: 749, version: 2 });
    expect(before.results).toEqual([]);
    expect(before.admission).toBeNull();
    expect((await top.student.get('/api/me/admission/letter.pdf')).statusCode).toBe(404);

    await ok('district.admin', 'PUT', '/api/clock', { date: '2027-07-10' });
    const mine = (await top.guardian.get('/api/me/admission')).json();
    expect(mine.results).toHaveLength(1);
    expect(mine.results[0]).toMatchObject({ batch: '第一批', outcome: 'admitted', choiceRank: 1, schoolName: '市职业高级中学校' });
    expect(mine.results[0].headline.zh).toContain('第 1 志愿');
    expect(mine.results[0].explanation[0]).toMatchObject({ choiceRank: 1, programmeId: topChoices[0] });
    expect(mine.admission).toMatchObject({ status: 'admitted', schoolName: '市职业高级中学校', letterCode: expect.any(String), kind: 'batch' });

    const pdf = await top.student.get('/api/me/admission/letter.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const verified = (await send(null, 'GET', `/api/verify/${encodeURIComponent(mine.admission.letterCode)}`)).json();
    expect(verified).toMatchObject({ kind: 'admission', status: 'valid' });
    // Dated by the business clock on the day of publication (the demo's 2027-04-21 here), not the server's.
    expect(verified.facts.issuedOn).toBe('2027-04-21');
    expect(JSON.stringify(verified)).toContain('市职业高级中学校');
    expect(JSON.stringify(verified)).not.toMatch(/\d{17}[\dX]/);

    // The one below the line reads that it was not admitted, and why.
    const lowMine = (await low.student.get('/api/me/admission')).json();
    expect(lowMine.results[0]).toMatchObject({ outcome: 'not-admitted', choiceRank: null });
    expect(lowMine.results[0].explanation[0].zh).toMatch(/控制线|分数线/);
  }, 120_000);

  let topAdmissionId = 0;

  it('the school sees its admissions; asks to return one for a listed reason; the bureau approves; the letter turns void', async () => {
    const v02 = await orgId(env(), 'V02');
    const list = await ok('v02.admin', 'GET', `/api/admission/admissions?campaignId=${campaignId}&q=${top.s.examNo}`);
    expect(list.items).toHaveLength(1);
    topAdmissionId = list.items[0].id;
    expect(list.items[0]).toMatchObject({ schoolId: v02, status: 'admitted' });
    // Another school does not see it; the junior high sees its own student.
    expect((await ok('v01.admin', 'GET', `/api/admission/admissions?campaignId=${campaignId}&q=${top.s.examNo}`)).items).toHaveLength(0);
    expect((await ok('jh01.admin', 'GET', `/api/admission/admissions?campaignId=${campaignId}&q=${top.s.examNo}`)).items).toHaveLength(1);

    const letter = await send('v02.admin', 'GET', `/api/admission/admissions/${topAdmissionId}/letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expectError(await send('v01.admin', 'GET', `/api/admission/admissions/${topAdmissionId}/letter.pdf`), 403, 'FORBIDDEN');

    expectError(await send('v02.admin', 'POST', '/api/admission/returns', { admissionId: topAdmissionId, reason: '成绩不够理想' }), 400, 'RETURN_REASON_NOT_LISTED');
    expectError(await send('v01.admin', 'POST', '/api/admission/returns', { admissionId: topAdmissionId, reason: DEFAULT_RETURN_REASONS[0] }), 403, 'FORBIDDEN');
    const asked = await ok('v02.admin', 'POST', '/api/admission/returns', { admissionId: topAdmissionId, reason: DEFAULT_RETURN_REASONS[0], note: '家长书面声明已收' });
    expect(asked.status).toBe('requested');
    expectError(await send('v02.admin', 'POST', '/api/admission/returns', { admissionId: topAdmissionId, reason: DEFAULT_RETURN_REASONS[0] }), 409, 'RETURN_PENDING');
    expectError(await send('v02.admin', 'POST', `/api/admission/returns/${asked.id}/decide`, { approve: true }), 403, 'FORBIDDEN');
    const code = (await top.student.get('/api/me/admission')).json().admission.letterCode as string;
    const decided = await ok('district.admin', 'POST', `/api/admission/returns/${asked.id}/decide`, { approve: true, note: '同意' });
    expect(decided.status).toBe('approved');
    expectError(await send('district.admin', 'POST', `/api/admission/returns/${asked.id}/decide`, { approve: true }), 409, 'RETURN_ALREADY_DECIDED');

    const verified = (await send(null, 'GET', `/api/verify/${encodeURIComponent(code)}`)).json();
    expect(verified.status).toBe('withdrawn');
    const mine = (await top.student.get('/api/me/admission')).json();
    expect(mine.admission).toMatchObject({ status: 'returned', letterCode: null });
    expect(mine.results[0].outcome).toBe('returned');
    expect((await top.student.get('/api/me/admission/letter.pdf')).statusCode).toBe(404);
  }, 120_000);

  it('the unplaced and the returned choose again in the 征集志愿 batch, among programmes with seats left', async () => {
    const batch = await ok('district.admin', 'POST', `/api/admission/batches?campaignId=${campaignId}`, {
      name: '征集志愿', kind: 'solicitation', programmeIds: null, minScore: null, publishOn: '2027-07-20', returnUntil: '2027-07-30', solicitFrom: '2027-07-10', solicitTo: '2027-07-15',
    });
    const offer = (await top.student.get('/api/me/admission')).json().solicitation;
    expect(offer).toMatchObject({ batchId: batch.id, open: true });
    const open = offer.programmes.filter((p: Json) => p.seatsLeft > 0);
    expect(open.length).toBeGreaterThan(0);
    // The returned seat is free again and offered.
    expect(offer.programmes.map((p: Json) => p.programmeId)).toContain(topChoices[0]);
    const saved = await top.student.put('/api/me/admission/solicitation', { batchId: batch.id, choices: [topChoices[0]], acceptAdjustment: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().solicitation.choices).toEqual([topChoices[0]]);

    const run = await settle((await ok('district.admin', 'POST', '/api/admission/runs', { batchId: batch.id })).id);
    expect(run.status, run.error).toBe('ready');
    expect(run.applicants).toBeGreaterThanOrEqual(1);
    const placed = await ok('district.staff', 'GET', `/api/admission/runs/${run.id}/placements?q=${top.s.examNo}`);
    expect(placed.items[0]).toMatchObject({ programmeId: topChoices[0], choiceRank: 1 });
    expect((await settle((await ok('district.admin', 'POST', `/api/admission/runs/${run.id}/publish`, {})).id)).status).toBe('published');
    await ok('district.admin', 'PUT', '/api/clock', { date: '2027-07-20' });
    const mine = (await top.student.get('/api/me/admission')).json();
    expect(mine.admission).toMatchObject({ status: 'admitted', letterCode: expect.any(String) });
    expect(mine.admission.id).not.toBe(topAdmissionId);
    // Once admitted, they choose no more.
    expectError(await top.student.put('/api/me/admission/solicitation', { batchId: batch.id, choices: [topChoices[0]] }), 409, 'SOLICITATION_NOT_ELIGIBLE');
  }, 240_000);

  it('a confirmed social applicant is admitted by registration into a seat left, once (R5)', async () => {
    // 宋立新 (demo-social.ts) confirmed a vocational application; the school of a chosen programme registers.
    const chosen = await rows<{ programme_id: number; code: string }>(sql`
      select c.programme_id, o.code from students s join applications a on a.student_id = s.id join application_choices c on c.application_id = a.id
        join planned_seats ps on ps.id = c.programme_id join majors m on m.id = ps.major_id join organizations o on o.id = m.organization_id
      where s.kind = 'social' and s.name = '宋立新' and s.campaign_id = ${campaignId} order by c.rank`);
    const school = `${chosen[0]!.code.toLowerCase()}.admin`;
    const candidates = await ok(school, 'GET', `/api/admission/registration/candidates?campaignId=${campaignId}`);
    const person = (candidates.items as Json[]).find((c) => c.name === '宋立新');
    expect(person).toMatchObject({ admitted: false, category: expect.any(String) });
    const left = new Map((candidates.programmes as Json[]).map((p) => [p.programmeId, p.seatsLeft]));
    const programmeId = chosen.map((c) => Number(c.programme_id)).find((id) => (left.get(id) ?? 0) > 0)!;
    expect(programmeId).toBeDefined();
    // Only social applicants, only by the programme's own school (the bureau does not register).
    expectError(await send(school, 'POST', '/api/admission/registrations', { studentId: low.s.id, programmeId }), 409, 'REGISTRATION_NOT_SOCIAL');
    expectError(await send('district.admin', 'POST', '/api/admission/registrations', { studentId: person!.studentId, programmeId }), 403, 'FORBIDDEN');
    const other = school === 'v01.admin' ? 'v02.admin' : 'v01.admin';
    expectError(await send(other, 'POST', '/api/admission/registrations', { studentId: person!.studentId, programmeId }), 403, 'FORBIDDEN');
    const admitted = await ok(school, 'POST', '/api/admission/registrations', { studentId: person!.studentId, programmeId });
    expect(admitted).toMatchObject({ kind: 'registration', status: 'admitted', programmeId });
    expectError(await send(school, 'POST', '/api/admission/registrations', { studentId: person!.studentId, programmeId }), 409, 'ALREADY_ADMITTED');
    const after = await ok(school, 'GET', `/api/admission/registration/candidates?campaignId=${campaignId}`);
    expect((after.items as Json[]).find((c) => c.name === '宋立新')!.admitted).toBe(true);
    expect((after.programmes as Json[]).find((p) => p.programmeId === programmeId)!.seatsLeft).toBe(left.get(programmeId)! - 1);
  }, 120_000);

  it('the public reads each programme’s seats, filled places and lowest admitted score', async () => {
    const res = await send(null, 'GET', `/api/public/admission/cutoffs?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.campaign.id).toBe(campaignId);
    const programmes = body.batches.flatMap((b: Json) => b.programmes) as Json[];
    expect(programmes.length).toBeGreaterThan(0);
    for (const p of programmes) expect(p.filled).toBeLessThanOrEqual(p.seats);
    expect(JSON.stringify(body)).not.toContain(top.s.examNo);
  }, 60_000);

  it('a school prints its letters as one PDF in the background', async () => {
    const job = await ok('v02.admin', 'POST', '/api/admission/letters/bundle', { campaignId });
    expectError(await send('v02.admin', 'POST', '/api/admission/letters/bundle', { campaignId, schoolId: await orgId(env(), 'V01') }), 403, 'FORBIDDEN');
    let view = job;
    for (let i = 0; i < 600 && !['done', 'failed'].includes(view.status); i++) {
      await new Promise((done) => setTimeout(done, 100));
      view = await ok('v02.admin', 'GET', `/api/jobs/${job.id}`);
    }
    expect(view.status, view.error).toBe('done');
    expect(view.progress.done).toBe(view.progress.total);
    // Another organisation does not see the job.
    expect((await send('v01.admin', 'GET', `/api/jobs/${job.id}`)).statusCode).toBe(404);
    const file = await send('v02.admin', 'GET', view.download);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from admissions a join organizations o on o.id = a.school_id where o.code = 'V02' and a.campaign_id = ${campaignId} and a.letter_content is not null`);
    const pages = (file.rawPayload.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(n);
  }, 240_000);

  it('a run whose job fails for good is marked failed, with its error, and audited', async () => {
    const [run] = await rows<{ id: number }>(sql`
      insert into admission_runs (campaign_id, batch_id, status, score_set_id, min_score, programme_lines, lottery_seed, tiebreak_names, created_by)
      select campaign_id, batch_id, 'running', score_set_id, min_score, programme_lines, '', tiebreak_names, created_by from admission_runs where id = ${firstRun.id} returning id`);
    await runJobFailed(env().deps, { payload: { runId: run!.id } }, 'the database went away', true);
    const failed = await ok('district.staff', 'GET', `/api/admission/runs/${run!.id}`);
    expect(failed).toMatchObject({ status: 'failed', error: 'the database went away' });
    const [audit] = await rows<{ n: number }>(sql`select count(*)::int as n from audit where action = 'admission.run_failed' and object_id = ${String(run!.id)}`);
    expect(audit!.n).toBe(1);
  }, 60_000);
});
