/**
 * The authorization matrix's rows for early transfer (issue 10: R13, R14), per
 * auth/transfer-policy.ts: the family acts on its own through /api/me/early-transfer; the two
 * schools of a form or list read it, seal, refuse and withdraw (the junior high as `source`, the
 * vocational school as `school`, a city-run school of the district like any other); the
 * campaign's district bureau reads everything of its campaigns, files lists and returns filed
 * students, but seals nothing; the city and auditors read their districts'. Curriculum: the
 * junior high and the district bureau (admin). Caps: who manages the school's planned seats.
 *
 * The fixture gives each object set of the matrix a form, a list and the form's student:
 *  own — JH01 → V01 (the city's, the auditor's, the junior high's, the school's and the
 *        family's objects; the list sealed by both) and JH01 → V11 for the district bureau (a
 *        city-run school standing in the district: the bureau reads and files, never seals;
 *        the list open);
 *  foreign — JH01 → V11 for V01 (another school of the same junior high and district),
 *        JH02 → V01 for JH01 (another junior high of the same school), JN01 → a school of
 *        示例北区 (D02) for the district bureau, and a pair of another city for the city.
 * Forms are written at `awaiting_source` (the matrix's clock is in April); the own list's form
 * is sealed and listed through the API. Allowed callers meet a business refusal (a stale
 * version, a transition, a cap above the seats) wherever a row would otherwise change what later
 * rows rely on; the one own list is withdrawn by the last row that touches it.
 *
 * `transferPartyTests` adds what the matrix's fixed callers cannot show: V11, V02, JH02, the
 * north district bureau and its junior high JN01 acting on the same objects.
 */
import { expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Role } from '@zhizhao/contracts';
import { makeResidentId } from '@zhizhao/domain';
import { campaigns, earlyTransferLists, earlyTransfers, majors, organizations, plannedSeats } from '../src/db/schema';
import type { Db } from '../src/db/client';
import { insertStudents } from '../src/features/students/write-roster';
import { formContent, programmeOf, studentRow } from '../src/features/transfers/content';
import { call, signIn, type TestEnv } from './harness';

type Who = Role | 'anonymous';
type O = { org: number; vocational: number; campaign: number; district: number };
type Row = { request: (o: O) => InjectOptions; own: Who[]; foreign: Who[] | { list: (o: O) => number } | 'none' };

const readers: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'];
const sealers: Role[] = ['vocational_admin', 'junior_high_admin'];
const filers: Role[] = ['district_admin', 'district_staff'];
const family: Role[] = ['student', 'guardian'];

type Pair = { campaign: number; jh: number; school: number };
/** By object set (`org:vocational`): its form, a second form to withdraw, its list, the form's student, the pair. */
const f = {
  form: new Map<string, number>(), throwaway: new Map<string, number>(), list: new Map<string, number>(), student: new Map<string, number>(), pair: new Map<string, Pair>(),
  /** A programme of each campaign (for the caps rows). */
  programme: new Map<number, number>(),
  /** Named objects for transferPartyTests. */
  named: {} as Record<string, number>,
};
const keyOf = (o: Pick<O, 'org' | 'vocational'>) => `${o.org}:${o.vocational}`;

let seq = 0;
async function student(env: TestEnv, juniorHighId: number, campaignId: number): Promise<number> {
  const k = seq++;
  const row = {
    name: `矩阵提前学生${k}`, gender: 'female' as const, idType: 'resident_id' as const, idNumber: makeResidentId('659004', '2011-06-01', 2 * k + 2), examNo: `mxt${Date.now().toString(36)}${k}`,
    className: '九年级2班', cohort: 'current' as const, hukouDistrict: '', guardianName: '矩阵家长', guardianRelation: '父亲', guardianPhone: `1390001${String(1000 + k)}`, juniorHighId,
  };
  const [created] = await env.database.db.transaction((tx) => insertStudents(tx, env.deps.pii, campaignId, [row]));
  return created!.id;
}

