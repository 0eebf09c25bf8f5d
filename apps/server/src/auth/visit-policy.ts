/**
 * Who sees and who acts on campus visits (R19), beside the general policy (policy.ts). A visit
 * concerns three organisations: the vocational school that visits, the junior high it visits,
 * and the district bureau of the junior high, which approves it (R19: every school entering a
 * junior high of the district — city-run ones included — needs that district's approval).
 *
 *  - a school sees its own visits, a junior high the visits to it;
 *  - the district bureau sees every visit to its junior highs (the campaign is the district's),
 *    the city bureau its districts';
 *  - the school requests, accepts a proposed slot and cancels; the junior high proposes another
 *    slot and checks visitors in and out; the district bureau approves, refuses and revokes.
 * The same rules as SQL (visitScope) filter lists.
 */
import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { hasPermission, type Permission } from '@zhizhao/contracts';
import { campaigns, organizations, visits } from '../db/schema';
import { AppError } from '../errors';
import { can, inScope, scopeOf, type Actor, type OrgRef } from './policy';

/** A visit as the policy sees it: its two schools and the district whose campaign it belongs to. */
export type VisitRef = { schoolId: number; juniorHighId: number; district: OrgRef };

export function canSeeVisit(actor: Actor, v: VisitRef): boolean {
  if (!hasPermission(actor.role, 'visit.read')) return false;
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return v.schoolId === scope.organizationId || v.juniorHighId === scope.organizationId;
  return inScope(actor, v.district);
}

/** The district bureau of the visited junior high (R19). */
export function isApprover(actor: Actor, v: VisitRef): boolean {
  return actor.orgKind === 'district_bureau' && can(actor, 'visit.approve', v.district);
}

export function isVisitingSchool(actor: Actor, v: VisitRef): boolean {
  return hasPermission(actor.role, 'visit.request') && actor.orgKind === 'vocational_school' && actor.organizationId === v.schoolId;
}

export function isHost(actor: Actor, v: VisitRef): boolean {
  return hasPermission(actor.role, 'visit.gate') && actor.orgKind === 'junior_high' && actor.organizationId === v.juniorHighId;
}

/** Each step's part: who may take it. Seeing the visit is checked first, so a stranger reads 403 either way. */
const parts = { school: isVisitingSchool, host: isHost, approver: isApprover } as const;
export type VisitPart = keyof typeof parts;

export function authorizeVisit(actor: Actor, v: VisitRef, part: VisitPart, permission: Permission): void {
  if (!canSeeVisit(actor, v) || !parts[part](actor, v)) throw new AppError('FORBIDDEN', { permission });
}

/** The permit PDF: the school that holds it, the junior high that checks it, the bureau that issued it. */
export function canGetPermit(actor: Actor, v: VisitRef): boolean {
  return canSeeVisit(actor, v) && (actor.organizationId === v.schoolId || actor.organizationId === v.juniorHighId || (actor.orgKind === 'district_bureau' && inScope(actor, v.district)));
}

export const isBureau = (actor: Actor) => actor.orgKind === 'district_bureau' || actor.orgKind === 'city_bureau';

/** A campaign's district as SQL: the district bureau's own campaigns, the city's districts'. */
function campaignInScope(actor: Actor, campaignColumn: AnyPgColumn): SQL {
  const scope = scopeOf(actor);
  if (scope.kind === 'district') return sql`${campaignColumn} in (select ${campaigns.id} from ${campaigns} where ${campaigns.districtId} = ${scope.districtId})`;
  if (scope.kind === 'city') {
    return sql`${campaignColumn} in (select ${campaigns.id} from ${campaigns} join ${organizations} on ${organizations.id} = ${campaigns.districtId} where ${organizations.cityId} = ${scope.cityId})`;
  }
  return sql`false`;
}

/** canSeeVisit as SQL over `visits`. */
export function visitScope(actor: Actor): SQL {
  if (!hasPermission(actor.role, 'visit.read')) return sql`false`;
  const scope = scopeOf(actor);
  if (scope.kind === 'org') return or(eq(visits.schoolId, scope.organizationId), eq(visits.juniorHighId, scope.organizationId))!;
  return campaignInScope(actor, visits.campaignId);
}

/** Reports of unauthorised recruiting (R19): the bureaus' queue, and the reporting junior high's own; never a school's. */
export function reportScope(actor: Actor, juniorHighColumn: AnyPgColumn, campaignColumn: AnyPgColumn): SQL {
  if (!hasPermission(actor.role, 'visit.read')) return sql`false`;
  if (actor.orgKind === 'junior_high') return sql`${juniorHighColumn} = ${actor.organizationId}`;
  return isBureau(actor) ? campaignInScope(actor, campaignColumn) : sql`false`;
}

/** R10: a junior high's protected lesson time — read by whoever plans visits to it, kept by the school itself or its district. */
export function canReadProtectedTime(actor: Actor, jh: OrgRef): boolean {
  if (!hasPermission(actor.role, 'visit.read')) return false;
  return inScope(actor, jh) || (actor.orgKind === 'vocational_school' && actor.cityId !== null && actor.cityId === jh.cityId);
}

export function canWriteProtectedTime(actor: Actor, jh: OrgRef): boolean {
  return can(actor, 'visit.gate', jh) || (actor.orgKind === 'district_bureau' && can(actor, 'visit.approve', jh));
}
