/** The policy's scope as SQL conditions, so lists return only what the actor may see. */
import { eq, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { organizations } from '../db/schema';
import { scopeOf, type Actor } from './policy';

/** Condition on the organisations table itself. */
export function orgScope(actor: Actor): SQL | undefined {
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'district') return or(eq(organizations.id, scope.districtId), eq(organizations.districtId, scope.districtId));
  return eq(organizations.id, scope.organizationId);
}

/** Condition on a table with a district column (campaigns): a school sees its district's. */
export function districtScope(actor: Actor, districtColumn: AnyPgColumn): SQL | undefined {
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return undefined;
  return eq(districtColumn, actor.districtId ?? -1);
}
