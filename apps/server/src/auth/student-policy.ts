/**
 * Who sees and changes students and their applications (issue 9), beside the general policy
 * (policy.ts). A student belongs to a campaign (a district's) and, when on a roster, to a junior
 * high. Minors' data is sensitive (PIPL): the narrowest scope that does the work.
 *
 *  - a junior high sees and keeps its own roster (and enters applications on a family's behalf);
 *  - the district bureau sees and keeps every student of its campaigns (social applicants too);
 *  - the city bureau and auditors read their districts' students (masked), never change them;
 *  - a vocational school sees no roster: only applicants who chose one of its programmes
 *    (`GET /api/school/applicants`), and only what it needs;
 *  - a family account (student, guardian) sees only its own student (found by its account).
 * Revealing a whole ID number or phone needs `student.reveal` and the same scope, and is audited.
 * The same rules as SQL (studentScope) filter lists.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { hasPermission, type Permission } from '@zhizhao/contracts';
import { campaigns, organizations, students } from '../db/schema';
import { AppError } from '../errors';
import { inScope, scopeOf, type Actor, type OrgRef } from './policy';

/** A student as the policy sees it: the junior high whose roster holds it, and its campaign's district. */
export type StudentRef = { juniorHighId: number | null; district: OrgRef };

function inStudentScope(actor: Actor, s: StudentRef): boolean {
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return actor.orgKind === 'junior_high' && s.juniorHighId === scope.organizationId;
  // Bureaus: the campaign's district (a district bureau its own, the city its districts').
  return inScope(actor, s.district);
}

export function canStudent(actor: Actor, permission: Extract<Permission, 'student.read' | 'student.write' | 'student.reveal' | 'application.onbehalf'>, s: StudentRef): boolean {
  if (!hasPermission(actor.role, permission)) return false;
  // Changing the roster is the junior high's and its district bureau's business, not the city's.
  if (permission !== 'student.read' && actor.orgKind === 'city_bureau') return false;
  return inStudentScope(actor, s);
}

export function authorizeStudent(actor: Actor, permission: Parameters<typeof canStudent>[1], s: StudentRef): void {
  if (!canStudent(actor, permission, s)) throw new AppError('FORBIDDEN', { permission });
}

/** canStudent(actor, 'student.read', ·) as SQL over `students`. */
export function studentScope(actor: Actor): SQL {
  if (!hasPermission(actor.role, 'student.read')) return sql`false`;
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return actor.orgKind === 'junior_high' ? eq(students.juniorHighId, scope.organizationId) : sql`false`;
  if (scope.kind === 'district') return sql`${students.campaignId} in (select ${campaigns.id} from ${campaigns} where ${campaigns.districtId} = ${scope.districtId})`;
  return sql`${students.campaignId} in (select ${campaigns.id} from ${campaigns} join ${organizations} on ${organizations.id} = ${campaigns.districtId} where ${organizations.cityId} = ${scope.cityId})`;
}

/** The live picture and the duplicate check: the campaign's bureaus, and a junior high for its own rows. */
export function canSummarize(actor: Actor, district: OrgRef): boolean {
  if (!hasPermission(actor.role, 'application.summary')) return false;
  if (actor.orgKind === 'junior_high') return actor.districtId === district.id;
  return (actor.orgKind === 'district_bureau' || actor.orgKind === 'city_bureau') && inScope(actor, district);
}
