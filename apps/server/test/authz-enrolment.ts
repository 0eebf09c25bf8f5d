/**
 * The authorization matrix's rows for after admission (issue 12: R16, R17, R18), per
 * auth/enrolment-policy.ts and the use cases that call it. The intake of a campaign (its admitted
 * students and filed early transfers) and the sending statistics are read by every staff role in
 * scope — the bureaus of the campaign's district and city all of it, a school its own intake, a
 * junior high its own students (enrolment.read, statistics.read); the enrolling school registers,
 * records care and no-shows (enrolment.register), the source junior high follows up its own
 * students — no-shows and contacts (enrolment.followup); bureaus read and never act. The school
 * submits its statistics and answers disputes (statistics.submit), the junior high acknowledges
 * (statistics.ack). The funnel is the bureaus' and each junior high's own, never a school's; the
 * districts side by side are the city bureau's (its admin and its auditor).
 *
 * Objects: each object set's admitted student of the admission fixture (authz-admission.ts
 * `admittedFor`: own — JH01's student at V01; foreign — JH02's at V02 for the school and the junior
 * high, JN01's at MXVN01 for the district bureau, MXJZ01's at MXVZ01 for the city) and its campaign;
 * campaign-wide rows name the object set's `campaign` (the school's and the junior high's foreign
 * sets: D02's). The matrix's clock (2027-04-21) is outside the registration window (08-15 to 09-30),
 * so no row registers anyone: registering meets ENROLMENT_WINDOW_CLOSED (or, after the no-show row,
 * ENROLMENT_NO_SHOW_RECORDED), care ENROLMENT_NOT_REGISTERED; a submission names a junior high the
 * school has no students from (VALIDATION_FAILED, nothing written), so acknowledging meets
 * STATISTICS_NOT_SUBMITTED and answering STATISTICS_NO_ROWS. A no-show recorded by one row and
 * withdrawn by the next changes no answer of another row (each allowed caller is allowed in either
 * state). Intake and statistics items carry no `id`, so their foreign rows name the roles that get
 * past authorization (a school and a junior high read their own part of the same campaign);
 * `enrolmentPartyTests` checks what those answers hold.
 */
import { expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '@zhizhao/contracts';
import { admissions, campaigns, organizations } from '../src/db/schema';
import { call, signIn, type TestEnv } from './harness';
import { admittedFor } from './authz-admission';

type Who = Role | 'anonymous';
type O = { org: number; vocational: number; campaign: number; district: number };
type Row = { request: (o: O) => InjectOptions; own: Who[]; foreign: Who[] | { list: (o: O) => number } | 'none' };

const staff: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'];
const bureaus: Role[] = ['city_admin', 'district_admin', 'district_staff', 'auditor'];
/** The enrolling school and the source junior high (authorizeFollowUp). */
const followUp: Role[] = ['vocational_admin', 'junior_high_admin'];

const f = {
  /** A letter's code by admission (the QR a school scans). */
  letters: new Map<number, string>(),
  /** Named objects for enrolmentPartyTests. */
  named: {} as Record<string, number>,
};

/** Run after buildAdmissionFixture: the letters' codes of its admissions, and the names the party tests use. */
export async function buildEnrolmentFixture(env: TestEnv): Promise<void> {
  f.letters.clear();
  const db = env.database.db;
  const orgs = await db.select().from(organizations).where(inArray(organizations.code, ['D01', 'D02', 'JH01', 'JH02', 'JN01', 'V01', 'V02', 'V11', 'MXVN01', 'MXJZ01', 'MXVZ01']));
  const id = (code: string) => orgs.find((o) => o.code === code)!.id;
  const sets = [
    { org: id('JH01'), vocational: id('V01') }, { org: id('V02'), vocational: id('V02') }, { org: id('JH02'), vocational: id('V02') },
    { org: id('D02'), vocational: id('MXVN01') }, { org: id('MXJZ01'), vocational: id('MXVZ01') },
  ];
  const admitted = sets.map((s) => admittedFor(s));
  const rows = await db.select({ id: admissions.id, code: admissions.letterCode }).from(admissions).where(inArray(admissions.id, admitted.map((a) => a.admission)));
  for (const r of rows) f.letters.set(r.id, r.code!);
  const [a1, a2, , aN] = admitted;
  const campaignOf = async (districtId: number) => (await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.districtId, districtId), eq(campaigns.year, 2027))))[0]!.id;
  f.named = {
    v01: id('V01'), v02: id('V02'), jh01: id('JH01'), jh02: id('JH02'), d01: id('D01'), d02: id('D02'),
    c01: await campaignOf(id('D01')), c02: await campaignOf(id('D02')),
    s1: a1!.student, s2: a2!.student, sN: aN!.student, a1: a1!.admission,
  };
}