/** A form written as the request use case would (content filled from the records), at `status`. */
async function form(env: TestEnv, p: Pair & { programme: number }, status = 'awaiting_source', listId: number | null = null) {
  const db = env.database.db;
  const studentId = await student(env, p.jh, p.campaign);
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, p.campaign));
  const [jh] = await db.select().from(organizations).where(eq(organizations.id, p.jh));
  const [t] = await db.insert(earlyTransfers).values({
    campaignId: p.campaign, studentId, juniorHighId: p.jh, schoolId: p.school, programmeId: p.programme, status, version: 1, requestedBy: 'student', requestedOn: '2027-04-21',
    content: {}, studentConfirmedVersion: 1, guardianConfirmedVersion: 1, listId,
  }).returning();
  const content = formContent({ transferId: t!.id, version: 1, requestedOn: '2027-04-21', campaign: { id: c!.id, name: c!.name, year: c!.year }, student: await studentRow(db, studentId), juniorHigh: { id: jh!.id, code: jh!.code, name: jh!.name }, programme: (await programmeOf(db, p.campaign, p.programme))! });
  await db.update(earlyTransfers).set({ content }).where(eq(earlyTransfers.id, t!.id));
  return { id: t!.id, studentId, content };
}

/** A list of one listed form of the pair, written directly (open: nobody sealed it). */
async function writtenList(env: TestEnv, p: Pair & { programme: number }) {
  const db = env.database.db;
  const [l] = await db.insert(earlyTransferLists).values({ campaignId: p.campaign, juniorHighId: p.jh, schoolId: p.school, status: 'open', content: {} }).returning();
  const t = await form(env, p, 'listed', l!.id);
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, p.campaign));
  const [jh, school] = await Promise.all([p.jh, p.school].map((id) => db.select().from(organizations).where(eq(organizations.id, id)).then((r) => r[0]!)));
  const s = t.content.student;
  await db.update(earlyTransferLists).set({
    content: {
      list: '提前到中职学校学习学生汇总名单', listId: l!.id, campaign: { id: c!.id, name: c!.name, year: c!.year }, juniorHigh: { id: jh!.id, code: jh!.code, name: jh!.name },
      school: { id: school!.id, code: school!.code, name: school!.name, runBy: school!.runBy === 'district' ? 'district' : 'city' },
      students: [{ transferId: t.id, version: 1, examNo: s.examNo, name: s.name, gender: s.gender, className: s.className, majorName: t.content.programme.majorName, campusName: t.content.programme.campusName }],
    },
  }).where(eq(earlyTransferLists.id, l!.id));
  return l!.id;
}

async function firstProgramme(db: Db, campaignId: number, schoolId: number): Promise<number> {
  const [r] = await db.select({ id: plannedSeats.id }).from(plannedSeats).innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .where(and(eq(plannedSeats.campaignId, campaignId), eq(majors.organizationId, schoolId))).orderBy(asc(majors.code)).limit(1);
  if (r) return r.id;
  // The matrix's schools of other districts (MXVN01, MXVZ01) have a major (publicity fixture), not yet planned seats.
  const [m] = await db.select({ id: majors.id }).from(majors).where(eq(majors.organizationId, schoolId)).limit(1);
  const [ps] = await db.insert(plannedSeats).values({ campaignId, majorId: m!.id, seats: 10, earlyTransferCap: 2 }).returning();
  return ps!.id;
}

