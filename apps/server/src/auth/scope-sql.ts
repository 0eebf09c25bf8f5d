/** The policy's scope as SQL conditions, so lists return only what the actor may see. */
import { eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizations } from '../db/schema';
import { scopeOf, type Actor } from './policy';

/** Condition on the organisations table itself. */
export function orgScope(actor: Actor): SQL | undefined {
  const scope = scopeOf(actor);
  if (scope.kind === 'city') return or(eq(organizations.id, scope.cityId), eq(organizations.cityId, scope.cityId));
  if (scope.kind === 'district') return or(eq(organizations.id, scope.districtId), eq(organizations.districtId, scope.districtId));
  return eq(organizations.id, scope.organizationId);
}

/** Condition on a column holding a district's id (campaigns): a city sees its districts', a school its district's. */
export function districtScope(actor: Actor, districtColumn: AnyPgColumn): SQL {
  const scope = scopeOf(actor);
  if (scope.kind === 'city') return sql`${districtColumn} in (select ${organizations.id} from ${organizations} where ${organizations.cityId} = ${scope.cityId})`;
  return eq(districtColumn, actor.districtId ?? -1);
}

/**
 * Condition on audit rows (joined to the organisation they concern): events about an
 * organisation follow its scope; events about none (seeding, system) are city-level.
 */
export function auditScope(actor: Actor, auditOrgColumn: AnyPgColumn): SQL | undefined {
  const scope = scopeOf(actor);
  const inOrgs = sql`${auditOrgColumn} in (select ${organizations.id} from ${organizations} where ${orgScope(actor)})`;
  return scope.kind === 'city' ? or(inOrgs, isNull(auditOrgColumn)) : inOrgs;
}