const student = (o: O) => admittedFor(o).student;
const get = (url: (o: O) => string) => (o: O): InjectOptions => ({ method: 'GET', url: url(o) });
const send = (method: 'POST' | 'PUT', url: (o: O) => string, payload: (o: O) => object) => (o: O): InjectOptions => ({ method, url: url(o), payload: payload(o) });
/** Allowed, refused before anything is written: the school has no students from this junior high (VALIDATION_FAILED). */
const noSuchJuniorHigh = { juniorHighId: 999_999, admitted: 0, earlyTransfer: 0, registered: 0, noShow: 0, pending: 0, reason: '矩阵测试' };
const care = { className: '矩阵1班', homeroomTeacher: '矩阵老师', tuitionFree: true, grant: false, hardship: false, hardshipEvidence: null };

export const enrolmentRows: Record<string, Row> = {
  // The intake: the list of the admitted student's campaign (a school and a junior high read their part of it, see enrolmentPartyTests); the export of the object set's campaign.
  'GET /api/enrolment/intake': { request: get((o) => `/api/enrolment/intake?campaignId=${admittedFor(o).campaign}&pageSize=200`), own: staff, foreign: followUp },
  'GET /api/enrolment/intake.xlsx': { request: get((o) => `/api/enrolment/intake.xlsx?campaignId=${o.campaign}`), own: staff, foreign: [] },
  // 报到: the school only. A letter of another school's student is the rule's refusal (ENROLMENT_WRONG_SCHOOL, 409), not the role's.
  'GET /api/enrolment/lookup': { request: get((o) => `/api/enrolment/lookup?letterCode=${encodeURIComponent(f.letters.get(admittedFor(o).admission)!)}`), own: ['vocational_admin'], foreign: ['vocational_admin'] },
  'POST /api/enrolment/register': { request: send('POST', () => '/api/enrolment/register', (o) => ({ studentId: student(o) })), own: ['vocational_admin'], foreign: [] },
  'POST /api/enrolment/register-many': { request: send('POST', () => '/api/enrolment/register-many', (o) => ({ studentIds: [student(o)] })), own: ['vocational_admin'], foreign: [] },
  // 外流: the enrolling school and the source junior high; the bureaus read the contacts, never write.
  'POST /api/enrolment/students/:studentId/no-show': { request: send('POST', (o) => `/api/enrolment/students/${student(o)}/no-show`, () => ({ reason: 'work', note: '矩阵测试' })), own: followUp, foreign: [] },
  'POST /api/enrolment/students/:studentId/no-show/withdraw': { request: send('POST', (o) => `/api/enrolment/students/${student(o)}/no-show/withdraw`, () => ({ reason: '矩阵测试' })), own: followUp, foreign: [] },
  'GET /api/enrolment/students/:studentId/contacts': { request: get((o) => `/api/enrolment/students/${student(o)}/contacts`), own: staff, foreign: [] },
  'POST /api/enrolment/students/:studentId/contacts': {
    request: send('POST', (o) => `/api/enrolment/students/${student(o)}/contacts`, () => ({ kind: 'call', party: 'family', on: '2027-04-20', result: '矩阵测试' })),
    own: followUp,
    foreign: [],
  },
  // 新生关爱: the enrolling school (not registered: ENROLMENT_NOT_REGISTERED).
  'PUT /api/enrolment/students/:studentId/care': { request: send('PUT', (o) => `/api/enrolment/students/${student(o)}/care`, () => care), own: ['vocational_admin'], foreign: [] },

  // 送培统计 (R18): read as the intake; the school submits and answers, the junior high acknowledges — each in its own district's campaign.
  'GET /api/statistics/sending': { request: get((o) => `/api/statistics/sending?campaignId=${admittedFor(o).campaign}`), own: staff, foreign: followUp },
  'GET /api/statistics/sending.xlsx': { request: get((o) => `/api/statistics/sending.xlsx?campaignId=${o.campaign}`), own: staff, foreign: [] },
  'POST /api/statistics/sending/submit': { request: send('POST', () => '/api/statistics/sending/submit', (o) => ({ campaignId: o.campaign, corrections: [noSuchJuniorHigh] })), own: ['vocational_admin'], foreign: [] },
  'POST /api/statistics/sending/ack': { request: send('POST', () => '/api/statistics/sending/ack', (o) => ({ campaignId: o.campaign, schoolId: o.vocational, decision: 'acknowledged', note: '' })), own: ['junior_high_admin'], foreign: [] },
  'POST /api/statistics/sending/answer': { request: send('POST', () => '/api/statistics/sending/answer', (o) => ({ campaignId: o.campaign, juniorHighId: f.named.jh01, answer: '矩阵测试' })), own: ['vocational_admin'], foreign: [] },

  // Against the targets: the bureaus and the junior high (its own row), never a school; the districts side by side: the city bureau.
  'GET /api/statistics/funnel': { request: get((o) => `/api/statistics/funnel?campaignId=${o.campaign}`), own: [...bureaus, 'junior_high_admin'], foreign: [] },
  'GET /api/statistics/funnel.xlsx': { request: get((o) => `/api/statistics/funnel.xlsx?campaignId=${o.campaign}`), own: [...bureaus, 'junior_high_admin'], foreign: [] },
  'GET /api/statistics/city': { request: get(() => '/api/statistics/city?year=2027'), own: ['city_admin', 'auditor'], foreign: 'none' },
};

