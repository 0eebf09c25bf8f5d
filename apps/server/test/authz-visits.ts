/**
 * The authorization matrix's rows for the visit routes (issue 5), with the objects they need.
 * Each vocational school of the matrix's fixture gets a cancelled visit to a junior high of its
 * scope (V01 → JH01 and V02 → JH02 in D01, MXVN01 → MXT02 in D02, MXVZ01 → MXJZ01 in the other
 * city), and each of those junior highs an open report. A cancelled visit allows no step, so an
 * allowed caller passes authorization and meets a business refusal (409): nothing later rows
 * rely on changes. The scope of permits and reports is tested in visits-scope.int.test.ts.
 */
import type { InjectOptions } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '@zhizhao/contracts';
import type { Db } from '../src/db/client';
import { brochures, campaigns, organizations, visitReports, visits } from '../src/db/schema';

type Who = Role | 'anonymous';
type O = { org: number; vocational: number; campaign: number; district: number };
type Row = { request: (o: O) => InjectOptions; own: Who[]; foreign: Who[] | { list: (o: O) => number } | 'none' };

const everyone: Role[] = ['city_admin', 'district_admin', 'district_staff', 'vocational_admin', 'junior_high_admin', 'auditor'];
const bureauReaders: Role[] = ['city_admin', 'district_admin', 'district_staff', 'auditor'];
const approvers: Role[] = ['district_admin', 'district_staff'];

/** visit by school, the junior high of a scope by district, report by junior high. */
const f = { visit: new Map<number, number>(), jhOfDistrict: new Map<number, number>(), juniorHighs: new Set<number>(), report: new Map<number, number>() };

/** Run after the publicity fixture (MXVN01 and MXVZ01 need a brochure to name). */
export async function buildVisitsFixture(db: Db): Promise<void> {
  // One fixture per backend: forget the previous database's ids.
  for (const m of Object.values(f)) m.clear();
  const orgs = await db.select().from(organizations).where(inArray(organizations.code, ['V01', 'V02', 'MXVN01', 'MXVZ01', 'JH01', 'JH02', 'MXT02', 'MXJZ01']));
  const by = (code: string) => orgs.find((o) => o.code === code)!;
  for (const [school, jh] of [['V01', 'JH01'], ['V02', 'JH02'], ['MXVN01', 'MXT02'], ['MXVZ01', 'MXJZ01']] as const) {
    const s = by(school);
    const j = by(jh);
    const [c] = await db.select().from(campaigns).where(and(eq(campaigns.districtId, j.districtId!), eq(campaigns.year, 2027)));
    const [b] = await db.select({ id: brochures.id }).from(brochures).where(eq(brochures.organizationId, s.id)).limit(1);
    const staff = [{ name: '矩阵', phone: '000-00000' }];
    const [v] = await db.insert(visits).values({ campaignId: c!.id, schoolId: s.id, juniorHighId: j.id, date: '2027-04-21', start: '19:00', end: '20:00', staff, brochureId: b!.id, status: 'cancelled' }).returning();
    f.visit.set(s.id, v!.id);
    f.juniorHighs.add(j.id);
    if (!f.jhOfDistrict.has(j.districtId!)) f.jhOfDistrict.set(j.districtId!, j.id);
    const [r] = await db.insert(visitReports).values({ campaignId: c!.id, juniorHighId: j.id, kind: 'other', schoolText: '矩阵', occurredAt: new Date('2027-04-20T08:00:00Z'), description: '矩阵测试' }).returning();
    f.report.set(j.id, r!.id);
  }
}

/** The junior high of the caller's objects: the object itself when it is one, else the one of its district. */
const jhOf = (o: O) => (f.juniorHighs.has(o.org) ? o.org : f.jhOfDistrict.get(o.district)!);
const visitOf = (o: O) => f.visit.get(o.vocational)!;
const step = (path: string, payload?: object) => (o: O): InjectOptions => ({ method: 'POST', url: `/api/visits/${visitOf(o)}/${path}`, ...(payload ? { payload } : {}) });
const slot = { date: '2027-05-15', start: '09:00', end: '10:00' };

