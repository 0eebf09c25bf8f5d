/**
 * The authorization matrix (foundation issue §6): every API route × every role (and an
 * anonymous caller) × an object of the caller's own organisation scope and one of a
 * foreign scope, with the expected allow or deny. A route the app serves without rows
 * here fails the test, so no new route can skip the matrix.
 *
 * Allowed = the request got past authorization (2xx, or a business refusal such as 400/409);
 * denied = 401 or 403 with an auth error code. For list routes the foreign check is that
 * no foreign object appears in the answer.
 */
import { beforeAll, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Role } from '@zhizhao/contracts';
import { defaultCampaignSettings } from '@zhizhao/domain';
import { campaigns, organizations, users } from '../src/db/schema';
import type { Db } from '../src/db/client';
import { call, describeBackends, signIn } from './harness';
import { buildPublicityFixture, publicityRows } from './authz-publicity';
import { buildVisitsFixture, visitRows } from './authz-visits';
import { applicationRows, buildApplicationsFixture, FAMILY_ACCOUNTS } from './authz-applications';
import { buildTransfersFixture, transferPartyTests, transferRows } from './authz-transfers';
import { admissionPartyTests, admissionRows, buildAdmissionFixture } from './authz-admission';
import { buildEnrolmentFixture, enrolmentPartyTests, enrolmentRows } from './authz-enrolment';

type Who = Role | 'anonymous';
const accounts: Record<Role, string> = {
  city_admin: 'city.admin',
  district_admin: 'district.admin',
  district_staff: 'district.staff',
  vocational_admin: 'v01.admin',
  junior_high_admin: 'jh01.admin',
  auditor: 'city.auditor',
  student: FAMILY_ACCOUNTS.student,
  guardian: FAMILY_ACCOUNTS.guardian,
};
/** Staff roles: rows name them; family roles (student, guardian) are callers of every row too and allowed only where a row names them. */
const everyone: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'];
const family: Role[] = ['student', 'guardian'];
const callers: Role[] = [...everyone, ...family];
const bureauAdmins: Role[] = ['city_admin', 'district_admin'];
const auditReaders: Role[] = ['city_admin', 'district_admin', 'district_staff', 'auditor'];
/** Targets: the bureaus read every version; the district's bureau writes; only the city sets district targets (R1). */
const bureauReaders: Role[] = ['city_admin', 'district_admin', 'district_staff', 'auditor'];
const targetWriters: Role[] = ['district_admin', 'district_staff'];

/** The objects a caller acts on: of its own scope, or of a scope that is not its own. */
type Objects = { org: number; vocational: number; throwawayOrg: number; user: number; campaign: number; district: number; jhRole: Role; userOrg: number; userRole: Role };
type Fixture = Record<'own' | 'foreign', Record<Role, Objects>>;

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

/** How to call each route for a caller and an object set; `list` marks routes whose foreign check is on the answer. */
type RouteCase = {
  request: (o: Objects) => InjectOptions;
  own: Who[];
  /** Roles allowed on a foreign object; 'list': check the foreign object is absent from the answer; 'none': no object. */
  foreign: Who[] | { list: (o: Objects) => number } | 'none';
};

const noBody = (method: InjectOptions['method'], url: string): RouteCase['request'] => () => ({ method, url });

