/**
 * A new slip secret for a student or a guardian who lost theirs: a new random password
 * (student: must change it at the next sign-in) and/or guardian code, stored as a keyed hash
 * plus the encrypted copy the slip prints; the account's sessions end and its lockout clears.
 * The old secret stops working at once. The new slip comes from the slips route (?studentId=).
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { students, users } from '../../db/schema';
import { authorizeStudent } from '../../auth/student-policy';
import { deleteUserSessions } from '../../auth/sessions';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { generateGuardianCode, generateInitialPassword } from '../../pii/crypto';
import { loadStudent, refOfStudent } from './queries';

export async function resetCredentials(deps: AppDeps, ctx: RequestContext, id: number, what: 'password' | 'guardian_code' | 'both') {
  const l = await loadStudent(deps.db, id);
  authorizeStudent(ctx.actor!, 'student.write', refOfStudent(l));
  const s = l.student;
  const doStudent = what !== 'guardian_code';
  const doGuardian = what !== 'password';
  if ((doStudent && !s.userId) || (doGuardian && !s.guardianUserId)) throw new AppError('STUDENT_NO_ACCOUNT', { studentId: id });
  await deps.db.transaction(async (tx) => {
    const patch: Partial<typeof students.$inferInsert> = { updatedAt: new Date() };
    if (doStudent) {
      const password = generateInitialPassword();
      await tx.update(users).set({ passwordHash: deps.pii.secretHash(password), mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(users.id, s.userId!));
      await deleteUserSessions(tx, s.userId!);
      patch.initialPasswordCipher = deps.pii.encrypt(password);
    }
    if (doGuardian) {
      const code = generateGuardianCode();
      await tx.update(users).set({ passwordHash: deps.pii.secretHash(code), mustChangePassword: false, failedLogins: 0, lockedUntil: null }).where(eq(users.id, s.guardianUserId!));
      await deleteUserSessions(tx, s.guardianUserId!);
      patch.guardianCodeCipher = deps.pii.encrypt(code);
    }
    await tx.update(students).set(patch).where(eq(students.id, id));
    await writeAudit(tx, ctx, { action: 'student.reset_credentials', objectType: 'student', objectId: id, changes: { what, name: s.name }, organizationId: s.juniorHighId });
  });
}