const DENIED = new Set(['AUTH_REQUIRED', 'FORBIDDEN']);
/** As the matrix: no JSON answer carries a whole 18-character ID number (PIPL, issue 9). */
const WHOLE_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

/**
 * What the matrix's rows cannot show: what the scoped answers hold (a school's and a junior high's
 * part of the intake, the statistics and the funnel), and V02, V11, JH02, the north district's
 * bureau and its junior high JN01 on the same students. Register inside the matrix's suite (after
 * its fixture is built).
 */
export function enrolmentPartyTests(env: () => TestEnv) {
  it('enrolment: schools and junior highs read and act on their own intake only; V11, north.admin and jn01.admin on none of D01\'s', async () => {
    const n = f.named;
    const cookies = new Map<string, string>();
    const as = async (who: string, req: InjectOptions) => {
      if (!cookies.has(who)) cookies.set(who, await signIn(env().app, who));
      return call(env().app, cookies.get(who)!, req);
    };
    const outcomes: string[] = [];
    const cases: Array<[string, 'allow' | 'deny' | number, InjectOptions]> = [];
    const add = (who: string, expected: 'allow' | 'deny' | number, method: InjectOptions['method'], url: string, payload?: object) => cases.push([who, expected, { method, url, ...(payload ? { payload } : {}) }]);
    const contact = { kind: 'visit', party: 'family', on: '2027-04-20', result: '矩阵测试' };
    // V02 and JH02 on their student (s2), never on V01's / JH01's (s1).
    add('v02.admin', 200, 'GET', `/api/enrolment/students/${n.s2}/contacts`);
    add('v02.admin', 409, 'PUT', `/api/enrolment/students/${n.s2}/care`, care);
    add('v02.admin', 'deny', 'GET', `/api/enrolment/students/${n.s1}/contacts`);
    add('v02.admin', 'deny', 'POST', `/api/enrolment/students/${n.s1}/no-show`, { reason: 'work', note: '' });
    add('v02.admin', 'deny', 'POST', '/api/enrolment/register', { studentId: n.s1 });
    // A letter of V01's student at V02: the rule names the right school (409), nothing registered.
    add('v02.admin', 409, 'GET', `/api/enrolment/lookup?letterCode=${encodeURIComponent(f.letters.get(n.a1)!)}`);
    add('jh02.admin', 200, 'POST', `/api/enrolment/students/${n.s2}/contacts`, contact);
    add('jh02.admin', 'deny', 'POST', `/api/enrolment/students/${n.s1}/contacts`, contact);
    add('jh02.admin', 'deny', 'PUT', `/api/enrolment/students/${n.s2}/care`, care);
    // V11, a city-run school standing in D01: none of these students is its.
    add('v11.admin', 'deny', 'GET', `/api/enrolment/students/${n.s1}/contacts`);
    add('v11.admin', 'deny', 'POST', `/api/enrolment/students/${n.s1}/no-show`, { reason: 'work', note: '' });
    // The north district: its own student (sN), nothing of D01's; its bureau reads, never acts.
    add('north.admin', 200, 'GET', `/api/enrolment/students/${n.sN}/contacts`);
    add('north.admin', 'deny', 'POST', `/api/enrolment/students/${n.sN}/contacts`, contact);
    add('north.admin', 'deny', 'GET', `/api/enrolment/students/${n.s1}/contacts`);
    add('north.admin', 'deny', 'GET', `/api/enrolment/intake?campaignId=${n.c01}`);
    add('north.admin', 'deny', 'GET', `/api/statistics/sending?campaignId=${n.c01}`);
    add('north.admin', 'deny', 'GET', '/api/statistics/city?year=2027');
    add('north.admin', 200, 'GET', `/api/statistics/funnel?campaignId=${n.c02}`);
    add('jn01.admin', 200, 'POST', `/api/enrolment/students/${n.sN}/contacts`, contact);
    add('jn01.admin', 'deny', 'GET', `/api/enrolment/students/${n.s1}/contacts`);
    add('jn01.admin', 'deny', 'GET', `/api/statistics/funnel?campaignId=${n.c01}`);
    add('v01.admin', 'deny', 'GET', `/api/statistics/funnel?campaignId=${n.c01}`);
    for (const [who, expected, req] of cases) {
      const res = await as(who, req);
      if (typeof expected === 'number') {
        if (res.statusCode !== expected) outcomes.push(`${who} ${req.method} ${req.url}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      } else {
        const denied = (res.statusCode === 401 || res.statusCode === 403) && DENIED.has(res.json().error?.code);
        if (denied !== (expected === 'deny')) outcomes.push(`${who} ${req.method} ${req.url}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      if (res.statusCode >= 500) outcomes.push(`${who} ${req.method} ${req.url}: ${res.statusCode}`);
      if (String(res.headers['content-type'] ?? '').includes('json') && WHOLE_ID.test(res.body)) outcomes.push(`${who} ${req.method} ${req.url}: the answer carries a whole ID number`);
    }
    expect(outcomes).toEqual([]);

    // The scoped answers of D01's campaign: each school and junior high sees its own part only.
    const json = async (who: string, url: string) => {
      const res = await as(who, { method: 'GET', url });
      expect(res.statusCode, `${who} ${url}: ${res.body.slice(0, 120)}`).toBe(200);
      return res.json();
    };
    const intake = async (who: string) => ((await json(who, `/api/enrolment/intake?campaignId=${n.c01}&pageSize=200`)).items as Array<{ studentId: number }>).map((i) => i.studentId);
    for (const [who, mine, theirs] of [['v01.admin', n.s1, n.s2], ['jh01.admin', n.s1, n.s2], ['v02.admin', n.s2, n.s1], ['jh02.admin', n.s2, n.s1]] as const) {
      const ids = await intake(who);
      expect(ids, who).toContain(mine);
      expect(ids, who).not.toContain(theirs);
    }
    const v11 = await intake('v11.admin');
    expect(v11).not.toContain(n.s1);
    expect(v11).not.toContain(n.s2);
    expect(await intake('district.staff')).toEqual(expect.arrayContaining([n.s1, n.s2]));
    expect(await intake('city.auditor')).toEqual(expect.arrayContaining([n.s1, n.s2]));

    type Stats = { items: Array<{ schoolId: number; juniorHighId: number }>; status: Array<{ schoolId: number }> };
    const v01: Stats = await json('v01.admin', `/api/statistics/sending?campaignId=${n.c01}`);
    expect(v01.items.some((r) => r.juniorHighId === n.jh01)).toBe(true);
    expect(v01.items.every((r) => r.schoolId === n.v01)).toBe(true);
    expect(v01.status.map((s) => s.schoolId)).toEqual([n.v01]);
    const jh01: Stats = await json('jh01.admin', `/api/statistics/sending?campaignId=${n.c01}`);
    expect(jh01.items.some((r) => r.schoolId === n.v01)).toBe(true);
    expect(jh01.items.every((r) => r.juniorHighId === n.jh01)).toBe(true);
    const all: Stats = await json('district.staff', `/api/statistics/sending?campaignId=${n.c01}`);
    expect(all.items.some((r) => r.schoolId === n.v02 && r.juniorHighId === n.jh02)).toBe(true);

    const funnel = await json('jh01.admin', `/api/statistics/funnel?campaignId=${n.c01}`);
    expect((funnel.juniorHighs as Array<{ juniorHighId: number }>).map((j) => j.juniorHighId)).toEqual([n.jh01]);
    const districtFunnel = await json('district.staff', `/api/statistics/funnel?campaignId=${n.c01}`);
    expect((districtFunnel.juniorHighs as Array<{ juniorHighId: number }>).map((j) => j.juniorHighId)).toEqual(expect.arrayContaining([n.jh01, n.jh02]));
    const city = await json('city.admin', '/api/statistics/city?year=2027');
    expect((city.items as Array<{ districtId: number }>).map((d) => d.districtId)).toEqual(expect.arrayContaining([n.d01, n.d02]));
  });
}
