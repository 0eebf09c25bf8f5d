/**
 * The authorization matrix's rows for the admission round (issue 11: R15, R5), per
 * auth/admission-policy.ts and the use cases that call it: campaign-wide objects (scores,
 * batches, runs and their files, every letter) are the bureaus' — those of the campaign's
 * district and city read them (admission.read), the district bureau imports and locks scores,
 * defines batches and runs them (score.write, admission.run), its admin publishes and decides
 * returns (admission.publish, admission.decide); a school and a junior high hold admission.read
 * only for the admissions themselves: the school its own admitted students (their letters, its
 * letters as one PDF, asking to return one of them, admitting social applicants into its own
 * programmes), the junior high its own students'. The family reads its own result through
 * /api/me/admission; the cutoffs are public. A background job is read by the users of the
 * organisation that asked for it; to anyone else it does not exist (404, not a refusal: the
 * matrix counts it as allowed, `admissionPartyTests` checks who gets which).
 *
 * The fixture writes on each 2027 campaign of the matrix's districts (D01, D02 示例北区, the other
 * city's) a locked score set, a published batch with its run (inputs stored, hashes as a run
 * records them), and admissions with their signed letters and a decided return:
 *  own — JH01's student at V01 (D01), the one admission of every own object set;
 *  foreign — JH02's student at V02 (D01: another school for V01, another junior high for JH01),
 *        JN01's at MXVN01 (D02, for the district bureau), MXJZ01's at MXVZ01 (the other city's).
 * Campaign-wide rows name the campaign of the object set's district (the school's and the junior
 * high's foreign sets: D02's). Jobs: a finished bundle of each district bureau (a file to
 * download) and, for D01 and V01, a bundle in progress. Allowed callers meet a business refusal
 * wherever a row would otherwise change what later rows rely on: the score set is locked, the
 * batch published (a run or a publication is refused), the return decided, the bundle busy,
 * batches name programmes the campaign does not have, a return names a reason it does not list.
 */
import { expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Role } from '@zhizhao/contracts';
import { makeResidentId } from '@zhizhao/domain';
import { DEFAULT_RETURN_REASONS, type ApplicantRecord, type ProgramRecord } from '@zhizhao/domain/admission/index';
import { admissionBatches, admissionReturns, admissionRunApplicants, admissionRunProgrammes, admissionRuns, admissions, campaigns, examScores, jobs, majors, organizations, plannedSeats, scoreSets, users } from '../src/db/schema';
import type { Db } from '../src/db/client';
import { sha256, type RequestContext } from '../src/audit/write-audit';
import { insertStudents } from '../src/features/students/write-roster';
import { campaignById } from '../src/features/applications/bureau-campaign';
import { inputsHashOf, lotterySeedOf, type RunMeta } from '../src/features/admission/inputs';
import { resultsCsv } from '../src/features/admission/csv';
import { letterContent, LetterSigner, programmeFacts, studentFacts } from '../src/features/admission/letters';
import { call, signIn, type TestEnv } from './harness';
import { FAMILY_ACCOUNTS } from './authz-applications';

type Who = Role | 'anonymous';
type O = { org: number; vocational: number; campaign: number; district: number };
type Row = { request: (o: O) => InjectOptions; own: Who[]; foreign: Who[] | { list: (o: O) => number } | 'none' };

const staff: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'];
const family: Role[] = ['student', 'guardian'];
/** Campaign-wide objects: the bureaus of the campaign's district and city (admission-policy.ts canBureau). */
const bureauReaders: Role[] = ['city_admin', 'district_admin', 'district_staff', 'auditor'];
/** The admissions themselves: the bureaus all, a school its own, a junior high its students' (admissionScope, canReadAdmission). */
const admissionReaders: Role[] = [...bureauReaders, 'vocational_admin', 'junior_high_admin'];
/** score.write and admission.run. */
const runners: Role[] = ['district_admin', 'district_staff'];

