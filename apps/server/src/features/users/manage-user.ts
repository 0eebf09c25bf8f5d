/** Account administration: admins manage accounts of organisations in their scope (policy.canManageAccount). */
import { eq } from 'drizzle-orm';
import { roleOrgKinds, type Role } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { users } from '../../db/schema';
import { canManageAccount, authorize } from '../../auth/policy';
import { hashPassword } from '../../auth/passwords';
import { deleteUserSessions } from '../../auth/sessions';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { assertPasswordPolicy } from '../auth/change-password';
import { getOrg, refOf } from '../organizations/queries';
import { getUserWithOrg, presentUser } from './queries';

export async function createUser(deps: AppDeps, ctx: RequestContext, body: { username: string; displayName: string; role: Role; organizationId: number; initialPassword: string }) {
  const username = body.username.toLowerCase();
  assertPasswordPolicy(body.initialPassword, username);
  const passwordHash = await hashPassword(body.initialPassword);
  return deps.db.transaction(async (tx) => {
    const org = await getOrg(tx, body.organizationId);
    // Scope first, so a caller learns nothing about organisations outside it.
    authorize(ctx.actor!, 'user.write', refOf(org));
    if (!roleOrgKinds[body.role].includes(org.kind as never)) throw new AppError('ROLE_NOT_FOR_ORG', { role: body.role, kind: org.kind });
    if (!canManageAccount(ctx.actor!, body.role, refOf(org))) throw new AppError('FORBIDDEN', { permission: 'user.write' });
    if (!org.active) throw new AppError('ORG_INACTIVE');
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new AppError('USERNAME_TAKEN', { username });
    const [row] = await tx.insert(users).values({ username, displayName: body.displayName, role: body.role, organizationId: org.id, passwordHash, mustChangePassword: true }).returning();
    await writeAudit(tx, ctx, { action: 'user.create', objectType: 'user', objectId: row!.id, changes: { username, displayName: body.displayName, role: body.role, organizationId: org.id }, organizationId: org.id });
    return presentUser(row!, org.name);
  });
}

async function loadManaged(ctx: RequestContext, tx: Tx, id: number, newRole?: Role) {
  const { user, org } = await getUserWithOrg(tx, id);
  authorize(ctx.actor!, 'user.write', refOf(org));
  if (!canManageAccount(ctx.actor!, user.role as Role, refOf(org))) throw new AppError('FORBIDDEN', { permission: 'user.write' });
  if (newRole && !roleOrgKinds[newRole].includes(org.kind as never)) throw new AppError('ROLE_NOT_FOR_ORG', { role: newRole, kind: org.kind });
  if (newRole && !canManageAccount(ctx.actor!, newRole, refOf(org))) throw new AppError('FORBIDDEN', { permission: 'user.write' });
  return { user, org };
}

export async function updateUser(deps: AppDeps, ctx: RequestContext, id: number, patch: Partial<{ displayName: string; role: Role; active: boolean }>) {
  return deps.db.transaction(async (tx) => {
    const { user, org } = await loadManaged(ctx, tx, id, patch.role);
    if (id === ctx.actor!.userId && (patch.active === false || (patch.role && patch.role !== user.role))) throw new AppError('USER_CANNOT_CHANGE_SELF');
    const changes = diff(user, patch);
    if (!Object.keys(changes).length) return presentUser(user, org.name);
    const [row] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
    if (patch.active === false || patch.role) await deleteUserSessions(tx, id);
    await writeAudit(tx, ctx, { action: 'user.update', objectType: 'user', objectId: id, changes, organizationId: org.id });
    return presentUser(row!, org.name);
  });
}

/** An admin sets a new initial password: the user must change it, and their sessions end. */
export async function resetPassword(deps: AppDeps, ctx: RequestContext, id: number, initialPassword: string) {
  const { user } = await getUserWithOrg(deps.db, id);
  assertPasswordPolicy(initialPassword, user.username);
  const passwordHash = await hashPassword(initialPassword);
  await deps.db.transaction(async (tx) => {
    const { org } = await loadManaged(ctx, tx, id);
    await tx.update(users).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await writeAudit(tx, ctx, { action: 'user.password_reset', objectType: 'user', objectId: id, changes: { mustChangePassword: true }, organizationId: org.id });
  });
}

export async function unlockUser(deps: AppDeps, ctx: RequestContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const { user, org } = await loadManaged(ctx, tx, id);
    const [row] = await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id)).returning();
    await writeAudit(tx, ctx, { action: 'user.unlock', objectType: 'user', objectId: id, changes: { lockedUntil: { from: user.lockedUntil?.toISOString() ?? null, to: null } }, organizationId: org.id });
    return presentUser(row!, org.name);
  });
}
