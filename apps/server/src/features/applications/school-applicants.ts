/**
 * What a vocational school sees of applicants (PIPL, issue 9 §2): only students whose CURRENT
 * choices include one of its programmes, one row per such choice, and only what it needs —
 * name, gender, exam number, junior high, the rank and programme chosen, 服从调剂, the status.
 * No roster, no ID number, no phone.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { schoolApplicant, schoolApplicantQuery } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import { applicationChoices, applications, campuses, majors, organizations, plannedSeats, students } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { campaignOfActor } from './bureau-campaign';

type SchoolApplicant = z.infer<typeof schoolApplicant>;
const jh = alias(organizations, 'jh');

export async function listSchoolApplicants(deps: AppDeps, actor: Actor, q: z.infer<typeof schoolApplicantQuery>) {
  if (actor.orgKind !== 'vocational_school') throw new AppError('FORBIDDEN', { permission: 'application.read' });
  const c = await campaignOfActor(deps, actor, q.campaignId);
  // A school stands in one district: only that district's campaigns hold its programmes.
  if (!c || c.districtId !== actor.districtId) throw new AppError('FORBIDDEN', { permission: 'application.read' });
  const where: SQL = and(
    eq(applications.campaignId, c.id),
    eq(majors.organizationId, actor.organizationId),
    q.programmeId ? eq(applicationChoices.programmeId, q.programmeId) : undefined,
    q.status ? eq(applications.status, q.status) : undefined,
  )!;
  const rows = await deps.db
    .select({
      studentId: students.id, name: students.name, gender: students.gender, examNo: students.examNo, juniorHighName: jh.name, kind: students.kind,
      rank: applicationChoices.rank, programmeId: applicationChoices.programmeId, majorName: majors.name, campusName: campuses.name,
      acceptAdjustment: applications.acceptAdjustment, status: applications.status, total: sql<number>`count(*) over ()`,
    })
    .from(applicationChoices)
    .innerJoin(applications, eq(applications.id, applicationChoices.applicationId))
    .innerJoin(plannedSeats, eq(plannedSeats.id, applicationChoices.programmeId))
    .innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .innerJoin(students, eq(students.id, applications.studentId))
    .innerJoin(campuses, eq(campuses.id, majors.campusId))
    .leftJoin(jh, eq(jh.id, students.juniorHighId))
    .where(where)
    .orderBy(asc(majors.code), asc(applicationChoices.rank), asc(students.examNo))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // Past the last page the window count is missing: count apart (rare).
  const total = rows.length ? Number(rows[0]!.total) : q.page === 1 ? 0 : await countApplicants(deps, where);
  const items: SchoolApplicant[] = rows.map(({ kind, total: _total, ...r }) => ({ ...r, gender: r.gender as SchoolApplicant['gender'], social: kind === 'social', status: r.status as SchoolApplicant['status'] }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function countApplicants(deps: AppDeps, where: SQL): Promise<number> {
  const [r] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(applicationChoices)
    .innerJoin(applications, eq(applications.id, applicationChoices.applicationId))
    .innerJoin(plannedSeats, eq(plannedSeats.id, applicationChoices.programmeId))
    .innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .where(where);
  return Number(r?.n ?? 0);
}
