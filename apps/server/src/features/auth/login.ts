import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { organizations, users } from '../../db/schema';
import { burnVerify, verifyPassword } from '../../auth/passwords';
import { createSession } from '../../auth/sessions';
import { clearAttempts, countIpAttempt, refundIpAttempt, reserveAttempt } from '../../auth/throttle';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';

export type LoginInput = { username: string; password: string; ip: string | null; userAgent: string | null; ctx: RequestContext };

/**
 * Signs a user in (issue 14 §2, §3: auth/throttle.ts): the client address's attempt is counted
 * first (429 past its limit); the account's attempt is reserved before the password is checked,
 * and a slowed account answers like a wrong password. An unknown user, a slowed account and a
 * wrong password get the same answer (401 AUTH_INVALID_CREDENTIALS) after the same work (an
 * argon2 verification). Failures that change state are audited (`auth.slowed` when an account
 * starts to be slowed: the admins see it in the audit log and the account list).
 */
export async function login(deps: AppDeps, input: LoginInput): Promise<{ token: string; userId: number }> {
  const now = new Date();
  const ip = input.ip ?? 'unknown';
  const byIp = await countIpAttempt(deps.db, ip, now, deps.lockout);
  if (byIp.refused) throw new AppError('RATE_LIMITED', { retryAfterSeconds: byIp.retryAfterSeconds });

  const [user] = await deps.db.select().from(users).where(eq(users.username, input.username.toLowerCase()));
  if (!user) {
    await burnVerify(input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const attempt = await reserveAttempt(deps.db, user.id, now, deps.lockout);
  if (!attempt.allowed) {
    await burnVerify(input.password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const ok = await verifyPassword(user.passwordHash, input.password, deps.pii);
  const who = { userId: user.id, username: user.username };
  if (!ok) {
    await deps.db.transaction((tx) =>
      writeAudit(tx, input.ctx, {
        action: attempt.failedLogins === deps.lockout.maxFailures ? 'auth.slowed' : 'auth.login_failed',
        objectType: 'user',
        objectId: user.id,
        changes: { failedLogins: attempt.failedLogins, lockedUntil: attempt.slowedUntil?.toISOString() ?? null, ip: input.ip },
        organizationId: user.organizationId,
        actorOverride: who,
      }),
    );
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  await Promise.all([clearAttempts(deps.db, user.id), refundIpAttempt(deps.db, ip)]);
  if (!user.active) throw new AppError('AUTH_ACCOUNT_DISABLED');
  // A deactivated organisation's accounts cannot work (sessions.ts refuses them): say so at sign-in.
  const [org] = await deps.db.select({ active: organizations.active }).from(organizations).where(eq(organizations.id, user.organizationId));
  if (!org?.active) throw new AppError('AUTH_ACCOUNT_DISABLED', { reason: 'organization_inactive' });

  return deps.db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
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
