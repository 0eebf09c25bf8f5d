/**
 * 转学: a student moves to another active junior high of the campaign's district. Asked by the
 * current junior high or the district bureau. The roster row, both accounts and the history
 * (student_transfers) move together, audited; nothing is deleted. The application stays with the student.
 */
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { organizations, studentTransfers, students, users } from '../../db/schema';
import { authorizeStudent } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { loadStudent, refOfStudent } from './queries';

export async function transferStudent(deps: AppDeps, ctx: RequestContext, id: number, body: { toJuniorHighId: number; reason: string }) {
  const before = await loadStudent(deps.db, id);
  authorizeStudent(ctx.actor!, 'student.write', refOfStudent(before));
  await deps.db.transaction(async (tx) => {
    // Re-read under the row lock: two transfers of one student take turns.
    const l = await loadStudent(tx, id, { lock: true });
    authorizeStudent(ctx.actor!, 'student.write', refOfStudent(l));
    const from = l.student.juniorHighId;
    const [to] = await tx.select().from(organizations).where(eq(organizations.id, body.toJuniorHighId));
    if (!from || l.student.kind !== 'grade9' || !to || to.id === from || to.kind !== 'junior_high' || !to.active || to.districtId !== l.district.id) {
      throw new AppError('STUDENT_TRANSFER_INVALID', { toJuniorHighId: body.toJuniorHighId });
    }
    await tx.update(students).set({ juniorHighId: to.id, updatedAt: new Date() }).where(eq(students.id, id));
    for (const userId of [l.student.userId, l.student.guardianUserId]) if (userId) await tx.update(users).set({ organizationId: to.id }).where(eq(users.id, userId));
    await tx.insert(studentTransfers).values({ studentId: id, fromJuniorHighId: from, toJuniorHighId: to.id, reason: body.reason, createdBy: ctx.actor!.userId });
    await writeAudit(tx, ctx, {
      action: 'student.transfer', objectType: 'student', objectId: id,
      changes: { juniorHighId: { from, to: to.id }, reason: body.reason, name: l.student.name }, organizationId: to.id,
    });
  });
}
