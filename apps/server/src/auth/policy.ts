/**
 * The one authorization module (ADR 0003). Deny by default:
 *  1. a route declares the permission it needs (`config.access`); a route without one
 *     does not start (see http/access.ts);
 *  2. the role must hold the permission (roles.ts: permissions as data);
 *  3. the object must be in the actor's scope: a school sees itself, a district its
 *     own organisations, the city everything.
 */
import { hasPermission, isFamilyRole, roleOrgKinds, type OrgKind, type Permission, type Role } from '@zhizhao/contracts';
import { AppError } from '../errors';

export type Actor = {
  userId: number;
  username: string;
  role: Role;
  organizationId: number;
  orgKind: OrgKind;
  /** The district whose data a district-level or school-level actor sees; null for city-level actors. */
  districtId: number | null;
  /** The city the actor belongs to (a city bureau is its own). */
  cityId: number | null;
};

/**
 * What the policy needs to know about an organisation an object belongs to. `runBy` (who runs a
 * vocational school: 'district' | 'city') decides who may change the school's own record and
 * accounts (managesOrg); a ref without it is treated as not the district's.
 */
export type OrgRef = { id: number; kind: OrgKind; districtId: number | null; cityId: number | null; runBy?: string | null };

export type Scope = { kind: 'city'; cityId: number } | { kind: 'district'; districtId: number } | { kind: 'org'; organizationId: number };

export function scopeOf(actor: Actor): Scope {
  if (actor.orgKind === 'city_bureau') return { kind: 'city', cityId: actor.organizationId };
  if (actor.orgKind === 'district_bureau') return { kind: 'district', districtId: actor.organizationId };
  return { kind: 'org', organizationId: actor.organizationId };
}

/** The district an organisation belongs to (a district bureau is its own). */
export function districtOf(org: OrgRef): number | null {
  return org.kind === 'district_bureau' ? org.id : org.districtId;
}

/** The city an organisation belongs to (a city bureau is its own). */
export function cityOf(org: OrgRef): number | null {
  return org.kind === 'city_bureau' ? org.id : org.cityId;
}

export function inScope(actor: Actor, org: OrgRef): boolean {
  const scope = scopeOf(actor);
  if (scope.kind === 'city') return cityOf(org) === scope.cityId;
  if (scope.kind === 'district') return districtOf(org) === scope.districtId;
  return org.id === scope.organizationId;
}

/**
 * District-wide objects (a campaign, later the published targets table): everyone of the
 * district sees them, schools included; the city sees its districts'.
 */
export function canInDistrict(actor: Actor, permission: Permission, district: OrgRef): boolean {
  if (!hasPermission(actor.role, permission)) return false;
  const scope = scopeOf(actor);
  if (scope.kind === 'city') return cityOf(district) === scope.cityId;
  return actor.districtId === district.id;
}

export function authorizeInDistrict(actor: Actor, permission: Permission, district: OrgRef): void {
  if (!canInDistrict(actor, permission, district)) throw new AppError('FORBIDDEN', { permission });
}

/**
 * The permissions that change an organisation's own record, campuses and accounts: they belong
 * to whoever runs the organisation, not to whoever it stands under.
 */
const RUNNER_PERMISSIONS: ReadonlySet<Permission> = new Set(['org.write', 'user.write']);

/**
 * Whether the actor runs the organisation (may change its record, campuses, accounts, put it
 * in an alliance): a city-run school stands in a district (R3/R4) but belongs to the city — the
 * district reads it, never changes it. Schools run themselves; the city runs all of its city.
 */
export function managesOrg(actor: Actor, org: OrgRef): boolean {
  if (!inScope(actor, org)) return false;
  if (scopeOf(actor).kind !== 'district' || org.kind !== 'vocational_school') return true;
  return org.runBy === 'district';
}

export function can(actor: Actor, permission: Permission, org?: OrgRef): boolean {
  if (!hasPermission(actor.role, permission)) return false;
  if (org === undefined) return true;
  return RUNNER_PERMISSIONS.has(permission) ? managesOrg(actor, org) : inScope(actor, org);
}

export function authorize(actor: Actor, permission: Permission, org?: OrgRef): void {
  if (!can(actor, permission, org)) throw new AppError('FORBIDDEN', { permission });
}

/** Which kinds of organisation an actor may create, and under whom (R3/R4 hierarchy). */
export function canCreateOrg(actor: Actor, kind: OrgKind, placement: { districtId: number | null; cityId: number | null; runBy: 'district' | 'city' | null }): boolean {
  const { districtId, runBy } = placement;
  if (!hasPermission(actor.role, 'org.write')) return false;
  const scope = scopeOf(actor);
  // A city registers its districts and schools; a new city is the province's business (a CLI bootstrap).
  if (scope.kind === 'city') return kind !== 'city_bureau' && placement.cityId === scope.cityId;
  if (scope.kind !== 'district') return false;
  // A district registers its junior highs and its district-run schools; city-run schools are the city's.
  if (kind === 'junior_high') return districtId === scope.districtId;
  if (kind === 'vocational_school') return districtId === scope.districtId && runBy === 'district';
  return false;
}

/** An admin manages accounts of organisations in scope, for roles that fit the organisation. */
export function canManageAccount(actor: Actor, role: Role, org: OrgRef): boolean {
  // Family accounts live with the roster (students/): its own routes reset them, with their own checks.
  if (isFamilyRole(role)) return false;
  if (!can(actor, 'user.write', org)) return false;
  if (!roleOrgKinds[role].includes(org.kind)) return false;
  // Only the city creates city-level accounts; nobody below a bureau creates bureau accounts.
  if (org.kind === 'city_bureau' && actor.orgKind !== 'city_bureau') return false;
  return true;
}