/** A campaign's round: its locked score set, its published batch and run, a finished job of its bureau. */
type Round = { campaign: number; scoreSet: number; batch: number; run: number; job: number };
/** An object set's admission: the admission, its decided return, its student and programme, its campaign. */
type Admitted = { admission: number; ret: number; student: number; programme: number; campaign: number };
const f = {
  /** By district (the object set's `district`). */
  round: new Map<number, Round>(),
  /** By object set (`org:vocational`). */
  admitted: new Map<string, Admitted>(),
  /** Named objects for admissionPartyTests. */
  named: {} as Record<string, number>,
};
const keyOf = (o: Pick<O, 'org' | 'vocational'>) => `${o.org}:${o.vocational}`;

let seq = 0;
async function student(env: TestEnv, juniorHighId: number, campaignId: number): Promise<{ id: number; examNo: string }> {
  const k = seq++;
  const row = {
    name: `矩阵录取学生${k}`, gender: 'male' as const, idType: 'resident_id' as const, idNumber: makeResidentId('659006', '2011-09-01', 2 * k + 1), examNo: `mxa${Date.now().toString(36)}${k}`,
    className: '九年级3班', cohort: 'current' as const, hukouDistrict: '', guardianName: '矩阵家长', guardianRelation: '母亲', guardianPhone: `1390002${String(1000 + k)}`, juniorHighId,
  };
  const [created] = await env.database.db.transaction((tx) => insertStudents(tx, env.deps.pii, campaignId, [row]));
  return { id: created!.id, examNo: row.examNo };
}

/** A programme of the school in the campaign (the matrix's schools of other districts get one here if the earlier fixtures gave them none). */
async function programmeOf(db: Db, campaignId: number, schoolId: number): Promise<number> {
  const [r] = await db.select({ id: plannedSeats.id }).from(plannedSeats).innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .where(and(eq(plannedSeats.campaignId, campaignId), eq(majors.organizationId, schoolId))).orderBy(asc(plannedSeats.id)).limit(1);
  if (r) return r.id;
  const [m] = await db.select({ id: majors.id }).from(majors).where(eq(majors.organizationId, schoolId)).orderBy(asc(majors.id)).limit(1);
  const [ps] = await db.insert(plannedSeats).values({ campaignId, majorId: m!.id, seats: 10 }).returning();
  return ps!.id;
}

const TIEBREAKS = ['语文', '数学', '外语'];

/**
 * A campaign's round as a publication leaves it: the scores locked, the batch published by its
 * run (the applicants' inputs and placements stored, the inputs hash as runs.ts storedInputs
 * recomputes it), one admission per pair with its signed letter and a rejected return.
 */
