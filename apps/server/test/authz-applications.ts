/**
 * The authorization matrix's rows for the applications work (issue 9): the roster, the family's
 * own application, applications on a family's behalf, the live picture, the duplicate check,
 * pressure reports, guidance, open days, social applicants, what a school sees, the outbox.
 *
 * The fixture gives each junior high of the matrix's scopes (JH01 and JH02 of D01, MXT02 of D02,
 * MXJZ01 of the other city) a roster student with an open track conflict, a guidance record and
 * a pressure report; each vocational school an open day; each campaign a pending social
 * registration; and a separate student of JH01 whose accounts are the matrix's `student` and
 * `guardian` callers (so that resetting the roster students' secrets never signs them out).
 * Allowed callers meet a business refusal (400/409) where a row would otherwise change what later
 * rows rely on.
 */
import type { InjectOptions } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '@zhizhao/contracts';
import { campaigns, generalListImports, guidanceSessions, openDays, campuses, organizations, pressureReports, socialRegistrations, trackConflicts, users } from '../src/db/schema';
import type { TestEnv } from './harness';
import { makeResidentId } from '@zhizhao/domain';
import { insertStudents } from '../src/features/students/write-roster';

let seq = 0;
/** One roster student written with the roster's own bulk writer (the matrix's junior highs have no admin accounts to act as). */
async function rosterStudent(env: TestEnv, juniorHighId: number, campaignId: number) {
  const k = seq++;
  const row = {
    name: `矩阵学生${k}`, gender: 'male' as const, idType: 'resident_id' as const, idNumber: makeResidentId('659002', '2011-03-01', 2 * k + 1), examNo: `mx${Date.now().toString(36)}${k}`,
    className: '九年级1班', cohort: 'current' as const, hukouDistrict: '', guardianName: '矩阵家长', guardianRelation: '母亲', guardianPhone: `1390000${String(1000 + k)}`, juniorHighId,
  };
  const [created] = await env.database.db.transaction((tx) => insertStudents(tx, env.deps.pii, campaignId, [row]));
  return created!;
}

type Who = Role | 'anonymous';
type O = { org: number; vocational: number; campaign: number; district: number };
type Row = { request: (o: O) => InjectOptions; own: Who[]; foreign: Who[] | { list: (o: O) => number } | 'none' };

const staff: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'];
const family: Role[] = ['student', 'guardian'];
const bureauReaders: Role[] = ['city_admin', 'district_admin', 'district_staff', 'auditor'];
const rosterReaders: Role[] = [...bureauReaders, 'junior_high_admin'];
const rosterWriters: Role[] = ['district_admin', 'district_staff', 'junior_high_admin'];
const districtBureau: Role[] = ['district_admin', 'district_staff'];

/** The family accounts of the matrix (a student of JH01 and its guardian), password `zhizhao-demo`. */
export const FAMILY_ACCOUNTS = { student: 'mx.student.demo', guardian: 'g.mx.student.demo' } as const;

const f = {
  student: new Map<number, number>(),
  conflict: new Map<number, number>(),
  guidance: new Map<number, number>(),
  pressure: new Map<number, number>(),
  openDay: new Map<number, number>(),
  social: new Map<number, number>(),
  jhOfDistrict: new Map<number, number>(),
  juniorHighs: new Set<number>(),
};

