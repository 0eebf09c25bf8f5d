/**
 * Shows one whole value (the ID number or the guardian's phone) to whoever may reveal it for
 * this student, with a reason, audited (`student.reveal`: the field and the reason, never the value).
 */
import type { AppDeps } from '../../deps';
import { authorizeStudent } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { loadStudent, refOfStudent } from './queries';

export async function revealStudentValue(deps: AppDeps, ctx: RequestContext, id: number, body: { field: 'idNumber' | 'guardianPhone'; reason: string }) {
  const l = await loadStudent(deps.db, id);
  authorizeStudent(ctx.actor!, 'student.reveal', refOfStudent(l));
  const cipher = body.field === 'idNumber' ? l.student.idCipher : l.student.phoneCipher;
  const value = cipher ? deps.pii.decrypt(cipher) : '';
  await deps.db.transaction((tx) =>
    writeAudit(tx, ctx, { action: 'student.reveal', objectType: 'student', objectId: id, changes: { field: body.field, reason: body.reason }, organizationId: l.student.juniorHighId }),
  );
  return { field: body.field, value };
}