async function writeRound(env: TestEnv, campaignId: number, bureauUser: number, pairs: Array<{ jh: number; school: number }>): Promise<{ round: Omit<Round, 'job'>; admitted: Admitted[] }> {
  const db = env.database.db;
  const c = await campaignById(db, campaignId);
  const [{ v }] = (await db.select({ v: max(scoreSets.version) }).from(scoreSets).where(eq(scoreSets.campaignId, campaignId))) as [{ v: number | null }];
  const [set] = await db.insert(scoreSets).values({
    campaignId, version: (v ?? 0) + 1, status: 'locked', rows: pairs.length, contentHash: sha256(`matrix-scores-${campaignId}`), subjects: TIEBREAKS, tiebreakNames: TIEBREAKS, createdBy: bureauUser, lockedAt: new Date(),
  }).returning();
  const [{ s }] = (await db.select({ s: max(admissionBatches.seq) }).from(admissionBatches).where(eq(admissionBatches.campaignId, campaignId))) as [{ s: number | null }];
  const [batch] = await db.insert(admissionBatches).values({
    campaignId, seq: (s ?? 0) + 1, name: '矩阵统招批', kind: 'exam', programmeIds: null, minScore: null, programmeLines: [], publishOn: '2027-04-20', returnUntil: '2027-07-20',
  }).returning();
  const lotterySeed = lotterySeedOf(campaignId, batch!.seq);
  const [run] = await db.insert(admissionRuns).values({
    campaignId, batchId: batch!.id, status: 'published', scoreSetId: set!.id, minScore: null, programmeLines: [], lotterySeed, tiebreakNames: TIEBREAKS, createdBy: bureauUser, publishedAt: new Date(), publishedBy: bureauUser,
  }).returning();

  const programs: ProgramRecord[] = [];
  const applicants: ApplicantRecord[] = [];
  const placed: Array<{ studentId: number; programme: number; school: number; examNo: string }> = [];
  for (const [i, p] of pairs.entries()) {
    const st = await student(env, p.jh, campaignId);
    const programme = await programmeOf(db, campaignId, p.school);
    const score = { total: 500 - i, subjects: { 语文: 100, 数学: 100 - i, 外语: 100 }, tiebreaks: [100, 100 - i, 100] };
    await db.insert(examScores).values({ scoreSetId: set!.id, studentId: st.id, ...score });
    const lottery = 1000 + i;
    await db.insert(admissionRunApplicants).values({
      runId: run!.id, ord: i, studentId: st.id, examNo: st.examNo, juniorHighId: p.jh, score: score.total, tiebreaks: score.tiebreaks, lottery, choices: [programme], acceptAdjustment: false, programmeId: programme, choiceRank: 1, rank: i + 1,
    });
    applicants.push({ id: st.examNo, score: score.total, tiebreaks: score.tiebreaks, lottery, choices: [String(programme)], acceptAdjustment: false });
    if (!programs.some((x) => x.id === String(programme))) {
      await db.insert(admissionRunProgrammes).values({
        runId: run!.id, programmeId: programme, schoolId: p.school, capacity: 10, minScore: null, applicants: 1, firstChoice: 1, admittedMain: 1, admittedAdjustment: 0, lastRank: i + 1,
        lastKey: { score: score.total, tiebreaks: score.tiebreaks, lottery, examNo: st.examNo }, cutoffScore: score.total, cutoffKey: '',
      });
      programs.push({ id: String(programme), schoolId: String(p.school), capacity: 10, minScore: null });
    }
    placed.push({ studentId: st.id, programme, school: p.school, examNo: st.examNo });
  }
  programs.sort((a, b) => Number(a.id) - Number(b.id));
  const meta: RunMeta = { campaignId, batchId: batch!.id, kind: 'exam', scoreSetId: set!.id, scoreSetHash: set!.contentHash, tiebreakNames: TIEBREAKS, lotterySeed, minScore: null, programmeLines: [] };
  const resultsHash = sha256(resultsCsv(placed.map((x) => ({ applicantId: x.examNo, programId: String(x.programme), choiceRank: 1 }))));
  await db.update(admissionRuns).set({ inputsHash: inputsHashOf(meta, programs, applicants), resultsHash, applicants: applicants.length, admitted: placed.length }).where(eq(admissionRuns.id, run!.id));
  await db.update(admissionBatches).set({ publishedRunId: run!.id }).where(eq(admissionBatches.id, batch!.id));

  // The admissions, each with its letter (signed as publish.ts signs them) and a return the bureau rejected.
  const rctx: RequestContext = { actor: null, requestId: 'authz-admission', ip: null };
  const signer = new LetterSigner(db, rctx, env.deps.config.keySecret);
  const campaign = { id: c.id, name: c.name, year: c.year, settings: c.settings, district: { id: c.district.id, name: c.district.name } };
  const people = await studentFacts(db, placed.map((x) => x.studentId));
  const facts = await programmeFacts(db, campaignId, placed.map((x) => x.programme));
  const admitted: Admitted[] = [];
  for (const x of placed) {
    const [a] = await db.insert(admissions).values({ campaignId, studentId: x.studentId, kind: 'batch', batchId: batch!.id, runId: run!.id, programmeId: x.programme, schoolId: x.school, choiceRank: 1, status: 'admitted', createdBy: bureauUser }).returning();
    const content = letterContent({ admissionId: a!.id, campaign, student: people.get(x.studentId)!, programme: facts.get(x.programme)!, batch: batch!.name, kind: 'batch', issuedOn: '2027-04-20' });
    const signed = await signer.sign(content, new Date(), 'matrix');
    await db.update(admissions).set({ letterContent: content, schoolSeal: signed.seal, letterCode: signed.code }).where(eq(admissions.id, a!.id));
    const [r] = await db.insert(admissionReturns).values({ admissionId: a!.id, reason: DEFAULT_RETURN_REASONS[0], note: '矩阵测试', status: 'rejected', decidedBy: bureauUser, decidedAt: new Date(), decisionNote: '矩阵测试' }).returning();
    admitted.push({ admission: a!.id, ret: r!.id, student: x.studentId, programme: x.programme, campaign: campaignId });
  }
  return { round: { campaign: campaignId, scoreSet: set!.id, batch: batch!.id, run: run!.id }, admitted };
}

