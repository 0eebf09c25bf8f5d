/**
 * A junior high adds a student to its own roster; the district bureau adds one to any junior
 * high of its district (naming it). The student's and the guardian's accounts are created with
 * it (random secrets, printed on the slip). Refusals: the ID number (GB 11643, gender), the exam
 * number (unique in the campaign and as a sign-in name), the ID number already on the roster.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Student } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { organizations, students, users } from '../../db/schema';
import { authorizeStudent } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import type { Campaign } from '../targets/queries';
import { rosterCampaign } from './campaign-scope';
import { checkIdentity, guardianUsername, idHashOf, normalizeExamNo, studentUsername, type StudentInput } from './fields';
import { getStudent } from './queries';
import { insertStudents, type CreatedStudent } from './write-roster';

/** The junior high a write is for: the actor's own, or the one a bureau names; it must be an active junior high of the district. */
export async function juniorHighFor(db: Queryable, ctx: RequestContext, c: Campaign, requested: number | undefined) {
  const actor = ctx.actor!;
  const id = actor.orgKind === 'junior_high' ? actor.organizationId : requested;
  if (actor.orgKind === 'junior_high' && requested !== undefined && requested !== actor.organizationId) throw new AppError('FORBIDDEN', { permission: 'student.write' });
  if (!id) throw new AppError('STUDENT_NOT_A_JUNIOR_HIGH', { juniorHighId: null });
  const [jh] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!jh || jh.kind !== 'junior_high' || !jh.active || jh.districtId !== c.district.id) throw new AppError('STUDENT_NOT_A_JUNIOR_HIGH', { juniorHighId: id });
  authorizeStudent(actor, 'student.write', { juniorHighId: jh.id, district: refOf(c.district) });
  return jh;
}

/** Throws the identity's first problem as its error code, with the reason in both languages. */
export function assertIdentity(input: Pick<StudentInput, 'idType' | 'idNumber' | 'gender'>): string {
  const id = checkIdentity(input);
  if (!id.ok) {
    const p = id.problems[0]!;
    throw new AppError(p.code, { field: p.field, zh: p.zh, en: p.en });
  }
  return id.normalized;
}

/** Exam number free in the campaign and as both sign-in names; ID number not yet on the campaign's roster. */
export async function assertUnique(db: Queryable, campaignId: number, v: { examNo?: string; idHash?: string }, exceptStudentId?: number) {
  if (v.examNo) {
    const [s] = await db.select({ id: students.id }).from(students).where(and(eq(students.campaignId, campaignId), eq(students.examNo, v.examNo)));
    const [u] = await db.select({ id: users.id }).from(users).where(inArray(users.username, [studentUsername(v.examNo), guardianUsername(v.examNo)]));
    if ((s && s.id !== exceptStudentId) || (u && !s)) throw new AppError('STUDENT_EXAM_NO_TAKEN', { examNo: v.examNo });
  }
  if (v.idHash) {
    const [s] = await db.select({ id: students.id }).from(students).where(and(eq(students.campaignId, campaignId), eq(students.idHash, v.idHash)));
    if (s && s.id !== exceptStudentId) throw new AppError('STUDENT_ID_TAKEN', { studentId: s.id });
  }
}

export type CreateStudentInput = StudentInput & { juniorHighId?: number };

export async function createStudentWithSecrets(deps: AppDeps, ctx: RequestContext, campaignId: number, body: CreateStudentInput): Promise<CreatedStudent> {
  const c = await rosterCampaign(deps.db, ctx.actor!, campaignId, 'student.write');
  const jh = await juniorHighFor(deps.db, ctx, c, body.juniorHighId);
  const idNumber = assertIdentity(body);
  const examNo = normalizeExamNo(body.examNo);
  const input: StudentInput = { ...body, idNumber, examNo };
  await assertUnique(deps.db, campaignId, { examNo, idHash: idHashOf(deps.pii, input.idType, idNumber) });
  return deps.db.transaction(async (tx) => {
    const [created] = await insertStudents(tx, deps.pii, campaignId, [{ ...input, juniorHighId: jh.id }]);
    await writeAudit(tx, ctx, {
      action: 'student.create', objectType: 'student', objectId: created!.id,
      changes: { campaignId, juniorHighId: jh.id, name: input.name, examNo, className: input.className, cohort: input.cohort },
      organizationId: jh.id,
    });
    return created!;
  });
}

export async function createStudent(deps: AppDeps, ctx: RequestContext, campaignId: number, body: CreateStudentInput): Promise<Student> {
  const created = await createStudentWithSecrets(deps, ctx, campaignId, body);
  return getStudent(deps.db, created.id);
}
