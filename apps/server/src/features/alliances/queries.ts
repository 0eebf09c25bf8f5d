/** Joint enrollments (R3) as the domain sees them (`Alliance`) and as the API presents them. */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Alliance, MajorCategory } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { allianceMembers, allianceRules, alliances, campuses, organizations } from '../../db/schema';

export type AllianceView = {
  id: number;
  name: string;
  districtId: number;
  countsTowardNDistrict: boolean;
  members: Array<{ organizationId: number; name: string }>;
  rules: Array<{ category: MajorCategory; campusId: number; campusName: string; schoolName: string }>;
};

export async function loadAlliances(db: Queryable, where?: SQL): Promise<AllianceView[]> {
  const rows = await db.select().from(alliances).where(where).orderBy(asc(alliances.id));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const members = await db
    .select({ allianceId: allianceMembers.allianceId, organizationId: organizations.id, name: organizations.name, code: organizations.code })
    .from(allianceMembers)
    .innerJoin(organizations, eq(organizations.id, allianceMembers.organizationId))
    .where(inArray(allianceMembers.allianceId, ids))
    .orderBy(asc(organizations.code));
  const rules = await db
    .select({ allianceId: allianceRules.allianceId, category: allianceRules.category, campusId: campuses.id, campusName: campuses.name, schoolName: organizations.name })
    .from(allianceRules)
    .innerJoin(campuses, eq(campuses.id, allianceRules.campusId))
    .innerJoin(organizations, eq(organizations.id, campuses.organizationId))
    .where(inArray(allianceRules.allianceId, ids))
    .orderBy(asc(allianceRules.category));
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    districtId: a.districtId,
    countsTowardNDistrict: a.countsTowardNDistrict,
    members: members.filter((m) => m.allianceId === a.id).map((m) => ({ organizationId: m.organizationId, name: m.name })),
    rules: rules.filter((r) => r.allianceId === a.id).map((r) => ({ category: r.category as MajorCategory, campusId: r.campusId, campusName: r.campusName, schoolName: r.schoolName })),
  }));
}

export function toDomain(a: AllianceView): Alliance {
  return { id: a.id, name: a.name, memberIds: a.members.map((m) => m.organizationId), rules: a.rules.map((r) => ({ category: r.category, campusId: r.campusId })), countsTowardNDistrict: a.countsTowardNDistrict };
}

/** The joint enrollment a school belongs to, if any (a school belongs to at most one). */
export async function allianceOfSchool(db: Queryable, organizationId: number): Promise<AllianceView | null> {
  const [m] = await db.select({ id: allianceMembers.allianceId }).from(allianceMembers).where(eq(allianceMembers.organizationId, organizationId));
  if (!m) return null;
  const [a] = await loadAlliances(db, and(eq(alliances.id, m.id)));
  return a ?? null;
}
