import { eq } from 'drizzle-orm';
import { afterFailure, isLocked } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { organizations, users } from '../../db/schema';
import { burnVerify, verifyPassword } from '../../auth/passwords';
import { createSession } from '../../auth/sessions';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';

export type LoginInput = { username: string; password: string; ip: string | null; userAgent: string | null; ctx: RequestContext };

/**
 * Signs a user in: lockout after repeated failures (5 in a row → 15 minutes), a new
 * server-side session on success. Failures that change state are audited; the refusal
 * is thrown only after that transaction has committed.
 */
export async function login(deps: AppDeps, input: LoginInput): Promise<{ token: string; userId: number }> {
  const now = new Date();
  const [user] = await deps.db.select().from(users).where(eq(users.username, input.username.toLowerCase()));
  if (!user) {
    await burnVerify(input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (isLocked(user, now)) throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil!.toISOString() });

  const ok = await verifyPassword(user.passwordHash, input.password, deps.pii);
  const who = { userId: user.id, username: user.username };
  if (!ok) {
    // Count under a row lock: parallel wrong guesses must not overwrite each other's count.
    const next = await deps.db.transaction(async (tx) => {
      const [current] = await tx.select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id)).for('update');
      const next = afterFailure(current ?? user, now, deps.lockout);
      await tx.update(users).set(next).where(eq(users.id, user.id));
      await writeAudit(tx, input.ctx, {
        action: next.lockedUntil ? 'auth.locked' : 'auth.login_failed',
        objectType: 'user',
        objectId: user.id,
        changes: { failedLogins: next.failedLogins, lockedUntil: next.lockedUntil?.toISOString() ?? null },
        organizationId: user.organizationId,
        actorOverride: who,
      });
      return next;
    });
    if (next.lockedUntil) throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: next.lockedUntil.toISOString() });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (!user.active) throw new AppError('AUTH_ACCOUNT_DISABLED');
  // A deactivated organisation's accounts cannot work (sessions.ts refuses them): say so at sign-in.
  const [org] = await deps.db.select({ active: organizations.active }).from(organizations).where(eq(organizations.id, user.organizationId));
  if (!org?.active) throw new AppError('AUTH_ACCOUNT_DISABLED', { reason: 'organization_inactive' });

  return deps.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const token = await createSession(tx, user.id, { ip: input.ip, userAgent: input.userAgent }, now);
    await writeAudit(tx, input.ctx, {
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      changes: { ip: input.ip },
      organizationId: user.organizationId,
      actorOverride: who,
    });
    return { token, userId: user.id };
  });
}
