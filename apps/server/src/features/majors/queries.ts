/**
 * Majors (专业) as stored and presented. Majors are what a school publishes: everyone of a
 * district reads the majors of the schools standing in it, the city those of its districts.
 */
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { FeeItem, MajorCategory } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { campuses, majors, organizations } from '../../db/schema';
import { scopeOf, type Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { getOrg, likeText, type OrgRow } from '../organizations/queries';

export type MajorRow = typeof majors.$inferSelect;

/** Schools (rows of `organizations`) whose majors the actor reads. */
export function schoolReadScope(actor: Actor): SQL {
  const scope = scopeOf(actor);
  return scope.kind === 'city' ? eq(organizations.cityId, scope.cityId) : eq(organizations.districtId, actor.districtId ?? -1);
}

/** The fee items in a fixed key order: jsonb hands keys back reordered, and the audit diff compares JSON text. */
export const normalFees = (fees: unknown): FeeItem[] => (fees as FeeItem[]).map((f) => ({ name: f.name, amount: f.amount, unit: f.unit }));
/** A stored major as comparable values (for diffs against a patch or an imported row). */
export const comparable = (m: MajorRow) => ({ ...m, fees: normalFees(m.fees) }) as unknown as Record<string, unknown>;

export function presentMajor(m: MajorRow, schoolName: string, campusName: string) {
  return {
    id: m.id, organizationId: m.organizationId, schoolName, campusId: m.campusId, campusName, code: m.code, name: m.name,
    category: m.category as MajorCategory, lengthYears: m.lengthYears, internship: m.internship, fees: m.fees as FeeItem[], aidPolicy: m.aidPolicy, active: m.active,
  };
}

const withNames = (db: Queryable) =>
  db
    .select({ m: majors, schoolName: organizations.name, schoolCode: organizations.code, campusName: campuses.name })
    .from(majors)
    .innerJoin(organizations, eq(organizations.id, majors.organizationId))
    .innerJoin(campuses, eq(campuses.id, majors.campusId));

export async function listMajors(db: Queryable, actor: Actor, f: { organizationId?: number; q?: string; category?: MajorCategory; page: number; pageSize: number }) {
  const where = and(
    schoolReadScope(actor),
    f.organizationId ? eq(majors.organizationId, f.organizationId) : undefined,
    f.category ? eq(majors.category, f.category) : undefined,
    f.q ? or(ilike(majors.name, likeText(f.q)), ilike(majors.code, likeText(f.q)), ilike(organizations.name, likeText(f.q))) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    withNames(db).where(where).orderBy(asc(organizations.code), asc(majors.code)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(majors).innerJoin(organizations, eq(organizations.id, majors.organizationId)).where(where),
  ]);
  return { items: rows.map((r) => presentMajor(r.m, r.schoolName, r.campusName)), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}

/** Every major the actor reads, for the Excel export. */
export async function allMajors(db: Queryable, actor: Actor) {
  return withNames(db).where(schoolReadScope(actor)).orderBy(asc(organizations.code), asc(majors.code));
}

export async function getMajorWithNames(db: Queryable, id: number) {
  const [row] = await withNames(db).where(eq(majors.id, id));
  if (!row) throw new AppError('NOT_FOUND', { majorId: id });
  return row;
}

export async function vocationalSchool(db: Queryable, id: number): Promise<OrgRow> {
  const org = await getOrg(db, id);
  if (org.kind !== 'vocational_school') throw new AppError('NOT_FOUND', { organizationId: id, expected: 'vocational_school' });
  return org;
}