/** Run after the publicity and applications fixtures (the foreign schools' majors). */
export async function buildTransfersFixture(env: TestEnv): Promise<void> {
  for (const m of [f.form, f.throwaway, f.list, f.student, f.pair, f.programme]) m.clear();
  f.named = {};
  const db = env.database.db;
  const orgs = await db.select().from(organizations).where(inArray(organizations.code, ['D01', 'D02', 'JH01', 'JH02', 'JN01', 'V01', 'V02', 'V11', 'MXVN01', 'MXJZ01', 'MXVZ01']));
  const id = (code: string) => orgs.find((o) => o.code === code)!.id;
  const campaignOf = async (districtId: number) => (await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.districtId, districtId), eq(campaigns.year, 2027))))[0]!.id;
  const farDistrict = orgs.find((o) => o.code === 'MXJZ01')!.districtId!;
  const [c01, c02, c99] = [await campaignOf(id('D01')), await campaignOf(id('D02')), await campaignOf(farDistrict)];
  const pair = async (campaign: number, jh: string, school: string) => ({ campaign, jh: id(jh), school: id(school), programme: await firstProgramme(db, campaign, id(school)) });
  const own = await pair(c01, 'JH01', 'V01');
  const city = await pair(c01, 'JH01', 'V11');
  const otherJh = await pair(c01, 'JH02', 'V01');
  const north = await pair(c02, 'JN01', 'MXVN01');
  const far = await pair(c99, 'MXJZ01', 'MXVZ01');
  for (const p of [own, city, north, far]) f.programme.set(p.campaign, p.programme);
  f.programme.set(c01, own.programme);

  // Own: forms at the junior high's seal; the list of JH01 → V01 sealed by both, of JH01 → V11 open (sealed forms, through the API).
  const [jh01, v01, v11] = await Promise.all(['jh01.admin', 'v01.admin', 'v11.admin'].map((u) => signIn(env.app, u)));
  const api = async (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(env.app, cookie, { method, url, ...(payload ? { payload } : {}) });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const sealedList = async (p: typeof own, school: string, sealBoth: boolean) => {
    const t = await form(env, p);
    await api(jh01!, 'POST', `/api/early-transfers/${t.id}/seal`, { version: 1 });
    await api(school, 'POST', `/api/early-transfers/${t.id}/seal`, { version: 1 });
    const l = await api(jh01!, 'POST', '/api/early-transfer-lists', { campaignId: p.campaign, juniorHighId: p.jh, schoolId: p.school });
    if (sealBoth) for (const c of [jh01!, school]) await api(c, 'POST', `/api/early-transfer-lists/${l.id}/seal`);
    return l.id as number;
  };
  const set = (key: string, p: Pair, t: { id: number; studentId: number }, throwaway: number, list: number) => {
    f.form.set(key, t.id); f.student.set(key, t.studentId); f.throwaway.set(key, throwaway); f.list.set(key, list); f.pair.set(key, p);
  };
  const fA = await form(env, own);
  const fW = await form(env, own);
  const L1 = await sealedList(own, v01!, true);
  const fV = await form(env, city);
  const L3 = await sealedList(city, v11!, false);
  for (const key of [keyOf({ org: id('JH01'), vocational: id('V01') }), keyOf({ org: id('V01'), vocational: id('V01') })]) set(key, own, fA, fW.id, L1);
  set(keyOf({ org: id('D01'), vocational: id('V01') }), city, fV, fV.id, L3);
  // Foreign: for V01 the V11 form of the same junior high; for JH01 a JH02 form at V01; D02's and the other city's.
  set(keyOf({ org: id('V02'), vocational: id('V02') }), city, fV, fV.id, L3);
  const fJ2 = await form(env, otherJh);
  set(keyOf({ org: id('JH02'), vocational: id('V02') }), otherJh, fJ2, fJ2.id, await writtenList(env, otherJh));
  const fN = await form(env, north);
  const LN = await writtenList(env, north);
  set(keyOf({ org: id('D02'), vocational: id('MXVN01') }), north, fN, fN.id, LN);
  const fF = await form(env, far);
  set(keyOf({ org: id('MXJZ01'), vocational: id('MXVZ01') }), far, fF, fF.id, await writtenList(env, far));
  f.named = { fA: fA.id, sA: fA.studentId, fV: fV.id, L1, L3, fJ2: fJ2.id, sJ2: fJ2.studentId, LJ2: f.list.get(keyOf({ org: id('JH02'), vocational: id('V02') }))!, fN: fN.id, LN, c01, v01Programme: own.programme, v11Programme: city.programme };
}

const formOf = (o: O) => f.form.get(keyOf(o))!;
const listOf = (o: O) => f.list.get(keyOf(o))!;
const studentOf = (o: O) => f.student.get(keyOf(o))!;
const pairOf = (o: O) => f.pair.get(keyOf(o))!;
const get = (url: (o: O) => string) => (o: O): InjectOptions => ({ method: 'GET', url: url(o) });
const send = (method: 'POST' | 'PUT', url: (o: O) => string, payload?: (o: O) => object) => (o: O): InjectOptions => ({ method, url: url(o), ...(payload ? { payload: payload(o) } : {}) });
const reason = { reason: '矩阵测试理由' };
/** Refused for the parties: the form is at version 1. */
const stale = { version: 999 };