/** A finished letters bundle asked by `organizationId`'s user: a file to download. */
async function doneJob(db: Db, campaignId: number, schoolId: number, organizationId: number, createdBy: number): Promise<number> {
  const result = { filename: '录取通知书-矩阵.pdf', contentType: 'application/pdf', base64: Buffer.from('%PDF-1.4\n% matrix\n').toString('base64'), count: 1 };
  const [j] = await db.insert(jobs).values({ kind: 'letters.bundle', payload: { campaignId, schoolId, origin: 'http://localhost' }, status: 'done', phase: 'letters', done: 1, total: 1, attempts: 1, result, organizationId, createdBy, finishedAt: new Date() }).returning();
  return j!.id;
}

/** Run after the matrix's own fixture and the publicity, applications and transfers fixtures (the foreign schools' majors and programmes). */
export async function buildAdmissionFixture(env: TestEnv): Promise<void> {
  f.round.clear();
  f.admitted.clear();
  f.named = {};
  const db = env.database.db;
  const orgs = await db.select().from(organizations).where(inArray(organizations.code, ['D01', 'D02', 'JH01', 'JH02', 'JN01', 'V01', 'V02', 'MXVN01', 'MXJZ01', 'MXVZ01']));
  const id = (code: string) => orgs.find((o) => o.code === code)!.id;
  const far = orgs.find((o) => o.code === 'MXJZ01')!.districtId!;
  const campaignOf = async (districtId: number) => (await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.districtId, districtId), eq(campaigns.year, 2027))))[0]!.id;
  const userOf = async (username: string) => (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
  const [districtAdmin, northAdmin, cityAdmin, v01Admin] = [await userOf('district.admin'), await userOf('north.admin'), await userOf('city.admin'), await userOf('v01.admin')];

  const c01 = await campaignOf(id('D01'));
  const own = await writeRound(env, c01, districtAdmin, [{ jh: id('JH01'), school: id('V01') }, { jh: id('JH02'), school: id('V02') }]);
  const north = await writeRound(env, await campaignOf(id('D02')), northAdmin, [{ jh: id('JN01'), school: id('MXVN01') }]);
  const farRound = await writeRound(env, await campaignOf(far), cityAdmin, [{ jh: id('MXJZ01'), school: id('MXVZ01') }]);
  const [a1, a2] = own.admitted;
  const [aN] = north.admitted;
  const [aF] = farRound.admitted;

  const j1 = await doneJob(db, c01, id('V01'), id('D01'), districtAdmin);
  const jN = await doneJob(db, north.round.campaign, id('MXVN01'), id('D02'), northAdmin);
  const jF = await doneJob(db, farRound.round.campaign, id('MXVZ01'), far, cityAdmin);
  f.round.set(id('D01'), { ...own.round, job: j1 });
  f.round.set(id('D02'), { ...north.round, job: jN });
  f.round.set(far, { ...farRound.round, job: jF });
  // V01's letters are being bundled (a lease no worker takes over): asking again meets JOB_BUSY.
  await db.insert(jobs).values({
    kind: 'letters.bundle', payload: { campaignId: c01, schoolId: id('V01'), origin: 'http://localhost' }, status: 'running', phase: 'letters', attempts: 1, owner: 'authz-matrix',
    leaseUntil: new Date(Date.now() + 86_400_000), organizationId: id('V01'), createdBy: v01Admin,
  });

  for (const key of [keyOf({ org: id('JH01'), vocational: id('V01') }), keyOf({ org: id('D01'), vocational: id('V01') }), keyOf({ org: id('V01'), vocational: id('V01') })]) f.admitted.set(key, a1!);
  for (const key of [keyOf({ org: id('V02'), vocational: id('V02') }), keyOf({ org: id('JH02'), vocational: id('V02') })]) f.admitted.set(key, a2!);
  f.admitted.set(keyOf({ org: id('D02'), vocational: id('MXVN01') }), aN!);
  f.admitted.set(keyOf({ org: id('MXJZ01'), vocational: id('MXVZ01') }), aF!);
  f.named = { v01: id('V01'), a1: a1!.admission, a2: a2!.admission, aN: aN!.admission, r1: a1!.ret, rN: aN!.ret, c01, c02: north.round.campaign, j1, jN };
}

