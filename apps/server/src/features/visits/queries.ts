/**
 * Loading visits with the organisations they concern, and presenting them: the permit, the
 * overrun, and the conflicts a bureau must see (other live visits at the same junior high
 * that overlap — requests may overlap each other; only approval is exclusive).
 */
import { and, asc, count, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { minutesOf, overlaps, type LocalSlot } from '@zhizhao/domain';
import type { Visit } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { brochures, campaigns, organizations, visits } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { visitScope, type VisitRef } from '../../auth/visit-policy';
import { AppError } from '../../errors';
import { refOf, type OrgRow } from '../organizations/queries';

export type VisitRow = typeof visits.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type LoadedVisit = { v: VisitRow; school: OrgRow; jh: OrgRow; campaign: CampaignRow; district: OrgRow };
export type VisitStatus = Visit['status'];
export type Staff = Array<{ name: string; phone: string }>;

/** The names a permit was issued under (issue 14 §6: documents show the facts as signed at issue). */
export type PermitFacts = { school: string; juniorHigh: string; issuer: string };

/** The permit's names as issued; a permit approved before they were kept reads today's names. */
export function permitNames(l: LoadedVisit): PermitFacts {
  return (l.v.permitFacts as PermitFacts | null) ?? { school: l.school.name, juniorHigh: l.jh.name, issuer: l.district.name };
}
export type ProposedSlot = LocalSlot & { note: string };

/** Visits that hold (or may still get) the junior high's time. */
export const LIVE: VisitStatus[] = ['requested', 'proposed', 'approved'];

export const slotOf = (v: Pick<VisitRow, 'date' | 'start' | 'end'>): LocalSlot => ({ date: v.date, start: v.start, end: v.end });
export const refOfVisit = (l: Pick<LoadedVisit, 'v' | 'district'>): VisitRef => ({ schoolId: l.v.schoolId, juniorHighId: l.v.juniorHighId, district: refOf(l.district) });

export async function loadVisit(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<LoadedVisit> {
  // One round trip: the visit, its two organisations, its campaign and the campaign's district.
  const school = alias(organizations, 'school');
  const jh = alias(organizations, 'jh');
  const district = alias(organizations, 'district');
  const q = db
    .select({ v: visits, school, jh, campaign: campaigns, district })
    .from(visits)
    .innerJoin(school, eq(school.id, visits.schoolId))
    .innerJoin(jh, eq(jh.id, visits.juniorHighId))
    .innerJoin(campaigns, eq(campaigns.id, visits.campaignId))
    .innerJoin(district, eq(district.id, campaigns.districtId))
    .where(eq(visits.id, id));
  const [r] = opts.lock ? await q.for('update', { of: visits }) : await q;
  if (!r) throw new AppError('NOT_FOUND', { visitId: id });
  return { v: r.v, school: r.school, jh: r.jh, campaign: r.campaign, district: r.district };
}

/** Other live visits at the same junior high on the same days, for the conflict flags. */
async function conflictsOf(db: Queryable, rows: VisitRow[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const live = rows.filter((r) => LIVE.includes(r.status as VisitStatus));
  if (!live.length) return out;
  const others = await db
    .select({ id: visits.id, juniorHighId: visits.juniorHighId, date: visits.date, start: visits.start, end: visits.end })
    .from(visits)
    .where(and(inArray(visits.juniorHighId, [...new Set(live.map((r) => r.juniorHighId))]), inArray(visits.date, [...new Set(live.map((r) => r.date))]), inArray(visits.status, LIVE)));
  for (const r of live) {
    out.set(r.id, others.filter((o) => o.id !== r.id && o.juniorHighId === r.juniorHighId && overlaps(slotOf(r), o)).map((o) => o.id).sort((a, b) => a - b));
  }
  return out;
}

type Names = { schoolName: string; runBy: string | null; juniorHighName: string; districtName: string; filingNumber: string | null };

function present(v: VisitRow, n: Names, conflicts: number[]): Visit {
  const permit = v.permitSerial && v.permitCode
    ? { serial: v.permitSerial, code: v.permitCode, issuedAt: v.approvedAt!.toISOString(), issuedBy: n.districtName, revokedAt: v.revokedAt?.toISOString() ?? null, revokeReason: v.revokeReason }
    : null;
  return {
    id: v.id, campaignId: v.campaignId,
    schoolId: v.schoolId, schoolName: n.schoolName, runBy: n.runBy === 'district' ? 'district' : 'city',
    juniorHighId: v.juniorHighId, juniorHighName: n.juniorHighName,
    date: v.date, start: v.start, end: v.end, minutes: minutesOf(v.end)! - minutesOf(v.start)!,
    staff: v.staff as Staff,
    brochureId: v.brochureId, brochureFilingNumber: n.filingNumber,
    status: v.status as VisitStatus,
    proposedSlot: (v.proposedSlot as ProposedSlot | null) ?? null,
    refusalReason: v.refusalReason,
    permit,
    checkedInAt: v.checkedInAt?.toISOString() ?? null, checkedOutAt: v.checkedOutAt?.toISOString() ?? null,
    actualMinutes: v.actualMinutes, overrun: v.overrun,
    conflicts,
    createdAt: v.createdAt.toISOString(),
  };
}

export async function presentVisit(db: Queryable, l: LoadedVisit): Promise<Visit> {
  const [b] = await db.select({ n: brochures.filingNumber }).from(brochures).where(eq(brochures.id, l.v.brochureId));
  const conflicts = (await conflictsOf(db, [l.v])).get(l.v.id) ?? [];
  return present(l.v, { schoolName: l.school.name, runBy: l.school.runBy, juniorHighName: l.jh.name, districtName: l.district.name, filingNumber: b?.n ?? null }, conflicts);
}

export type VisitFilters = {
  campaignId?: number; schoolId?: number; juniorHighId?: number; status?: VisitStatus; from?: string; to?: string; overrun?: 'true' | 'false';
  page: number; pageSize: number;
};

const school = alias(organizations, 'school');
const jh = alias(organizations, 'jh');
const district = alias(organizations, 'district');

/** The caller's visits (scope in SQL), filtered, by day, time and junior high. */
export async function listVisits(db: Queryable, actor: Actor, f: VisitFilters) {
  const conditions: Array<SQL | undefined> = [
    visitScope(actor),
    f.campaignId ? eq(visits.campaignId, f.campaignId) : undefined,
    f.schoolId ? eq(visits.schoolId, f.schoolId) : undefined,
    f.juniorHighId ? eq(visits.juniorHighId, f.juniorHighId) : undefined,
    f.status ? eq(visits.status, f.status) : undefined,
    f.from ? gte(visits.date, f.from) : undefined,
    f.to ? lte(visits.date, f.to) : undefined,
    f.overrun ? eq(visits.overrun, f.overrun === 'true') : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ v: visits, schoolName: school.name, runBy: school.runBy, juniorHighName: jh.name, districtName: district.name, filingNumber: brochures.filingNumber })
      .from(visits)
      .innerJoin(school, eq(school.id, visits.schoolId))
      .innerJoin(jh, eq(jh.id, visits.juniorHighId))
      .innerJoin(campaigns, eq(campaigns.id, visits.campaignId))
      .innerJoin(district, eq(district.id, campaigns.districtId))
      .leftJoin(brochures, eq(brochures.id, visits.brochureId))
      .where(where)
      .orderBy(asc(visits.date), asc(visits.start), asc(jh.code), asc(visits.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(visits).where(where),
  ]);
  const conflicts = await conflictsOf(db, rows.map((r) => r.v));
  return { items: rows.map((r) => present(r.v, r, conflicts.get(r.v.id) ?? [])), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}

/** Approved visits at a junior high on a day (the one being decided left out), for the overlap rule. */
export async function approvedAt(db: Queryable, juniorHighId: number, date: string, exceptId?: number) {
  return db
    .select({ id: visits.id, date: visits.date, start: visits.start, end: visits.end, school: organizations.name })
    .from(visits)
    .innerJoin(organizations, eq(organizations.id, visits.schoolId))
    .where(and(eq(visits.juniorHighId, juniorHighId), eq(visits.date, date), eq(visits.status, 'approved'), exceptId ? ne(visits.id, exceptId) : undefined));
}