const matrix: Record<string, RouteCase> = {
  'GET /api/health': { request: noBody('GET', '/api/health'), own: ['anonymous', ...callers], foreign: 'none' },
  'GET /api/openapi.json': { request: noBody('GET', '/api/openapi.json'), own: ['anonymous', ...callers], foreign: 'none' },
  'GET /api/clock': { request: noBody('GET', '/api/clock'), own: ['anonymous', ...callers], foreign: 'none' },
  'PUT /api/clock': { request: () => ({ method: 'PUT', url: '/api/clock', payload: { date: '2027-04-21' } }), own: ['city_admin', 'district_admin', 'district_staff'], foreign: 'none' },
  'POST /api/auth/login': { request: () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } }), own: [], foreign: 'none' }, // see the login test below
  'POST /api/auth/logout': { request: noBody('POST', '/api/auth/logout'), own: ['anonymous', ...callers], foreign: 'none' },
  'GET /api/auth/me': { request: noBody('GET', '/api/auth/me'), own: callers, foreign: 'none' },
  'POST /api/auth/change-password': { request: () => ({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'wrong-password', newPassword: 'Another-long-pass-1' } }), own: callers, foreign: 'none' },
  // A guardian signs in with the student's exam number and the code (see the guardian sign-in test below).
  'POST /api/auth/guardian-login': { request: () => ({ method: 'POST', url: '/api/auth/guardian-login', payload: { examNo: 'nobody', code: 'x' } }), own: [], foreign: 'none' },
  'GET /api/dashboard': { request: noBody('GET', '/api/dashboard'), own: everyone, foreign: 'none' },

  'GET /api/organizations': { request: () => ({ method: 'GET', url: '/api/organizations?pageSize=200' }), own: everyone, foreign: { list: (o) => o.org } },
  'GET /api/organizations/template.xlsx': { request: noBody('GET', '/api/organizations/template.xlsx'), own: bureauAdmins, foreign: 'none' },
  'GET /api/organizations/export.xlsx': { request: noBody('GET', '/api/organizations/export.xlsx'), own: everyone, foreign: 'none' },
  'POST /api/organizations/import': {
    request: () => ({ method: 'POST', url: '/api/organizations/import?dryRun=true', headers: { 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nnot excel\r\n--b--\r\n' }),
    own: bureauAdmins,
    foreign: 'none',
  },
  'GET /api/organizations/:id': { request: (o) => ({ method: 'GET', url: `/api/organizations/${o.org}` }), own: everyone, foreign: [] },
  'POST /api/organizations': {
    request: (o) => ({ method: 'POST', url: '/api/organizations', payload: { code: `M${unique()}`.slice(0, 16), name: '矩阵测试初中', kind: 'junior_high', districtId: o.district } }),
    own: bureauAdmins,
    foreign: [],
  },
  'PATCH /api/organizations/:id': { request: (o) => ({ method: 'PATCH', url: `/api/organizations/${o.org}`, payload: { contactName: '矩阵' } }), own: ['city_admin', 'district_admin', 'vocational_admin', 'junior_high_admin'], foreign: [] },
  'POST /api/organizations/:id/deactivate': { request: (o) => ({ method: 'POST', url: `/api/organizations/${o.throwawayOrg}/deactivate` }), own: bureauAdmins, foreign: [] },
  'POST /api/organizations/:id/activate': { request: (o) => ({ method: 'POST', url: `/api/organizations/${o.throwawayOrg}/activate` }), own: bureauAdmins, foreign: [] },
  'POST /api/organizations/:id/campuses': { request: (o) => ({ method: 'POST', url: `/api/organizations/${o.vocational}/campuses`, payload: { name: '矩阵校区' } }), own: ['city_admin', 'district_admin', 'vocational_admin'], foreign: [] },
  'PATCH /api/organizations/:id/campuses/:campusId': {
    // A campus id that does not belong to the school: allowed callers get 404 after the scope check passes.
    request: (o) => ({ method: 'PATCH', url: `/api/organizations/${o.vocational}/campuses/999999`, payload: { address: '矩阵路' } }),
    own: ['city_admin', 'district_admin', 'vocational_admin'],
    foreign: [],
  },
  'PUT /api/organizations/:id/qualifications/:year': { request: (o) => ({ method: 'PUT', url: `/api/organizations/${o.vocational}/qualifications/2027`, payload: { qualified: true, note: '矩阵' } }), own: ['city_admin'], foreign: [] },

  'GET /api/users': { request: () => ({ method: 'GET', url: '/api/users?pageSize=200' }), own: everyone, foreign: { list: (o) => o.user } },
  'GET /api/users/:id': { request: (o) => ({ method: 'GET', url: `/api/users/${o.user}` }), own: everyone, foreign: [] },
  'POST /api/users': {
    request: (o) => ({ method: 'POST', url: '/api/users', payload: { username: `mx.${unique()}`, displayName: '矩阵', role: o.userRole, organizationId: o.userOrg, initialPassword: 'Matrix-initial-pass-42' } }),
    own: ['city_admin', 'district_admin', 'vocational_admin', 'junior_high_admin'],
    foreign: [],
  },
  'PATCH /api/users/:id': { request: (o) => ({ method: 'PATCH', url: `/api/users/${o.user}`, payload: { displayName: '矩阵用户' } }), own: ['city_admin', 'district_admin', 'vocational_admin', 'junior_high_admin'], foreign: [] },
  'POST /api/users/:id/reset-password': { request: (o) => ({ method: 'POST', url: `/api/users/${o.user}/reset-password`, payload: { initialPassword: 'Matrix-reset-pass-42' } }), own: ['city_admin', 'district_admin', 'vocational_admin', 'junior_high_admin'], foreign: [] },
  'POST /api/users/:id/unlock': { request: (o) => ({ method: 'POST', url: `/api/users/${o.user}/unlock` }), own: ['city_admin', 'district_admin', 'vocational_admin', 'junior_high_admin'], foreign: [] },

  'GET /api/campaigns': { request: () => ({ method: 'GET', url: '/api/campaigns?pageSize=200' }), own: everyone, foreign: { list: (o) => o.campaign } },
  'GET /api/campaigns/defaults': { request: noBody('GET', '/api/campaigns/defaults?year=2030'), own: everyone, foreign: 'none' },
  'GET /api/campaigns/:id': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}` }), own: everyone, foreign: [] },
  'POST /api/campaigns': { request: (o) => ({ method: 'POST', url: '/api/campaigns', payload: { districtId: o.district, year: 2031 } }), own: bureauAdmins, foreign: [] },
  'PATCH /api/campaigns/:id': { request: (o) => ({ method: 'PATCH', url: `/api/campaigns/${o.campaign}`, payload: { name: '矩阵测试招生活动', reason: '矩阵测试' } }), own: bureauAdmins, foreign: [] },

  // Targets (R1, R2, R12). Reads first: the write rows below create and publish versions of D01's split.
  'GET /api/campaigns/:id/district-targets': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/district-targets` }), own: everyone, foreign: [] },
  'GET /api/campaigns/:id/graduates': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/graduates` }), own: everyone, foreign: [] },
  'GET /api/campaigns/:id/targets': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/targets` }), own: everyone, foreign: [] },
  // Version 2 is the demo's published split: a vocational school of the district reads it, a junior high only its own row (in the overview).
  'GET /api/campaigns/:id/targets/versions/:number': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/targets/versions/2` }), own: [...bureauReaders, 'vocational_admin'], foreign: [] },
  'GET /api/campaigns/:id/targets/compare': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/targets/compare?from=1&to=2` }), own: bureauReaders, foreign: [] },
  'GET /api/campaigns/:id/targets/export.xlsx': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/targets/export.xlsx` }), own: [...bureauReaders, 'vocational_admin'], foreign: [] },
  'GET /api/campaigns/:id/targets/template.xlsx': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/targets/template.xlsx` }), own: targetWriters, foreign: [] },
  'GET /api/targets/city': { request: noBody('GET', '/api/targets/city?year=2027'), own: ['city_admin', 'auditor'], foreign: 'none' },
  'PUT /api/campaigns/:id/district-targets': {
    request: (o) => ({ method: 'PUT', url: `/api/campaigns/${o.campaign}/district-targets`, payload: { nDistrict: 1100, nTotal: 2000, reason: '矩阵测试' } }),
    own: ['city_admin'],
    foreign: [],
  },
  // A district bureau is no junior high: allowed callers get 400 TARGETS_UNKNOWN_JUNIOR_HIGH, nothing written.
  'PUT /api/campaigns/:id/graduates': { request: (o) => ({ method: 'PUT', url: `/api/campaigns/${o.campaign}/graduates`, payload: { rows: [{ organizationId: o.district, graduates: 1 }] } }), own: targetWriters, foreign: [] },
  'POST /api/campaigns/:id/targets/import': {
    request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/targets/import?dryRun=true`, headers: { 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nnot excel\r\n--b--\r\n' }),
    own: targetWriters,
    foreign: [],
  },
  // No draft yet: allowed callers get 409 TARGETS_NO_DRAFT.
  'POST /api/campaigns/:id/targets/draft/preview': { request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/targets/draft/preview`, payload: { organizationId: o.org, target: 1, mode: 'rebalance' } }), own: targetWriters, foreign: [] },
  'POST /api/campaigns/:id/targets/draft': { request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/targets/draft`, payload: { method: 'hamilton' } }), own: targetWriters, foreign: [] },
  'POST /api/campaigns/:id/targets/draft/adjust': {
    request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/targets/draft/adjust`, payload: { organizationId: o.district, target: 1, mode: 'rebalance', reason: '矩阵测试' } }),
    own: targetWriters,
    foreign: [],
  },
  'POST /api/campaigns/:id/targets/draft/publish': { request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/targets/draft/publish`, payload: {} }), own: ['district_admin'], foreign: [] },
  'DELETE /api/campaigns/:id/targets/draft': { request: (o) => ({ method: 'DELETE', url: `/api/campaigns/${o.campaign}/targets/draft` }), own: targetWriters, foreign: [] },

  'GET /api/audit': { request: () => ({ method: 'GET', url: '/api/audit?pageSize=200&objectType=organization' }), own: auditReaders, foreign: 'none' },
  'GET /api/audit/verify': { request: noBody('GET', '/api/audit/verify'), own: auditReaders, foreign: 'none' },

  // Publicity (issue 4): majors, planned seats, qualifications, joint enrollments, brochures, public pages.
  ...publicityRows,

  // Visits (issue 5): requests, permits, the gate, protected lesson time, reports.
  ...visitRows,

  // Applications (issue 9): the roster, the family's application, the live picture, duplicates, pressure, guidance, social applicants.
  ...applicationRows,

  // Early transfer (issue 10): the family's request, the two seals, the combined lists, filing, curriculum, exam preparation, caps.
  ...transferRows,

  // The admission round (issue 11): scores, batches, runs, admissions and letters, 退档, 注册入学, the family's result, the public cutoffs, jobs.
  ...admissionRows,

  // After admission (issue 12): the intake, 报到, no-shows, contacts and care; the sending statistics; the funnel against the targets.
  ...enrolmentRows,
};

/** Routes served by the docs plugin: public reading, one row for them all. */
const isDocsRoute = (key: string) => key.startsWith('GET /api/docs');

async function idOf(db: Db, code: string) {
  const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code));
  return o!.id;
}

async function buildFixture(db: Db): Promise<Fixture> {
  // A second city with a district, a junior high and a school, so that even the city has a foreign scope.
  const [c02] = await db.insert(organizations).values({ code: 'MXC02', name: '另一市教育局', kind: 'city_bureau' }).returning();
  const [d99] = await db.insert(organizations).values({ code: 'MXD99', name: '另一市某区教育局', kind: 'district_bureau', parentId: c02!.id, cityId: c02!.id }).returning();
  const org = (code: string, kind: string, district: number, city: number, runBy: string | null = null) =>
    db.insert(organizations).values({ code, name: `矩阵${code}`, kind, parentId: district, districtId: district, cityId: city, runBy, ownership: runBy ? 'public' : null }).returning().then((r) => r[0]!.id);
  const ids = { C01: await idOf(db, 'C01'), D01: await idOf(db, 'D01'), D02: await idOf(db, 'D02'), V01: await idOf(db, 'V01'), V02: await idOf(db, 'V02'), JH01: await idOf(db, 'JH01'), JH02: await idOf(db, 'JH02') };
  const jz = await org('MXJZ01', 'junior_high', d99!.id, c02!.id);
  const vz = await org('MXVZ01', 'vocational_school', d99!.id, c02!.id, 'district');
  const vn = await org('MXVN01', 'vocational_school', ids.D02, ids.C01, 'district');
  const t1 = await org('MXT01', 'junior_high', ids.D01, ids.C01);
  const t2 = await org('MXT02', 'junior_high', ids.D02, ids.C01);
  const t3 = await org('MXT03', 'junior_high', d99!.id, c02!.id);
  const user = (username: string, role: Role, organizationId: number) =>
    db.insert(users).values({ username, displayName: username, role, organizationId, passwordHash: 'x', mustChangePassword: false }).returning().then((r) => r[0]!.id);
  const camp = async (districtId: number) => {
    const [c] = await db.select({ id: campaigns.id }).from(campaigns).where(and(eq(campaigns.districtId, districtId), eq(campaigns.year, 2027)));
    return c?.id ?? (await db.insert(campaigns).values({ districtId, year: 2027, name: '矩阵', settings: defaultCampaignSettings(2027) }).returning())[0]!.id;
  };
  const own = {
    city: { org: ids.JH01, vocational: ids.V01, throwawayOrg: t1, user: await user('mx.own.city', 'junior_high_admin', ids.JH01), campaign: await camp(ids.D01), district: ids.D01, jhRole: 'junior_high_admin' as Role, userOrg: ids.JH01, userRole: 'junior_high_admin' as Role },
    voc: { org: ids.V01, vocational: ids.V01, throwawayOrg: ids.V01, user: await user('mx.own.v01', 'vocational_admin', ids.V01), campaign: await camp(ids.D01), district: ids.D01, jhRole: 'junior_high_admin' as Role, userOrg: ids.V01, userRole: 'vocational_admin' as Role },
    jh: { org: ids.JH01, vocational: ids.V01, throwawayOrg: ids.JH01, user: await user('mx.own.jh01', 'junior_high_admin', ids.JH01), campaign: await camp(ids.D01), district: ids.D01, jhRole: 'junior_high_admin' as Role, userOrg: ids.JH01, userRole: 'junior_high_admin' as Role },
  };
  const foreign = {
    city: { org: jz, vocational: vz, throwawayOrg: t3, user: await user('mx.far.c02', 'junior_high_admin', jz), campaign: await camp(d99!.id), district: d99!.id, jhRole: 'junior_high_admin' as Role, userOrg: jz, userRole: 'junior_high_admin' as Role },
    district: { org: ids.D02, vocational: vn, throwawayOrg: t2, user: await user('mx.far.d02', 'district_staff', ids.D02), campaign: await camp(ids.D02), district: ids.D02, jhRole: 'junior_high_admin' as Role, userOrg: ids.D02, userRole: 'district_staff' as Role },
    voc: { org: ids.V02, vocational: ids.V02, throwawayOrg: ids.V02, user: await user('mx.far.v02', 'vocational_admin', ids.V02), campaign: await camp(ids.D02), district: ids.D02, jhRole: 'junior_high_admin' as Role, userOrg: ids.V02, userRole: 'vocational_admin' as Role },
    jh: { org: ids.JH02, vocational: ids.V02, throwawayOrg: ids.JH02, user: await user('mx.far.jh02', 'junior_high_admin', ids.JH02), campaign: await camp(ids.D02), district: ids.D02, jhRole: 'junior_high_admin' as Role, userOrg: ids.JH02, userRole: 'junior_high_admin' as Role },
  };
  const ownDistrict = { ...own.city, org: ids.D01, user: await user('mx.own.d01', 'district_staff', ids.D01), userOrg: ids.JH01, userRole: 'junior_high_admin' as Role };
  // A family's objects are its junior high's (the family routes name no object; the others deny it).
  return {
    own: { city_admin: own.city, auditor: own.city, district_admin: ownDistrict, district_staff: ownDistrict, vocational_admin: own.voc, junior_high_admin: own.jh, student: own.jh, guardian: own.jh },
    foreign: { city_admin: foreign.city, auditor: foreign.city, district_admin: foreign.district, district_staff: foreign.district, vocational_admin: foreign.voc, junior_high_admin: foreign.jh, student: foreign.jh, guardian: foreign.jh },
  };
}

const DENY_CODES = new Set(['AUTH_REQUIRED', 'FORBIDDEN']);

/**
 * PIPL (issue 9): no JSON answer of any route, for any caller, carries a whole 18-character ID
 * number — except the one audited reveal.
 */
const WHOLE_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
function leaksIdNumber(route: string, res: { headers: Record<string, unknown>; body: string }): boolean {
  if (route === 'POST /api/students/:id/reveal') return false;
  return String(res.headers['content-type'] ?? '').includes('json') && WHOLE_ID.test(res.body);
}

describeBackends('authorization matrix', (env) => {
  let fixture: Fixture;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    fixture = await buildFixture(env().database.db);
    await buildPublicityFixture(env().database.db);
    await buildVisitsFixture(env().database.db);
    await buildApplicationsFixture(env());
    await buildTransfersFixture(env());
    await buildAdmissionFixture(env());
    await buildEnrolmentFixture(env());
    for (const role of callers) cookies.set(role, await signIn(env().app, accounts[role]));
  });

  it('has rows for every route the server serves, and no rows for routes it does not', () => {
    const served = [...new Set(env().app.apiRoutes)].filter((r) => !isDocsRoute(r)).sort();
    expect(served.filter((r) => !matrix[r])).toEqual([]);
    expect(Object.keys(matrix).filter((r) => !served.includes(r))).toEqual([]);
  });

  it('serves the API docs to anyone', async () => {
    expect((await env().app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('lets anyone try to sign in, and nobody in with a wrong password', async () => {
    const res = await env().app.inject(matrix['POST /api/auth/login']!.request(fixture.own.city_admin));
    expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const guardian = await env().app.inject(matrix['POST /api/auth/guardian-login']!.request(fixture.own.city_admin));
    expect(guardian.statusCode).toBe(401);
  });

  for (const [route, rc] of Object.entries(matrix)) {
    if (route === 'POST /api/auth/login' || route === 'POST /api/auth/guardian-login') continue;
    it(`${route}: own scope`, async () => {
      const outcomes: string[] = [];
      for (const who of ['anonymous', ...callers] as Who[]) {
        // Logging out ends the session: give that row a session of its own.
        const cookie = who === 'anonymous' ? null : route === 'POST /api/auth/logout' ? await signIn(env().app, accounts[who]) : cookies.get(who)!;
        const objects = who === 'anonymous' ? fixture.own.city_admin : fixture.own[who];
        const res = await call(env().app, cookie, rc.request(objects));
        const denied = (res.statusCode === 401 || res.statusCode === 403) && DENY_CODES.has(res.json().error?.code);
        const expected = rc.own.includes(who);
        if (denied === expected) outcomes.push(`${who}: expected ${expected ? 'allow' : 'deny'}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        if (leaksIdNumber(route, res)) outcomes.push(`${who}: the answer carries a whole ID number`);
      }
      expect(outcomes).toEqual([]);
    });

    const foreign = rc.foreign;
    if (foreign === 'none') continue;
    it(`${route}: foreign scope`, async () => {
      const outcomes: string[] = [];
      for (const role of callers) {
        const objects = fixture.foreign[role];
        const res = await call(env().app, cookies.get(role)!, rc.request(objects));
        if (Array.isArray(foreign)) {
          const denied = (res.statusCode === 401 || res.statusCode === 403) && DENY_CODES.has(res.json().error?.code);
          const expected = foreign.includes(role);
          if (denied === expected) outcomes.push(`${role}: expected ${expected ? 'allow' : 'deny'}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
          if (leaksIdNumber(route, res)) outcomes.push(`${role}: the answer carries a whole ID number`);
        } else if (res.statusCode === 200) {
          const foreignId = foreign.list(objects);
          const ids = (res.json().items as Array<{ id: number }>).map((i) => i.id);
          if (ids.includes(foreignId)) outcomes.push(`${role}: the list shows foreign object ${foreignId}`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  }

  transferPartyTests(env);
  admissionPartyTests(env);
  enrolmentPartyTests(env);
});
