import { and, asc, count, eq, ilike, notInArray, or, type SQL } from 'drizzle-orm';
import { familyRoles, type Role } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { organizations, users } from '../../db/schema';
import { orgScope } from '../../auth/scope-sql';
import { canManageAccount, type Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { likeText, refOf } from '../organizations/queries';

export type UserRow = typeof users.$inferSelect;

export function presentUser(u: UserRow, organizationName: string) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    organizationId: u.organizationId,
    organizationName,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > Date.now() ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

export async function getUserWithOrg(db: Queryable, id: number) {
  const [row] = await db.select({ user: users, org: organizations }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(eq(users.id, id));
  if (!row) throw new AppError('NOT_FOUND', { userId: id });
  return row;
}

export async function listUsers(db: Queryable, actor: Actor, f: { organizationId?: number; role?: Role; q?: string; page: number; pageSize: number }) {
  // Family accounts (100,000 students and their guardians) are managed with the roster, not here.
  const conditions: Array<SQL | undefined> = [orgScope(actor), notInArray(users.role, [...familyRoles])];
  if (f.organizationId) conditions.push(eq(users.organizationId, f.organizationId));
  if (f.role) conditions.push(eq(users.role, f.role));
  if (f.q) conditions.push(or(ilike(users.username, likeText(f.q)), ilike(users.displayName, likeText(f.q))));
  const where = and(...conditions);
  const base = db.select({ user: users, orgName: organizations.name, org: { id: organizations.id, kind: organizations.kind, districtId: organizations.districtId, cityId: organizations.cityId, runBy: organizations.runBy } }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const [items, [total]] = await Promise.all([
    base.where(where).orderBy(asc(users.username)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(where),
  ]);
  return { items: items.map((r) => ({ ...presentUser(r.user, r.orgName), manageable: canManageAccount(actor, r.user.role as Role, refOf(r.org)) })), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}