export const visitRows: Record<string, Row> = {
  // Visits: everyone reads those in scope; the school requests, accepts and cancels; the junior high proposes and keeps the gate; the district decides.
  'GET /api/visits': { request: () => ({ method: 'GET', url: '/api/visits?pageSize=200' }), own: everyone, foreign: { list: visitOf } },
  'GET /api/visits/:id': { request: (o) => ({ method: 'GET', url: `/api/visits/${visitOf(o)}` }), own: everyone, foreign: [] },
  // Outside the window: an allowed caller meets VISIT_OUTSIDE_WINDOW. The requester is always the caller's own school.
  'POST /api/visits': {
    request: (o) => ({ method: 'POST', url: '/api/visits', payload: { campaignId: o.campaign, juniorHighId: jhOf(o), ...slot, staff: [{ name: '矩阵', phone: '000-00000' }], brochureId: 1 } }),
    own: ['vocational_admin'],
    foreign: 'none',
  },
  'POST /api/visits/:id/propose': { request: step('propose', { ...slot, note: '矩阵' }), own: ['junior_high_admin'], foreign: [] },
  'POST /api/visits/:id/accept-proposal': { request: step('accept-proposal'), own: ['vocational_admin'], foreign: [] },
  'POST /api/visits/:id/cancel': { request: step('cancel'), own: ['vocational_admin'], foreign: [] },
  'POST /api/visits/:id/approve': { request: step('approve'), own: approvers, foreign: [] },
  'POST /api/visits/:id/refuse': { request: step('refuse', { reason: '矩阵测试' }), own: approvers, foreign: [] },
  'POST /api/visits/:id/revoke': { request: step('revoke', { reason: '矩阵测试' }), own: approvers, foreign: [] },
  'POST /api/visits/:id/check-in': { request: step('check-in', {}), own: ['junior_high_admin'], foreign: [] },
  'POST /api/visits/:id/check-out': { request: step('check-out', {}), own: ['junior_high_admin'], foreign: [] },
  // No permit on a cancelled request: VISIT_NO_PERMIT for the school, the junior high and the district; the city is not a holder.
  'GET /api/visits/:id/permit.pdf': { request: (o) => ({ method: 'GET', url: `/api/visits/${visitOf(o)}/permit.pdf` }), own: [...approvers, 'vocational_admin', 'junior_high_admin'], foreign: [] },
  'GET /api/permits': { request: (o) => ({ method: 'GET', url: `/api/permits?campaignId=${o.campaign}` }), own: bureauReaders, foreign: 'none' },

  // R10: protected lesson time — read by whoever plans visits in the city, written by the junior high or its district (a period ending before it starts: 400 for them).
  'GET /api/organizations/:id/protected-periods': { request: (o) => ({ method: 'GET', url: `/api/organizations/${jhOf(o)}/protected-periods` }), own: everyone, foreign: ['vocational_admin'] },
  'PUT /api/organizations/:id/protected-periods': {
    request: (o) => ({ method: 'PUT', url: `/api/organizations/${jhOf(o)}/protected-periods`, payload: { periods: [{ weekday: 1, date: null, start: '10:00', end: '09:00', label: '矩阵' }] } }),
    own: [...approvers, 'junior_high_admin'],
    foreign: [],
  },

  // R19: reports — made by a junior high in its own district's campaign, queued for the bureaus, acknowledged by the district.
  'POST /api/visit-reports': {
    request: (o) => ({ method: 'POST', url: '/api/visit-reports', payload: { campaignId: o.campaign, kind: 'other', schoolText: '矩阵', occurredAt: '2027-04-20T08:00:00Z', description: '矩阵测试' } }),
    own: ['junior_high_admin'],
    foreign: [],
  },
  'GET /api/visit-reports': { request: () => ({ method: 'GET', url: '/api/visit-reports?pageSize=200' }), own: [...bureauReaders, 'junior_high_admin'], foreign: { list: (o) => f.report.get(jhOf(o))! } },
  'POST /api/visit-reports/:id/acknowledge': { request: (o) => ({ method: 'POST', url: `/api/visit-reports/${f.report.get(jhOf(o))}/acknowledge` }), own: approvers, foreign: [] },
};
