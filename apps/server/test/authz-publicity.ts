/**
 * The authorization matrix's rows for the publicity routes (issue 4), with the objects they
 * need. The matrix's fixture gives each caller a vocational school and a campaign of its own
 * scope and of a foreign one (V01 / D01 own; V02, MXVN01 in D02, MXVZ01 in another city
 * foreign); this adds their majors, brochures and joint enrollments.
 *
 * Own objects are chosen so that an allowed caller passes authorization and then meets a
 * business refusal (a filed version cannot be submitted, a superseded one not withdrawn…):
 * nothing the later rows rely on changes.
 */
import type { InjectOptions } from 'fastify';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Role } from '@zhizhao/contracts';
import type { Db } from '../src/db/client';
import { allianceMembers, alliances, brochures, campaigns, campuses, majors, organizations } from '../src/db/schema';

type Who = Role | 'anonymous';
type O = { org: number; vocational: number; campaign: number; district: number };
type Row = { request: (o: O) => InjectOptions; own: Who[]; foreign: Who[] | { list: (o: O) => number } | 'none' };

const everyone: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'];
const readers: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'auditor'];
const majorWriters: Role[] = ['city_admin', 'district_admin', 'vocational_admin'];
const reviewers: Role[] = ['city_admin', 'district_admin', 'district_staff'];
const anyone: Who[] = ['anonymous', ...everyone, 'student', 'guardian'];
const garbage = { 'content-type': 'multipart/form-data; boundary=b' };
const garbageBody = '--b\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\n\r\nnot excel\r\n--b--\r\n';

type Fixture = { latest: Map<number, number>; first: Map<number, number>; majorOfSchool: Map<number, number>; majorOfCampaign: Map<number, number>; allianceOfCampaign: Map<number, number>; campus: Map<number, number>; code: string };
let f: Fixture;
let n = 0;

/** Run after the matrix's own fixture (it creates MXVN01, MXVZ01 and the foreign city's campaign). */
export async function buildPublicityFixture(db: Db): Promise<void> {
  const school = async (code: string) => (await db.select().from(organizations).where(eq(organizations.code, code)))[0]!;
  const campaignOf = async (districtId: number) => (await db.select().from(campaigns).where(and(eq(campaigns.districtId, districtId), eq(campaigns.year, 2027))))[0]!.id;
  f = { latest: new Map(), first: new Map(), majorOfSchool: new Map(), majorOfCampaign: new Map(), allianceOfCampaign: new Map(), campus: new Map(), code: '' };
  for (const code of ['MXVN01', 'MXVZ01']) {
    const s = await school(code);
    const [c] = await db.insert(campuses).values({ organizationId: s.id, name: `${code}校区` }).returning();
    await db.insert(majors).values({ organizationId: s.id, campusId: c!.id, code: 'MX1', name: '矩阵专业', category: 'general', lengthYears: 3, internship: '6个月', fees: [] });
    const facts = { school: s.name, schoolCode: code, address: '', runBy: 'district', ownership: 'public', jointEnrollment: null, aidPolicy: '', majors: [] };
    await db.insert(brochures).values({ organizationId: s.id, campaignId: await campaignOf(s.districtId!), version: 1, status: 'draft', reviewerKind: 'district_bureau', facts, sections: [] });
    const [a] = await db.insert(alliances).values({ name: `${code}联合招生`, districtId: s.districtId! }).returning();
    await db.insert(allianceMembers).values({ allianceId: a!.id, organizationId: s.id });
  }
  const schools = await db.select().from(organizations).where(inArray(organizations.code, ['V01', 'V02', 'MXVN01', 'MXVZ01']));
  for (const s of schools) {
    const versions = await db.select().from(brochures).where(eq(brochures.organizationId, s.id)).orderBy(desc(brochures.version));
    f.latest.set(s.id, versions[0]!.id);
    f.first.set(s.id, versions.at(-1)!.id);
    const [m] = await db.select().from(majors).where(eq(majors.organizationId, s.id)).orderBy(asc(majors.id)).limit(1);
    f.majorOfSchool.set(s.id, m!.id);
    const campaign = await campaignOf(s.districtId!);
    if (s.code !== 'V02') f.majorOfCampaign.set(campaign, m!.id);
    f.campus.set(s.id, (await db.select().from(campuses).where(eq(campuses.organizationId, s.id)))[0]!.id);
    const [a] = await db.select({ id: alliances.id }).from(alliances).where(eq(alliances.districtId, s.districtId!)).orderBy(asc(alliances.id));
    f.allianceOfCampaign.set(campaign, a!.id);
  }
  const v01 = schools.find((s) => s.code === 'V01')!;
  f.code = (await db.select().from(brochures).where(and(eq(brochures.id, f.latest.get(v01.id)!))))[0]!.verifyCode!;
}

