/**
 * 招生计划: the planned seats of every major of the schools standing in a campaign's district.
 * Everyone of the district reads them (they are published in the brochures); a school sets its
 * own, a district bureau those of its district-run schools, the city any (canManageSchool).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MajorCategory } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Queryable, Tx } from '../../db/client';
import { campaigns, campuses, majors, organizations, plannedSeats } from '../../db/schema';
import { authorizeInDistrict } from '../../auth/policy';
import { canManageSchool } from '../../auth/brochure-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { getOrg, refOf } from '../organizations/queries';

export async function loadCampaign(db: Queryable, id: number, opts: { lock?: boolean } = {}) {
  const q = db.select().from(campaigns).where(eq(campaigns.id, id));
  const [campaign] = opts.lock ? await q.for('update') : await q;
  if (!campaign) throw new AppError('NOT_FOUND', { campaignId: id });
  return { campaign, district: await getOrg(db, campaign.districtId) };
}

/** The campaign's majors (of active vocational schools standing in its district) with their seats. */
export async function seatRows(db: Queryable, campaignId: number, districtId: number) {
  const rows = await db
    .select({ m: majors, school: organizations, campusName: campuses.name, seats: plannedSeats.seats })
    .from(majors)
    .innerJoin(organizations, eq(organizations.id, majors.organizationId))
    .innerJoin(campuses, eq(campuses.id, majors.campusId))
    .leftJoin(plannedSeats, and(eq(plannedSeats.majorId, majors.id), eq(plannedSeats.campaignId, campaignId)))
    .where(and(eq(organizations.districtId, districtId), eq(organizations.kind, 'vocational_school'), eq(organizations.active, true), eq(majors.active, true)))
    .orderBy(asc(organizations.code), asc(majors.code));
  return rows.map((r) => ({
    majorId: r.m.id, organizationId: r.school.id, schoolCode: r.school.code, schoolName: r.school.name, majorCode: r.m.code, majorName: r.m.name,
    campusName: r.campusName, category: r.m.category as MajorCategory, seats: r.seats ?? null, school: r.school,
  }));
}

export async function getPlannedSeats(db: Queryable, ctx: RequestContext, campaignId: number) {
  const { campaign, district } = await loadCampaign(db, campaignId);
  authorizeInDistrict(ctx.actor!, 'major.read', refOf(district));
  const rows = await seatRows(db, campaign.id, district.id);
  return {
    campaignId,
    rows: rows.map(({ school: _school, schoolCode: _code, ...r }) => r),
    total: rows.reduce((a, r) => a + (r.seats ?? 0), 0),
  };
}

export async function savePlannedSeats(deps: AppDeps, ctx: RequestContext, campaignId: number, body: { rows: Array<{ majorId: number; seats: number }> }) {
  await deps.db.transaction((tx) => savePlannedSeatsIn(tx, ctx, campaignId, body.rows, 'api'));
  return getPlannedSeats(deps.db, ctx, campaignId);
}

export async function savePlannedSeatsIn(tx: Tx, ctx: RequestContext, campaignId: number, input: Array<{ majorId: number; seats: number }>, source: 'api' | 'import' | 'seed') {
  const { campaign, district } = await loadCampaign(tx, campaignId, { lock: true });
  authorizeInDistrict(ctx.actor!, 'major.write', refOf(district));
  const rows = new Map((await seatRows(tx, campaign.id, district.id)).map((r) => [r.majorId, r]));
  const unknown = input.filter((i) => !rows.has(i.majorId)).map((i) => i.majorId);
  if (unknown.length) throw new AppError('PLANNED_SEATS_UNKNOWN_MAJOR', { majorIds: unknown });
  const forbidden = input.filter((i) => !canManageSchool(ctx.actor!, 'major.write', rows.get(i.majorId)!.school)).map((i) => i.majorId);
  if (forbidden.length) throw new AppError('FORBIDDEN', { permission: 'major.write', majorIds: forbidden });

  const changesBySchool = new Map<number, Record<string, { from: number | null; to: number }>>();
  for (const i of input) {
    const r = rows.get(i.majorId)!;
    if (r.seats === i.seats) continue;
    await tx
      .insert(plannedSeats)
      .values({ campaignId, majorId: i.majorId, seats: i.seats })
      .onConflictDoUpdate({ target: [plannedSeats.campaignId, plannedSeats.majorId], set: { seats: i.seats, updatedAt: new Date() } });
    const c = changesBySchool.get(r.organizationId) ?? {};
    c[r.majorCode] = { from: r.seats, to: i.seats };
    changesBySchool.set(r.organizationId, c);
  }
  for (const [organizationId, changes] of changesBySchool) {
    await writeAudit(tx, ctx, { action: 'planned_seats.set', objectType: 'campaign', objectId: campaignId, changes: { ...changes, source }, organizationId });
  }
}

/** A school's planned seats in a campaign, by major id (the brochure's facts). */
export async function seatsOfSchool(db: Queryable, campaignId: number, majorIds: number[]) {
  if (!majorIds.length) return new Map<number, number>();
  const rows = await db.select().from(plannedSeats).where(and(eq(plannedSeats.campaignId, campaignId), inArray(plannedSeats.majorId, majorIds)));
  return new Map(rows.map((r) => [r.majorId, r.seats]));
}