export const transferRows: Record<string, Row> = {
  // The family's own request: no object to name. The matrix's clock is in April: a request is refused (NOT_OPEN), the rest find none (404).
  'GET /api/me/early-transfer': { request: get(() => '/api/me/early-transfer'), own: family, foreign: 'none' },
  'POST /api/me/early-transfer': { request: send('POST', () => '/api/me/early-transfer', () => ({ programmeId: 1 })), own: family, foreign: 'none' },
  'PUT /api/me/early-transfer': { request: send('PUT', () => '/api/me/early-transfer', () => ({ programmeId: 1, version: 1 })), own: family, foreign: 'none' },
  'POST /api/me/early-transfer/confirm': { request: send('POST', () => '/api/me/early-transfer/confirm', () => ({ version: 1 })), own: family, foreign: 'none' },
  'POST /api/me/early-transfer/withdraw': { request: send('POST', () => '/api/me/early-transfer/withdraw', () => reason), own: family, foreign: 'none' },
  'GET /api/me/early-transfer/pdf': { request: get(() => '/api/me/early-transfer/pdf'), own: family, foreign: 'none' },

  // Forms: both schools and the bureaus in scope read; the schools act at their turn (a stale version here); the district returns after filing (a transition here).
  'GET /api/early-transfers': { request: get(() => '/api/early-transfers?pageSize=200'), own: readers, foreign: { list: formOf } },
  'GET /api/early-transfers/:id': { request: get((o) => `/api/early-transfers/${formOf(o)}`), own: readers, foreign: [] },
  'GET /api/early-transfers/:id/pdf': { request: get((o) => `/api/early-transfers/${formOf(o)}/pdf`), own: readers, foreign: [] },
  'POST /api/early-transfers/:id/seal': { request: send('POST', (o) => `/api/early-transfers/${formOf(o)}/seal`, () => stale), own: sealers, foreign: [] },
  'POST /api/early-transfers/:id/refuse': { request: send('POST', (o) => `/api/early-transfers/${formOf(o)}/refuse`, () => ({ ...reason, ...stale })), own: sealers, foreign: [] },
  // A form of its own, named at a version it never had: the parties meet EARLY_TRANSFER_STALE (were the version ignored, the first would withdraw it).
  'POST /api/early-transfers/:id/withdraw': { request: send('POST', (o) => `/api/early-transfers/${f.throwaway.get(keyOf(o))}/withdraw`, () => ({ ...reason, ...stale })), own: sealers, foreign: [] },
  'POST /api/early-transfers/:id/return': { request: send('POST', (o) => `/api/early-transfers/${formOf(o)}/return`, () => reason), own: filers, foreign: [] },
  'PUT /api/early-transfers/:id/exam-result': { request: send('PUT', (o) => `/api/early-transfers/${formOf(o)}/exam-result`, () => ({ subjects: [{ subject: '矩阵', sat: true, passed: true }] })), own: ['vocational_admin'], foreign: [] },

  // Lists: the pair's schools make and seal them, the district files them.
  'GET /api/early-transfer-lists': { request: get(() => '/api/early-transfer-lists?pageSize=200'), own: readers, foreign: { list: listOf } },
  // Filtered to the caller's own pairs whatever campaign is named: a foreign campaign answers nothing of anyone else's.
  'GET /api/early-transfer-lists/candidates': { request: get((o) => `/api/early-transfer-lists/candidates?campaignId=${o.campaign}`), own: sealers, foreign: sealers },
  // The pair's forms are all listed already: EARLY_TRANSFER_LIST_EMPTY for the parties.
  'POST /api/early-transfer-lists': { request: send('POST', () => '/api/early-transfer-lists', (o) => ({ campaignId: pairOf(o).campaign, juniorHighId: pairOf(o).jh, schoolId: pairOf(o).school })), own: sealers, foreign: [] },
  'GET /api/early-transfer-lists/:id': { request: get((o) => `/api/early-transfer-lists/${listOf(o)}`), own: readers, foreign: [] },
  'GET /api/early-transfer-lists/:id/pdf': { request: get((o) => `/api/early-transfer-lists/${listOf(o)}/pdf`), own: readers, foreign: [] },
  'GET /api/early-transfer-lists/:id/xlsx': { request: get((o) => `/api/early-transfer-lists/${listOf(o)}/xlsx`), own: readers, foreign: [] },
  // Sealed by both already (a transition); the district's own list is open: EARLY_TRANSFER_LIST_NOT_SEALED.
  'POST /api/early-transfer-lists/:id/seal': { request: send('POST', (o) => `/api/early-transfer-lists/${listOf(o)}/seal`), own: sealers, foreign: [] },
  'POST /api/early-transfer-lists/:id/file': { request: send('POST', (o) => `/api/early-transfer-lists/${listOf(o)}/file`), own: filers, foreign: [] },
  // Last of the rows on the own list: the first party withdraws it, the other meets a transition.
  'POST /api/early-transfer-lists/:id/withdraw': { request: send('POST', (o) => `/api/early-transfer-lists/${listOf(o)}/withdraw`, () => reason), own: sealers, foreign: [] },

  // R13: the junior high's roster, or the district bureau's campaigns. Undoing it for a student with a form in progress: EARLY_TRANSFER_CURRICULUM_LOCKED.
  'GET /api/curriculum': { request: get((o) => `/api/curriculum?campaignId=${pairOf(o).campaign}&pageSize=200`), own: ['district_admin', 'junior_high_admin'], foreign: { list: studentOf } },
  'POST /api/curriculum': { request: send('POST', () => '/api/curriculum', (o) => ({ studentIds: [studentOf(o)], completed: false })), own: ['district_admin', 'junior_high_admin'], foreign: [] },

  // R14: read as the forms are (a foreign campaign answers only the caller's own, i.e. nothing); a school keeps its own plan (no courses: VALIDATION_FAILED).
  'GET /api/early-transfer-prep': { request: get((o) => `/api/early-transfer-prep?campaignId=${o.campaign}`), own: readers, foreign: readers },
  'PUT /api/early-transfer-prep': { request: send('PUT', () => '/api/early-transfer-prep', (o) => ({ campaignId: o.campaign, juniorHighId: pairOf(o).jh, mode: 'school_courses', courses: [] })), own: ['vocational_admin'], foreign: ['vocational_admin'] },
  'GET /api/early-transfer-report': { request: get((o) => `/api/early-transfer-report?campaignId=${o.campaign}`), own: readers, foreign: [] },
  // Caps: read by the district's staff and schools; set by who manages the school (above the seats: EARLY_TRANSFER_CAP_INVALID).
  'GET /api/campaigns/:id/early-transfer-caps': { request: get((o) => `/api/campaigns/${o.campaign}/early-transfer-caps`), own: readers, foreign: [] },
  'PUT /api/campaigns/:id/early-transfer-caps': {
    request: send('PUT', (o) => `/api/campaigns/${o.campaign}/early-transfer-caps`, (o) => ({ rows: [{ programmeId: f.programme.get(o.campaign) ?? 1, cap: 100_000 }] })),
    own: ['city_admin', 'district_admin', 'vocational_admin'],
    foreign: [],
  },
};