const uid = () => `X${Date.now().toString(36).slice(-4)}${(n++).toString(36)}`;

export const publicityRows: Record<string, Row> = {
  // Majors and planned seats: read by everyone of the district (or the city), kept by the school, its district (district-run) and the city.
  'GET /api/majors': { request: () => ({ method: 'GET', url: '/api/majors?pageSize=200' }), own: everyone, foreign: { list: (o) => f.majorOfCampaign.get(o.campaign)! } },
  'GET /api/majors/export.xlsx': { request: () => ({ method: 'GET', url: '/api/majors/export.xlsx' }), own: everyone, foreign: 'none' },
  'POST /api/majors/import': { request: () => ({ method: 'POST', url: '/api/majors/import?dryRun=true', headers: garbage, payload: garbageBody }), own: majorWriters, foreign: 'none' },
  'POST /api/majors': {
    request: (o) => ({ method: 'POST', url: '/api/majors', payload: { organizationId: o.vocational, campusId: f.campus.get(o.vocational)!, code: uid(), name: '矩阵艺术专业', category: 'art', lengthYears: 3, internship: '6个月', fees: [{ name: '学费', amount: 0, unit: '元/学年' }] } }),
    own: majorWriters,
    foreign: [],
  },
  'PATCH /api/majors/:id': { request: (o) => ({ method: 'PATCH', url: `/api/majors/${f.majorOfSchool.get(o.vocational)}`, payload: { internship: '第三学年顶岗实习 6 个月' } }), own: majorWriters, foreign: [] },
  'GET /api/campaigns/:id/planned-seats': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/planned-seats` }), own: everyone, foreign: [] },
  'GET /api/campaigns/:id/planned-seats/export.xlsx': { request: (o) => ({ method: 'GET', url: `/api/campaigns/${o.campaign}/planned-seats/export.xlsx` }), own: everyone, foreign: [] },
  'PUT /api/campaigns/:id/planned-seats': { request: (o) => ({ method: 'PUT', url: `/api/campaigns/${o.campaign}/planned-seats`, payload: { rows: [{ majorId: f.majorOfCampaign.get(o.campaign)!, seats: 120 }] } }), own: majorWriters, foreign: [] },
  'POST /api/campaigns/:id/planned-seats/import': { request: (o) => ({ method: 'POST', url: `/api/campaigns/${o.campaign}/planned-seats/import?dryRun=true`, headers: garbage, payload: garbageBody }), own: majorWriters, foreign: [] },

  // R4: everyone reads the list of the schools in scope; only the city imports it.
  'GET /api/qualifications': { request: () => ({ method: 'GET', url: '/api/qualifications?year=2027' }), own: everyone, foreign: 'none' },
  'GET /api/qualifications/export.xlsx': { request: () => ({ method: 'GET', url: '/api/qualifications/export.xlsx?year=2027' }), own: everyone, foreign: 'none' },
  'POST /api/qualifications/import': { request: () => ({ method: 'POST', url: '/api/qualifications/import?year=2027&dryRun=true', headers: garbage, payload: garbageBody }), own: ['city_admin'], foreign: 'none' },

  // R3: members that are no schools → ALLIANCE_INVALID for allowed callers, nothing written.
  'GET /api/alliances': { request: () => ({ method: 'GET', url: '/api/alliances' }), own: everyone, foreign: { list: (o) => f.allianceOfCampaign.get(o.campaign)! } },
  'POST /api/alliances': {
    request: (o) => ({ method: 'POST', url: '/api/alliances', payload: { name: '矩阵联合招生', districtId: o.district, memberIds: [o.org, o.district], rules: [{ category: 'art', campusId: 1 }] } }),
    own: ['city_admin', 'district_admin'],
    foreign: [],
  },
  'PATCH /api/alliances/:id': { request: (o) => ({ method: 'PATCH', url: `/api/alliances/${f.allianceOfCampaign.get(o.campaign)}`, payload: { memberIds: [o.org, o.district] } }), own: ['city_admin', 'district_admin'], foreign: [] },

  // Brochures: V01's latest version is filed, version 1 superseded — every step below is a 409 for the caller whose step it is.
  'GET /api/brochures': { request: () => ({ method: 'GET', url: '/api/brochures?pageSize=200' }), own: readers, foreign: { list: (o) => f.latest.get(o.vocational)! } },
  'GET /api/brochures/:id': { request: (o) => ({ method: 'GET', url: `/api/brochures/${f.latest.get(o.vocational)}` }), own: readers, foreign: [] },
  'POST /api/brochures': { request: (o) => ({ method: 'POST', url: '/api/brochures', payload: { campaignId: o.campaign, organizationId: o.vocational } }), own: ['vocational_admin'], foreign: [] },
  'PATCH /api/brochures/:id': { request: (o) => ({ method: 'PATCH', url: `/api/brochures/${f.latest.get(o.vocational)}`, payload: { refreshFacts: true } }), own: ['vocational_admin'], foreign: [] },
  'POST /api/brochures/:id/submit': { request: (o) => ({ method: 'POST', url: `/api/brochures/${f.latest.get(o.vocational)}/submit`, payload: { confirmFacts: true } }), own: ['vocational_admin'], foreign: [] },
  'POST /api/brochures/:id/return': { request: (o) => ({ method: 'POST', url: `/api/brochures/${f.latest.get(o.vocational)}/return`, payload: { summary: '矩阵测试' } }), own: reviewers, foreign: [] },
  'POST /api/brochures/:id/approve': { request: (o) => ({ method: 'POST', url: `/api/brochures/${f.latest.get(o.vocational)}/approve`, payload: {} }), own: reviewers, foreign: [] },
  'POST /api/brochures/:id/file': { request: (o) => ({ method: 'POST', url: `/api/brochures/${f.latest.get(o.vocational)}/file` }), own: ['city_admin'], foreign: [] },
  'POST /api/brochures/:id/withdraw': { request: (o) => ({ method: 'POST', url: `/api/brochures/${f.first.get(o.vocational)}/withdraw`, payload: { reason: '矩阵测试' } }), own: ['city_admin'], foreign: [] },
  'POST /api/brochures/:id/revise': { request: (o) => ({ method: 'POST', url: `/api/brochures/${f.first.get(o.vocational)}/revise` }), own: ['vocational_admin'], foreign: [] },

  // Public: no login, the same answer for everyone.
  'GET /api/public/brochures': { request: () => ({ method: 'GET', url: '/api/public/brochures' }), own: anyone, foreign: 'none' },
  'GET /api/public/brochures/:id': { request: (o) => ({ method: 'GET', url: `/api/public/brochures/${f.latest.get(o.vocational)}` }), own: anyone, foreign: 'none' },
  'GET /api/public/brochures/:id/pdf': { request: (o) => ({ method: 'GET', url: `/api/public/brochures/${f.latest.get(o.vocational)}/pdf` }), own: anyone, foreign: 'none' },
  'GET /api/verify/:code': { request: () => ({ method: 'GET', url: `/api/verify/${f.code}` }), own: anyone, foreign: 'none' },
  'GET /api/keys': { request: () => ({ method: 'GET', url: '/api/keys' }), own: anyone, foreign: 'none' },
};