export async function buildApplicationsFixture(env: TestEnv): Promise<void> {
  for (const m of Object.values(f)) m.clear();
  const db = env.database.db;
  const orgs = await db.select().from(organizations).where(inArray(organizations.code, ['JH01', 'JH02', 'MXT02', 'MXJZ01', 'V01', 'V02', 'MXVN01', 'MXVZ01']));
  const by = (code: string) => orgs.find((o) => o.code === code)!;
  for (const code of ['JH01', 'JH02', 'MXT02', 'MXJZ01']) {
    const jh = by(code);
    const [c] = await db.select().from(campaigns).where(and(eq(campaigns.districtId, jh.districtId!), eq(campaigns.year, 2027)));
    const s = await rosterStudent(env, jh.id, c!.id);
    f.student.set(jh.id, s!.id);
    f.juniorHighs.add(jh.id);
    if (!f.jhOfDistrict.has(jh.districtId!)) f.jhOfDistrict.set(jh.districtId!, jh.id);
    const [imp] = await db.insert(generalListImports).values({ campaignId: c!.id, rows: 1, matched: 1, fileHash: 'matrix' }).returning();
    const [tc] = await db.insert(trackConflicts).values({ campaignId: c!.id, studentId: s!.id, importId: imp!.id, matchedBy: 'exam_no' }).returning();
    f.conflict.set(jh.id, tc!.id);
    const [g] = await db.insert(guidanceSessions).values({ campaignId: c!.id, juniorHighId: jh.id, date: '2027-04-10', kind: 'class_meeting', audience: 'students', attendees: 40 }).returning();
    f.guidance.set(jh.id, g!.id);
    const [p] = await db.insert(pressureReports).values({ campaignId: c!.id, studentId: s!.id, juniorHighId: jh.id, reporter: 'guardian', kind: 'other', description: '矩阵测试' }).returning();
    f.pressure.set(jh.id, p!.id);
    if (!f.social.has(c!.id)) {
      const pii = env.deps.pii;
      const [r] = await db
        .insert(socialRegistrations)
        .values({
          campaignId: c!.id, trackingNo: `SRMX${c!.id}`, name: '矩阵社会人员', gender: 'male', idType: 'passport', idCipher: pii.encrypt('E12345678'), idHash: pii.hash('id', 'passport:E12345678'), idMasked: 'E1*****78',
          category: 'other', education: 'junior_high', phoneCipher: pii.encrypt('13900000000'), phoneHash: pii.hash('phone', '13900000000'), phoneMasked: '139****0000',
        })
        .returning();
      f.social.set(c!.id, r!.id);
    }
  }
  for (const code of ['V01', 'V02', 'MXVN01', 'MXVZ01']) {
    const school = by(code);
    let [campus] = await db.select().from(campuses).where(eq(campuses.organizationId, school.id)).limit(1);
    campus ??= (await db.insert(campuses).values({ organizationId: school.id, name: '矩阵校区' }).returning())[0];
    const [d] = await db.insert(openDays).values({ organizationId: school.id, campusId: campus!.id, date: '2027-05-01', start: '09:00', end: '11:00', title: '矩阵开放日' }).returning();
    f.openDay.set(school.id, d!.id);
  }
  // The family callers: a student of JH01 of its own, signed in with the demo password (a keyed hash, like a slip's).
  const jh01 = by('JH01');
  const [c01] = await db.select().from(campaigns).where(and(eq(campaigns.districtId, jh01.districtId!), eq(campaigns.year, 2027)));
  const own = await rosterStudent(env, jh01.id, c01!.id);
  const secret = env.deps.pii.secretHash('zhizhao-demo');
  await db.update(users).set({ username: FAMILY_ACCOUNTS.student, passwordHash: secret, mustChangePassword: false }).where(eq(users.id, own!.userId));
  await db.update(users).set({ username: FAMILY_ACCOUNTS.guardian, passwordHash: secret, mustChangePassword: false }).where(eq(users.id, own!.guardianUserId));
}

/** The junior high of the caller's objects: the object itself when it is one, else the one of its district. */
const jhOf = (o: O) => (f.juniorHighs.has(o.org) ? o.org : f.jhOfDistrict.get(o.district)!);
const studentOf = (o: O) => f.student.get(jhOf(o))!;
const get = (url: (o: O) => string) => (o: O): InjectOptions => ({ method: 'GET', url: url(o) });
const post = (url: (o: O) => string, payload?: object) => (o: O): InjectOptions => ({ method: 'POST', url: url(o), ...(payload ? { payload } : {}) });
const badUpload = (url: (o: O) => string) => (o: O): InjectOptions => ({
  method: 'POST', url: url(o), headers: { 'content-type': 'multipart/form-data; boundary=b' },
  payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nnot excel\r\n--b--\r\n',
});
/** Schema-valid, refused by the rules after the scope check (a wrong GB 11643 check digit). */
const badStudent = { name: '矩阵学生', gender: 'male', idType: 'resident_id', idNumber: '110105200801011230', examNo: 'MX0001', guardianName: '矩阵家长', guardianRelation: '父亲', guardianPhone: '13900000001' };