const round = (o: O) => f.round.get(o.district)!;
const admittedOf = (o: O) => f.admitted.get(keyOf(o))!;
/** An object set's admitted student (after buildAdmissionFixture): the enrolment rows act on it (authz-enrolment.ts). */
export const admittedFor = (o: Pick<O, 'org' | 'vocational'>): Admitted => f.admitted.get(keyOf(o))!;
const get = (url: (o: O) => string) => (o: O): InjectOptions => ({ method: 'GET', url: url(o) });
const send = (method: 'POST' | 'PUT', url: (o: O) => string, payload?: (o: O) => object) => (o: O): InjectOptions => ({ method, url: url(o), ...(payload ? { payload: payload(o) } : {}) });
const badUpload = (url: (o: O) => string) => (o: O): InjectOptions => ({
  method: 'POST', url: url(o), headers: { 'content-type': 'multipart/form-data; boundary=b' },
  payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nnot excel\r\n--b--\r\n',
});
/** Schema-valid, refused after the scope check: the programme is no programme of the campaign (BATCH_INVALID). */
const badBatch = { name: '矩阵批次', kind: 'exam', programmeIds: [999_999], minScore: null, programmeLines: [], publishOn: null, returnUntil: null };

export const admissionRows: Record<string, Row> = {
  // 中考成绩: the bureaus read; the district bureau imports (a dry run of an unreadable file) and locks (locked already: SCORE_SET_LOCKED).
  'GET /api/admission/score-sets': { request: get((o) => `/api/admission/score-sets?campaignId=${round(o).campaign}`), own: bureauReaders, foreign: [] },
  'POST /api/admission/score-sets/import': { request: badUpload((o) => `/api/admission/score-sets/import?campaignId=${round(o).campaign}&dryRun=true`), own: runners, foreign: [] },
  'POST /api/admission/score-sets/:id/lock': { request: send('POST', (o) => `/api/admission/score-sets/${round(o).scoreSet}/lock`), own: runners, foreign: [] },
  'GET /api/admission/score-sets/:id/rows': { request: get((o) => `/api/admission/score-sets/${round(o).scoreSet}/rows`), own: bureauReaders, foreign: [] },
  'GET /api/admission/score-template.xlsx': { request: get((o) => `/api/admission/score-template.xlsx?campaignId=${round(o).campaign}`), own: runners, foreign: [] },

  // 批次: the bureaus read; the district bureau defines them (a programme of no campaign: BATCH_INVALID).
  'GET /api/admission/batches': { request: get((o) => `/api/admission/batches?campaignId=${round(o).campaign}`), own: bureauReaders, foreign: [] },
  'POST /api/admission/batches': { request: send('POST', (o) => `/api/admission/batches?campaignId=${round(o).campaign}`, () => badBatch), own: runners, foreign: [] },
  'PUT /api/admission/batches/:id': { request: send('PUT', (o) => `/api/admission/batches/${round(o).batch}`, () => badBatch), own: runners, foreign: [] },

  // Runs: the what-if writes nothing; a run of the published batch is refused (BATCH_PUBLISHED), and so is publishing a published run (ADMISSION_RUN_NOT_READY); only the admin publishes.
  'POST /api/admission/preview': { request: send('POST', () => '/api/admission/preview', (o) => ({ batchId: round(o).batch })), own: runners, foreign: [] },
  'POST /api/admission/runs': { request: send('POST', () => '/api/admission/runs', (o) => ({ batchId: round(o).batch })), own: runners, foreign: [] },
  'GET /api/admission/runs': { request: get((o) => `/api/admission/runs?campaignId=${round(o).campaign}`), own: bureauReaders, foreign: [] },
  'GET /api/admission/runs/:id': { request: get((o) => `/api/admission/runs/${round(o).run}`), own: bureauReaders, foreign: [] },
  'GET /api/admission/runs/:id/placements': { request: get((o) => `/api/admission/runs/${round(o).run}/placements`), own: bureauReaders, foreign: [] },
  'GET /api/admission/runs/:id/files/:name': { request: get((o) => `/api/admission/runs/${round(o).run}/files/applicants.csv`), own: bureauReaders, foreign: [] },
  'POST /api/admission/runs/:id/publish': { request: send('POST', (o) => `/api/admission/runs/${round(o).run}/publish`), own: ['district_admin'], foreign: [] },

  // Admissions: the bureaus all of their campaigns', a school its own, a junior high its students' — the list of the admission's campaign must not show another school's or junior high's.
  'GET /api/admission/admissions': { request: get((o) => `/api/admission/admissions?campaignId=${admittedOf(o).campaign}&pageSize=200`), own: admissionReaders, foreign: { list: (o) => admittedOf(o).admission } },
  'GET /api/admission/admissions.xlsx': { request: get((o) => `/api/admission/admissions.xlsx?campaignId=${round(o).campaign}`), own: admissionReaders, foreign: [] },
  'GET /api/admission/admissions/:id/letter.pdf': { request: get((o) => `/api/admission/admissions/${admittedOf(o).admission}/letter.pdf`), own: admissionReaders, foreign: [] },
  // The letters' codes: the bureaus only.
  'GET /api/admission/letters': { request: get((o) => `/api/admission/letters?campaignId=${round(o).campaign}`), own: bureauReaders, foreign: [] },
  // A school's letters as one PDF: the school itself or a bureau, never a junior high; V01's bundle is in progress (JOB_BUSY). A school names only itself.
  'POST /api/admission/letters/bundle': { request: send('POST', () => '/api/admission/letters/bundle', (o) => ({ campaignId: admittedOf(o).campaign, schoolId: o.vocational })), own: [...bureauReaders, 'vocational_admin'], foreign: [] },

  // 退档: read as the admissions are; the enrolling school asks (a reason the campaign does not list: RETURN_REASON_NOT_LISTED); the district's admin decides (decided already: RETURN_ALREADY_DECIDED).
  'GET /api/admission/returns': { request: get((o) => `/api/admission/returns?campaignId=${admittedOf(o).campaign}`), own: admissionReaders, foreign: { list: (o) => admittedOf(o).ret } },
  'POST /api/admission/returns': { request: send('POST', () => '/api/admission/returns', (o) => ({ admissionId: admittedOf(o).admission, reason: '矩阵测试理由' })), own: ['vocational_admin'], foreign: [] },
  'POST /api/admission/returns/:id/decide': { request: send('POST', (o) => `/api/admission/returns/${admittedOf(o).ret}/decide`, () => ({ approve: false, note: '矩阵测试' })), own: ['district_admin'], foreign: [] },

  // 注册入学 (R5): a school into its own programmes (a roster student is no social applicant: REGISTRATION_NOT_SOCIAL).
  'GET /api/admission/registration/candidates': { request: get((o) => `/api/admission/registration/candidates?campaignId=${round(o).campaign}`), own: ['vocational_admin'], foreign: [] },
  'POST /api/admission/registrations': { request: send('POST', () => '/api/admission/registrations', (o) => ({ studentId: admittedOf(o).student, programmeId: admittedOf(o).programme })), own: ['vocational_admin'], foreign: [] },

  // The family's own result: no object to name. The matrix's family has no admission (its letter: 404) and no solicitation round (SOLICITATION_NOT_ELIGIBLE).
  'GET /api/me/admission': { request: get(() => '/api/me/admission'), own: family, foreign: 'none' },
  'PUT /api/me/admission/solicitation': { request: send('PUT', () => '/api/me/admission/solicitation', () => ({ batchId: 999_999, choices: [1], acceptAdjustment: false })), own: family, foreign: 'none' },
  'GET /api/me/admission/letter.pdf': { request: get(() => '/api/me/admission/letter.pdf'), own: family, foreign: 'none' },

  'GET /api/public/admission/cutoffs': { request: get(() => `/api/public/admission/cutoffs?campaignId=${f.named.c01}`), own: ['anonymous', ...staff, ...family], foreign: 'none' },

  // Jobs: any signed-in caller gets past authorization; a job of another organisation answers 404 (see admissionPartyTests).
  'GET /api/jobs/:id': { request: get((o) => `/api/jobs/${round(o).job}`), own: [...staff, ...family], foreign: [...staff, ...family] },
  'GET /api/jobs/:id/download': { request: get((o) => `/api/jobs/${round(o).job}/download`), own: [...staff, ...family], foreign: [...staff, ...family] },
};

