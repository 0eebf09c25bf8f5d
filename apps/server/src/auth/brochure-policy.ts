/**
 * Who sees and who acts on a school's records of the publicity phase (R3, R6, R7), beside
 * the general policy (policy.ts): the organisation scope alone is not enough here, because
 * a city-run school stands in a district without being the district's to review.
 *
 *  - the school sees and edits its own brochures;
 *  - the reviewing bureau (R7: the district bureau for a district-run school, the city bureau
 *    for a city-run one) sees every version of the schools it reviews, drafts included;
 *  - the city bureau files every brochure: it sees a district-run school's versions once
 *    approved (the filing queue) and after;
 *  - a district bureau sees a city-run school of its district only as the public does (filed,
 *    superseded, withdrawn): never its drafts.
 * The same rules as SQL (brochureScope) filter lists.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { hasPermission, type Permission } from '@zhizhao/contracts';
import type { BrochureActor, BrochureState } from '@zhizhao/domain';
import { brochures, organizations } from '../db/schema';
import { scopeOf, type Actor } from './policy';

export type SchoolRef = { id: number; districtId: number | null; cityId: number | null; runBy: string | null };
export type ReviewerKind = 'district_bureau' | 'city_bureau';

const PUBLISHED: readonly BrochureState[] = ['filed', 'superseded', 'withdrawn'];
const AT_THE_CITY: readonly BrochureState[] = ['approved', ...PUBLISHED];

export function isReviewer(actor: Actor, school: SchoolRef, reviewerKind: ReviewerKind): boolean {
  if (!hasPermission(actor.role, 'brochure.review')) return false;
  return reviewerKind === 'district_bureau'
    ? actor.orgKind === 'district_bureau' && actor.organizationId === school.districtId
    : actor.orgKind === 'city_bureau' && actor.organizationId === school.cityId;
}

export function isFiler(actor: Actor, school: SchoolRef): boolean {
  return hasPermission(actor.role, 'brochure.file') && actor.orgKind === 'city_bureau' && actor.organizationId === school.cityId;
}

export function isOwnSchool(actor: Actor, school: SchoolRef, permission: Permission = 'brochure.edit'): boolean {
  return hasPermission(actor.role, permission) && actor.orgKind === 'vocational_school' && actor.organizationId === school.id;
}

/** The parts of the workflow (domain `BrochureActor`) the actor plays for this brochure. */
export function brochureActors(actor: Actor, school: SchoolRef, reviewerKind: ReviewerKind): BrochureActor[] {
  const out: BrochureActor[] = [];
  if (isOwnSchool(actor, school)) out.push('school');
  if (isReviewer(actor, school, reviewerKind)) out.push('reviewer');
  if (isFiler(actor, school)) out.push('city');
  return out;
}

export function canSeeBrochure(actor: Actor, school: SchoolRef, reviewerKind: ReviewerKind, status: BrochureState): boolean {
  if (!hasPermission(actor.role, 'brochure.read')) return false;
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return school.id === scope.organizationId;
  if (scope.kind === 'district') return school.districtId === scope.districtId && (reviewerKind === 'district_bureau' || PUBLISHED.includes(status));
  return school.cityId === scope.cityId && (reviewerKind === 'city_bureau' || AT_THE_CITY.includes(status));
}

/** canSeeBrochure as SQL over `brochures` joined to the school as `organizations`. */
export function brochureScope(actor: Actor): SQL {
  if (!hasPermission(actor.role, 'brochure.read')) return sql`false`;
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return eq(brochures.organizationId, scope.organizationId);
  if (scope.kind === 'district') {
    return and(eq(organizations.districtId, scope.districtId), or(eq(brochures.reviewerKind, 'district_bureau'), inArray(brochures.status, [...PUBLISHED])))!;
  }
  return and(eq(organizations.cityId, scope.cityId), or(eq(brochures.reviewerKind, 'city_bureau'), inArray(brochures.status, [...AT_THE_CITY])))!;
}

/**
 * Who keeps a school's records of the publicity phase (majors, planned seats): the school
 * itself, its supervising bureau (the district for a district-run school), and the city.
 */
export function canManageSchool(actor: Actor, permission: Permission, school: SchoolRef): boolean {
  if (!hasPermission(actor.role, permission)) return false;
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return school.id === scope.organizationId;
  if (scope.kind === 'district') return school.districtId === scope.districtId && school.runBy === 'district';
  return school.cityId === scope.cityId;
}