export const applicationRows: Record<string, Row> = {
  // The roster: the junior high keeps its own, the district bureau its campaigns'; the city and auditors read; schools see none.
  'GET /api/campaigns/:id/students': { request: get((o) => `/api/campaigns/${o.campaign}/students?pageSize=200`), own: rosterReaders, foreign: [] },
  'POST /api/campaigns/:id/students': { request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/students`, payload: { ...badStudent, juniorHighId: jhOf(o) } }), own: rosterWriters, foreign: [] },
  'GET /api/campaigns/:id/students/template.xlsx': { request: get((o) => `/api/campaigns/${o.campaign}/students/template.xlsx`), own: rosterWriters, foreign: [] },
  'GET /api/campaigns/:id/students/export.xlsx': { request: get((o) => `/api/campaigns/${o.campaign}/students/export.xlsx`), own: rosterReaders, foreign: [] },
  'POST /api/campaigns/:id/students/import': { request: badUpload((o) => `/api/campaigns/${o.campaign}/students/import?dryRun=true`), own: rosterWriters, foreign: [] },
  'GET /api/campaigns/:id/students/slips.pdf': { request: get((o) => `/api/campaigns/${o.campaign}/students/slips.pdf?studentId=${studentOf(o)}`), own: rosterWriters, foreign: [] },
  'GET /api/students/:id': { request: get((o) => `/api/students/${studentOf(o)}`), own: rosterReaders, foreign: [] },
  'PATCH /api/students/:id': { request: (o) => ({ method: 'PATCH', url: `/api/students/${studentOf(o)}`, payload: { className: '矩阵班' } }), own: rosterWriters, foreign: [] },
  'POST /api/students/:id/reveal': { request: post((o) => `/api/students/${studentOf(o)}/reveal`, { field: 'idNumber', reason: '矩阵测试' }), own: ['district_admin', 'junior_high_admin'], foreign: [] },
  // To the junior high it is already at: STUDENT_TRANSFER_INVALID for those allowed.
  'POST /api/students/:id/transfer': { request: (o) => ({ method: 'POST', url: `/api/students/${studentOf(o)}/transfer`, payload: { toJuniorHighId: jhOf(o), reason: '矩阵测试' } }), own: rosterWriters, foreign: [] },
  'POST /api/students/:id/reset-credentials': { request: post((o) => `/api/students/${studentOf(o)}/reset-credentials`, { what: 'guardian_code' }), own: rosterWriters, foreign: [] },

  // On the family's behalf: only the student's junior high; reading the history and the form: the roster's readers.
  'PUT /api/students/:id/application': { request: (o) => ({ method: 'PUT', url: `/api/students/${studentOf(o)}/application`, payload: { track: null, choices: [], acceptAdjustment: false } }), own: ['junior_high_admin'], foreign: [] },
  'GET /api/students/:id/application/history': { request: get((o) => `/api/students/${studentOf(o)}/application/history`), own: rosterReaders, foreign: [] },
  'GET /api/students/:id/application/pdf': { request: get((o) => `/api/students/${studentOf(o)}/application/pdf`), own: rosterReaders, foreign: [] },
  'GET /api/campaigns/:id/programmes': { request: get((o) => `/api/campaigns/${o.campaign}/programmes`), own: staff, foreign: [] },

  // The family's own application: the account finds its student; no object to name, nothing foreign.
  'GET /api/me/student': { request: get(() => '/api/me/student'), own: family, foreign: 'none' },
  'GET /api/me/application': { request: get(() => '/api/me/application'), own: family, foreign: 'none' },
  // General with choices: APPLICATION_BOTH_TRACKS (R11) for the family.
  'PUT /api/me/application': { request: () => ({ method: 'PUT', url: '/api/me/application', payload: { track: 'general', choices: [{ programmeId: 1 }], acceptAdjustment: false } }), own: family, foreign: 'none' },
  'POST /api/me/application/confirm': { request: post(() => '/api/me/application/confirm', { version: 999 }), own: family, foreign: 'none' },
  'GET /api/me/application/programmes': { request: get(() => '/api/me/application/programmes'), own: family, foreign: 'none' },
  'GET /api/me/application/history': { request: get(() => '/api/me/application/history'), own: family, foreign: 'none' },
  'GET /api/me/application/pdf': { request: get(() => '/api/me/application/pdf'), own: family, foreign: 'none' },
  'POST /api/me/pressure-report': { request: post(() => '/api/me/pressure-report', { kind: 'other', description: '矩阵测试内容' }), own: family, foreign: 'none' },

  // The live picture: the bureaus; a junior high its own row (overview only).
  'GET /api/applications/summary': { request: get((o) => `/api/applications/summary?campaignId=${o.campaign}`), own: bureauReaders, foreign: [] },
  'GET /api/applications/overview': { request: get((o) => `/api/applications/overview?campaignId=${o.campaign}`), own: rosterReaders, foreign: [] },
  'GET /api/applications/export.xlsx': { request: get((o) => `/api/applications/export.xlsx?campaignId=${o.campaign}`), own: bureauReaders, foreign: [] },
  'GET /api/applications/city': { request: get(() => '/api/applications/city?year=2027'), own: ['city_admin', 'auditor'], foreign: 'none' },

  // 查重: the district imports the exam office's list; the junior high resolves with the family.
  'POST /api/campaigns/:id/general-list/import': { request: badUpload((o) => `/api/campaigns/${o.campaign}/general-list/import`), own: districtBureau, foreign: [] },
  'GET /api/campaigns/:id/track-conflicts': { request: get((o) => `/api/campaigns/${o.campaign}/track-conflicts?pageSize=200`), own: rosterReaders, foreign: [] },
  // The fixture's student has no vocational application: keep_general resolves it for the junior high (once; later: CONFLICT_ALREADY_RESOLVED).
  'POST /api/track-conflicts/:id/resolve': { request: post((o) => `/api/track-conflicts/${f.conflict.get(jhOf(o))}/resolve`, { resolution: 'keep_vocational', note: '矩阵测试' }), own: ['junior_high_admin'], foreign: [] },

  // R11/R21: the district bureau only — never the junior high, never the city.
  'GET /api/pressure-reports': { request: get(() => '/api/pressure-reports?pageSize=200'), own: districtBureau, foreign: { list: (o) => f.pressure.get(jhOf(o))! } },
  'POST /api/pressure-reports/:id/acknowledge': { request: post((o) => `/api/pressure-reports/${f.pressure.get(jhOf(o))}/acknowledge`), own: districtBureau, foreign: [] },

  // R8: guidance by the junior high (read by its bureaus), open days by the school (and the public).
  'GET /api/campaigns/:id/guidance': { request: get((o) => `/api/campaigns/${o.campaign}/guidance`), own: rosterReaders, foreign: [] },
  'POST /api/campaigns/:id/guidance': { request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/guidance`, payload: { date: '2027-04-12', kind: 'parents_meeting', audience: 'parents', attendees: 30, schoolIds: [999999] } }), own: ['junior_high_admin'], foreign: [] },
  'DELETE /api/guidance/:id': { request: (o) => ({ method: 'DELETE', url: `/api/guidance/${f.guidance.get(jhOf(o))}` }), own: ['junior_high_admin'], foreign: [] },
  'GET /api/open-days': { request: get(() => '/api/open-days'), own: [...bureauReaders, 'vocational_admin'], foreign: { list: (o) => f.openDay.get(o.vocational)! } },
  'POST /api/open-days': { request: () => ({ method: 'POST', url: '/api/open-days', payload: { campusId: 999999, date: '2027-05-02', start: '09:00', end: '11:00', title: '矩阵开放日' } }), own: ['vocational_admin'], foreign: 'none' },
  'DELETE /api/open-days/:id': { request: (o) => ({ method: 'DELETE', url: `/api/open-days/${f.openDay.get(o.vocational)}` }), own: ['vocational_admin'], foreign: [] },
  'GET /api/public/open-days': { request: get(() => '/api/public/open-days?year=2027'), own: ['anonymous', ...staff, ...family], foreign: 'none' },
  'GET /api/public/campaigns/open': { request: get(() => '/api/public/campaigns/open'), own: ['anonymous', ...staff, ...family], foreign: 'none' },
  'POST /api/public/social-registrations': { request: (o) => ({ method: 'POST', url: '/api/public/social-registrations', payload: { campaignId: o.campaign, name: '矩阵', gender: 'male', idType: 'resident_id', idNumber: '110105200801011230', category: 'other', education: 'junior_high', phone: '13900000002' } }), own: ['anonymous', ...staff, ...family], foreign: 'none' },

  // R5: confirmed in person by a vocational school of the city or the district bureau.
  // A school confirms for any campaign of its city (a D02 registration is not foreign to V02); the district scope is tested in social.int.test.ts.
  'GET /api/social-registrations': { request: get(() => '/api/social-registrations?pageSize=200'), own: [...districtBureau, 'vocational_admin'], foreign: 'none' },
  // The document's number does not match the registration's: refused for those allowed.
  'POST /api/social-registrations/:id/confirm': { request: post((o) => `/api/social-registrations/${f.social.get(o.campaign)}/confirm`, { idNumber: 'E00000000', idChecked: true }), own: [...districtBureau, 'vocational_admin'], foreign: ['vocational_admin'] },
  'POST /api/social-registrations/:id/reject': { request: post((o) => `/api/social-registrations/${f.social.get(o.campaign)}/reject`, { reason: '矩阵测试' }), own: [...districtBureau, 'vocational_admin'], foreign: ['vocational_admin'] },

  'GET /api/school/applicants': { request: get(() => '/api/school/applicants?pageSize=200'), own: ['vocational_admin'], foreign: 'none' },
  'GET /api/notifications': { request: get((o) => `/api/notifications?campaignId=${o.campaign}`), own: ['city_admin', ...districtBureau], foreign: [] },
  'POST /api/campaigns/:id/notifications/deadline-reminders': { request: post((o) => `/api/campaigns/${o.campaign}/notifications/deadline-reminders`), own: districtBureau, foreign: [] },
};