const DENIED = new Set(['AUTH_REQUIRED', 'FORBIDDEN']);
/** As the matrix: no JSON answer carries a whole 18-character ID number (PIPL, issue 9). */
const WHOLE_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/**
 * What the matrix's fixed callers cannot show: who reads a job (only its organisation's users;
 * to anyone else it does not exist), and V02, V11, JH02, the north district's bureau and its
 * junior high JN01 on the same admissions. Register inside the matrix's suite (after its
 * fixture is built).
 */
export function admissionPartyTests(env: () => TestEnv) {
  it('admission: jobs are read by their organisation only; V02, V11, JH02, north.admin and jn01.admin act only on their own admissions', async () => {
    const n = f.named;
    const cases: Array<[string, 'allow' | 'deny' | number, InjectOptions]> = [];
    const add = (who: string, expected: 'allow' | 'deny' | number, method: InjectOptions['method'], url: string, payload?: object) => cases.push([who, expected, { method, url, ...(payload ? { payload } : {}) }]);
    // D01's bundle (asked by district.admin): its colleague reads and downloads it; to everyone else it does not exist.
    add('district.staff', 200, 'GET', `/api/jobs/${n.j1}`);
    add('district.staff', 200, 'GET', `/api/jobs/${n.j1}/download`);
    for (const who of ['city.admin', 'city.auditor', 'v01.admin', 'jh01.admin', 'north.admin', FAMILY_ACCOUNTS.student, FAMILY_ACCOUNTS.guardian]) {
      add(who, 404, 'GET', `/api/jobs/${n.j1}`);
      add(who, 404, 'GET', `/api/jobs/${n.j1}/download`);
    }
    add('north.admin', 200, 'GET', `/api/jobs/${n.jN}`);
    add('north.admin', 200, 'GET', `/api/jobs/${n.jN}/download`);
    add('district.admin', 404, 'GET', `/api/jobs/${n.jN}`);

    // V02: its own admitted student (the letter; a return, refused for its reason), never V01's.
    add('v02.admin', 'allow', 'GET', `/api/admission/admissions/${n.a2}/letter.pdf`);
    add('v02.admin', 'allow', 'POST', '/api/admission/returns', { admissionId: n.a2, reason: '矩阵测试理由' });
    add('v02.admin', 'deny', 'GET', `/api/admission/admissions/${n.a1}/letter.pdf`);
    add('v02.admin', 'deny', 'POST', '/api/admission/returns', { admissionId: n.a1, reason: '矩阵测试理由' });
    add('v02.admin', 'deny', 'POST', '/api/admission/letters/bundle', { campaignId: n.c01, schoolId: n.v01 });
    // V11, a city-run school standing in D01: none of these is its.
    for (const id of [n.a1, n.a2]) add('v11.admin', 'deny', 'GET', `/api/admission/admissions/${id}/letter.pdf`);
    add('v11.admin', 'deny', 'POST', '/api/admission/returns', { admissionId: n.a1, reason: '矩阵测试理由' });
    // JH02: its own student's letter, not JH01's.
    add('jh02.admin', 'allow', 'GET', `/api/admission/admissions/${n.a2}/letter.pdf`);
    add('jh02.admin', 'deny', 'GET', `/api/admission/admissions/${n.a1}/letter.pdf`);
    // The north district's bureau: its own campaign's round, nothing of D01's.
    add('north.admin', 'allow', 'GET', `/api/admission/admissions/${n.aN}/letter.pdf`);
    add('north.admin', 'allow', 'GET', `/api/admission/batches?campaignId=${n.c02}`);
    add('north.admin', 'allow', 'POST', `/api/admission/returns/${n.rN}/decide`, { approve: false, note: '矩阵测试' });
    add('north.admin', 'deny', 'GET', `/api/admission/admissions/${n.a1}/letter.pdf`);
    add('north.admin', 'deny', 'GET', `/api/admission/batches?campaignId=${n.c01}`);
    add('north.admin', 'deny', 'GET', `/api/admission/admissions?campaignId=${n.c01}`);
    add('north.admin', 'deny', 'POST', `/api/admission/returns/${n.r1}/decide`, { approve: false, note: '矩阵测试' });
    // JN01: its student's letter (D02), never D01's.
    add('jn01.admin', 'allow', 'GET', `/api/admission/admissions/${n.aN}/letter.pdf`);
    add('jn01.admin', 'deny', 'GET', `/api/admission/admissions/${n.a1}/letter.pdf`);
    add('jn01.admin', 'deny', 'GET', `/api/admission/admissions?campaignId=${n.c01}`);

    const cookies = new Map<string, string>();
    const outcomes: string[] = [];
    for (const [who, expected, req] of cases) {
      if (!cookies.has(who)) cookies.set(who, await signIn(env().app, who));
      const res = await call(env().app, cookies.get(who)!, req);
      if (typeof expected === 'number') {
        if (res.statusCode !== expected) outcomes.push(`${who} ${req.method} ${req.url}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      } else {
        const denied = (res.statusCode === 401 || res.statusCode === 403) && DENIED.has(res.json().error?.code);
        if (denied !== (expected === 'deny')) outcomes.push(`${who} ${req.method} ${req.url}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      if (res.statusCode >= 500) outcomes.push(`${who} ${req.method} ${req.url}: ${res.statusCode}`);
      if (String(res.headers['content-type'] ?? '').includes('json') && WHOLE_ID.test(res.body)) outcomes.push(`${who} ${req.method} ${req.url}: the answer carries a whole ID number`);
    }
    // The lists: a school and a junior high see their own admissions of the campaign, never another's.
    const listed = async (who: string) => {
      const res = await call(env().app, cookies.get(who) ?? (await signIn(env().app, who)), { method: 'GET', url: `/api/admission/admissions?campaignId=${n.c01}&pageSize=200` });
      expect(res.statusCode, `${who}: ${res.body.slice(0, 120)}`).toBe(200);
      return (res.json().items as Array<{ id: number }>).map((i) => i.id);
    };
    expect(await listed('v02.admin')).toContain(n.a2);
    expect(await listed('v02.admin')).not.toContain(n.a1);
    expect(await listed('jh02.admin')).toContain(n.a2);
    expect(await listed('jh02.admin')).not.toContain(n.a1);
    expect(await listed('v11.admin')).not.toContain(n.a1);
    expect(await listed('v11.admin')).not.toContain(n.a2);
    expect(await listed('district.staff')).toEqual(expect.arrayContaining([n.a1, n.a2]));
    expect(outcomes).toEqual([]);
  });
}
