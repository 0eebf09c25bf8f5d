/**
 * Edits a student of the roster (the junior high its own, the district bureau any of its
 * campaigns'). The same checks as a new student; a new exam number renames both sign-in names;
 * a new ID number or phone is sealed again. Audited without personal data (which fields changed).
 */
import { eq } from 'drizzle-orm';
import type { Student } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { students, users } from '../../db/schema';
import { authorizeStudent } from '../../auth/student-policy';
import { diff, writeAudit, type RequestContext } from '../../audit/write-audit';
import { guardianUsername, idHashOf, normalizeExamNo, phoneHashOf, sealId, sealPhone, studentUsername, type StudentInput } from './fields';
import { assertIdentity, assertUnique } from './create-student';
import { getStudent, loadStudent, refOfStudent } from './queries';

const PLAIN = ['name', 'gender', 'idType', 'examNo', 'className', 'cohort', 'hukouDistrict', 'guardianName', 'guardianRelation'] as const;

export async function updateStudent(deps: AppDeps, ctx: RequestContext, id: number, body: Partial<StudentInput>): Promise<Student> {
  const l = await loadStudent(deps.db, id);
  authorizeStudent(ctx.actor!, 'student.write', refOfStudent(l));
  const s = l.student;
  const idType = body.idType ?? (s.idType as StudentInput['idType']);
  const gender = body.gender ?? (s.gender as StudentInput['gender']);
  const identityTouched = body.idNumber !== undefined || body.idType !== undefined || body.gender !== undefined;
  // The gender and document are checked together: the stored number is decrypted only when one of them changes.
  const idNumber = identityTouched ? assertIdentity({ idType, gender, idNumber: body.idNumber ?? deps.pii.decrypt(s.idCipher) }) : null;
  const idHash = idNumber ? idHashOf(deps.pii, idType, idNumber) : s.idHash;
  const examNo = body.examNo !== undefined ? normalizeExamNo(body.examNo) : s.examNo;
  await assertUnique(deps.db, s.campaignId, { examNo: examNo !== s.examNo ? examNo : undefined, idHash: idHash !== s.idHash ? idHash : undefined }, s.id);

  const patch: Partial<typeof students.$inferInsert> = {};
  for (const k of PLAIN) if (body[k] !== undefined) (patch as Record<string, unknown>)[k] = k === 'examNo' ? examNo : body[k];
  const changes: Record<string, unknown> = diff(s as unknown as Record<string, unknown>, patch as Record<string, unknown>);
  if (idNumber && idHash !== s.idHash) {
    Object.assign(patch, sealId(deps.pii, idType, idNumber));
    changes.idNumber = 'changed';
  }
  if (body.guardianPhone !== undefined && phoneHashOf(deps.pii, body.guardianPhone) !== s.phoneHash) {
    Object.assign(patch, sealPhone(deps.pii, body.guardianPhone));
    changes.guardianPhone = 'changed';
  }
  if (!Object.keys(changes).length) return getStudent(deps.db, id);
  await deps.db.transaction(async (tx) => {
    await tx.update(students).set({ ...patch, updatedAt: new Date() }).where(eq(students.id, id));
    if (s.userId && (examNo !== s.examNo || patch.name)) await tx.update(users).set({ username: studentUsername(examNo), displayName: patch.name ?? s.name }).where(eq(users.id, s.userId));
    if (s.guardianUserId && (examNo !== s.examNo || patch.guardianName)) await tx.update(users).set({ username: guardianUsername(examNo), displayName: patch.guardianName ?? s.guardianName }).where(eq(users.id, s.guardianUserId));
    await writeAudit(tx, ctx, { action: 'student.update', objectType: 'student', objectId: id, changes, organizationId: s.juniorHighId });
  });
  return getStudent(deps.db, id);
}