const DENIED = new Set(['AUTH_REQUIRED', 'FORBIDDEN', 'EARLY_TRANSFER_NOT_YOUR_SEAL']);
/** As the matrix: no JSON answer carries a whole 18-character ID number (PIPL, issue 9). */
const WHOLE_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/**
 * Callers the matrix has no row for, on the matrix's objects: the city-run school V11, V02 (no
 * party), JH02, the north district's bureau and junior high. Register inside the matrix's suite
 * (after its fixture is built).
 */
export function transferPartyTests(env: () => TestEnv) {
  it('early transfers: V11, V02, JH02, north.admin and jn01.admin act only as parties of their own forms and lists', async () => {
    const n = f.named;
    const cases: Array<[string, 'allow' | 'deny', InjectOptions]> = [];
    const add = (who: string, expected: 'allow' | 'deny', method: InjectOptions['method'], url: string, payload?: object) => cases.push([who, expected, { method, url, ...(payload ? { payload } : {}) }]);
    for (const [who, mine, theirs] of [['v11.admin', n.fV!, n.fA!], ['jh02.admin', n.fJ2!, n.fA!], ['jn01.admin', n.fN!, n.fA!]] as const) {
      add(who, 'allow', 'GET', `/api/early-transfers/${mine}`);
      add(who, 'allow', 'POST', `/api/early-transfers/${mine}/seal`, stale);
      add(who, 'allow', 'POST', `/api/early-transfers/${mine}/refuse`, { ...reason, ...stale });
      add(who, 'deny', 'GET', `/api/early-transfers/${theirs}`);
      add(who, 'deny', 'GET', `/api/early-transfers/${theirs}/pdf`);
      add(who, 'deny', 'POST', `/api/early-transfers/${theirs}/seal`, stale);
      add(who, 'deny', 'POST', `/api/early-transfers/${theirs}/withdraw`, reason);
      add(who, 'deny', 'GET', `/api/early-transfer-lists/${n.L1}`);
      add(who, 'deny', 'POST', `/api/early-transfer-lists/${n.L1}/seal`);
    }
    // V11, a city-run school in D01: its list, its exam results, its caps — never V01's.
    add('v11.admin', 'allow', 'GET', `/api/early-transfer-lists/${n.L3}/pdf`);
    add('v11.admin', 'allow', 'PUT', `/api/early-transfers/${n.fV}/exam-result`, { subjects: [{ subject: '矩阵', sat: true, passed: true }] });
    add('v11.admin', 'allow', 'GET', `/api/early-transfer-report?campaignId=${n.c01}`);
    add('v11.admin', 'allow', 'PUT', `/api/campaigns/${n.c01}/early-transfer-caps`, { rows: [{ programmeId: n.v11Programme, cap: 100_000 }] });
    add('v11.admin', 'deny', 'PUT', `/api/campaigns/${n.c01}/early-transfer-caps`, { rows: [{ programmeId: n.v01Programme, cap: 100_000 }] });
    add('v11.admin', 'deny', 'PUT', `/api/early-transfers/${n.fA}/exam-result`, { subjects: [{ subject: '矩阵', sat: true, passed: true }] });
    // V02: a school of the district, party to none of these.
    for (const id of [n.fA, n.fV, n.fJ2]) add('v02.admin', 'deny', 'GET', `/api/early-transfers/${id}`);
    add('v02.admin', 'deny', 'GET', `/api/early-transfer-lists/${n.L3}/xlsx`);
    // JH02: its own list and roster.
    add('jh02.admin', 'allow', 'GET', `/api/early-transfer-lists/${n.LJ2}`);
    add('jh02.admin', 'allow', 'POST', '/api/curriculum', { studentIds: [n.sJ2], completed: false });
    add('jh02.admin', 'deny', 'POST', '/api/curriculum', { studentIds: [n.sA], completed: false });
    // The north district's bureau: its own campaign's list and forms, nothing of D01.
    add('north.admin', 'allow', 'GET', `/api/early-transfers/${n.fN}`);
    add('north.admin', 'allow', 'POST', `/api/early-transfer-lists/${n.LN}/file`);
    add('north.admin', 'allow', 'POST', `/api/early-transfers/${n.fN}/return`, reason);
    for (const id of [n.fA, n.fV]) {
      add('north.admin', 'deny', 'GET', `/api/early-transfers/${id}`);
      add('north.admin', 'deny', 'POST', `/api/early-transfers/${id}/return`, reason);
    }
    add('north.admin', 'deny', 'GET', `/api/early-transfer-lists/${n.L3}`);
    add('north.admin', 'deny', 'POST', `/api/early-transfer-lists/${n.L3}/file`);
    add('north.admin', 'deny', 'GET', `/api/early-transfer-report?campaignId=${n.c01}`);
    add('north.admin', 'deny', 'PUT', `/api/campaigns/${n.c01}/early-transfer-caps`, { rows: [{ programmeId: n.v01Programme, cap: 1 }] });
    add('north.admin', 'deny', 'POST', '/api/curriculum', { studentIds: [n.sA], completed: false });
    add('jn01.admin', 'deny', 'GET', `/api/early-transfer-report?campaignId=${n.c01}`);
    add('jn01.admin', 'deny', 'POST', '/api/curriculum', { studentIds: [n.sA], completed: false });

    const cookies = new Map<string, string>();
    const outcomes: string[] = [];
    for (const [who, expected, req] of cases) {
      if (!cookies.has(who)) cookies.set(who, await signIn(env().app, who));
      const res = await call(env().app, cookies.get(who)!, req);
      const denied = (res.statusCode === 401 || res.statusCode === 403) && DENIED.has(res.json().error?.code);
      if (denied !== (expected === 'deny')) outcomes.push(`${who} ${req.method} ${req.url}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      if (res.statusCode >= 500) outcomes.push(`${who} ${req.method} ${req.url}: ${res.statusCode}`);
      if (String(res.headers['content-type'] ?? '').includes('json') && WHOLE_ID.test(res.body)) outcomes.push(`${who} ${req.method} ${req.url}: the answer carries a whole ID number`);
    }
    // The registers: each sees its own, never D01's forms of others.
    const register = async (who: string) => (await call(env().app, cookies.get(who) ?? (await signIn(env().app, who)), { method: 'GET', url: '/api/early-transfers?pageSize=200' })).json().items.map((i: { id: number }) => i.id);
    expect(await register('north.admin')).toEqual(expect.arrayContaining([n.fN]));
    expect(await register('north.admin')).not.toContain(n.fA);
    expect(await register('v11.admin')).toContain(n.fV);
    expect(await register('v11.admin')).not.toContain(n.fA);
    expect(await register('jn01.admin')).not.toContain(n.fJ2);
    expect(outcomes).toEqual([]);
  });
}
