import { eq } from 'drizzle-orm';
import { checkPassword } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import { students, users } from '../../db/schema';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { deleteUserSessions } from '../../auth/sessions';
import { clearAttempts, reserveAttempt } from '../../auth/throttle';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';

/** The user's own change (also the forced change of an initial password); other sessions end. */
export async function changePassword(deps: AppDeps, ctx: RequestContext, sessionId: string, input: { currentPassword: string; newPassword: string }) {
  const actor = ctx.actor!;
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError('AUTH_WRONG_CURRENT_PASSWORD');
  // Wrong current passwords count like wrong sign-ins (issue 14 §3): reserved before the check, slowed alike.
  const attempt = await reserveAttempt(deps.db, user.id, new Date(), deps.lockout);
  if (!attempt.allowed || !(await verifyPassword(user.passwordHash, input.currentPassword, deps.pii))) throw new AppError('AUTH_WRONG_CURRENT_PASSWORD');
  await clearAttempts(deps.db, user.id);
  assertPasswordPolicy(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_POLICY', { problems: ['same_as_current'] });
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id, sessionId);
    // A student's slip password is spent once the student has chosen their own (the slip can no longer be reprinted with it).
    if (user.role === 'student') await tx.update(students).set({ initialPasswordCipher: null, updatedAt: new Date() }).where(eq(students.userId, user.id));
    await writeAudit(tx, ctx, { action: 'user.password_change', objectType: 'user', objectId: user.id, changes: { mustChangePassword: { from: user.mustChangePassword, to: false } } });
  });
}

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = checkPassword(password, username);
  if (problems.length) throw new AppError('PASSWORD_POLICY', { problems });
}
