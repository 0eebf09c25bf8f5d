/**
 * Loading a student with what every application use case needs in one query: the student,
 * its junior high's name, its campaign (settings with defaults) and district, and its
 * application row when one exists (rows are created lazily, on the first save).
 */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { OrgKind } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { applicationChoices, applications, campaigns, campuses, majors, organizations, plannedSeats, students } from '../../db/schema';
import type { Actor, OrgRef } from '../../auth/policy';
import { AppError } from '../../errors';
import { FINAL } from '../transfers/status-sql';

export type ApplicationRow = typeof applications.$inferSelect;
export type Settings = CampaignSettings & Required<Pick<CampaignSettings, 'filingNumberPattern' | 'maxChoices'>>;

export type StudentCtx = {
  student: {
    id: number; campaignId: number; kind: string; juniorHighId: number | null; name: string; gender: string; examNo: string; className: string;
    guardianName: string; phoneMasked: string; userId: number | null; guardianUserId: number | null; active: boolean;
  };
  juniorHighName: string | null;
  campaign: { id: number; districtId: number; year: number; name: string; settings: Settings };
  district: OrgRef & { name: string };
  app: ApplicationRow | null;
  /** The current version's choices (programme ids by rank), read with the rest. */
  choiceIds: number[];
  /** An early transfer in progress or filed (R13): the student stays on the vocational track. */
  earlyTransferActive: boolean;
};

const jh = alias(organizations, 'jh');
const district = alias(organizations, 'district');

export async function loadStudentCtx(db: Queryable, where: SQL): Promise<StudentCtx | null> {
  const [r] = await db
    .select({
      s: {
        id: students.id, campaignId: students.campaignId, kind: students.kind, juniorHighId: students.juniorHighId, name: students.name, gender: students.gender,
        examNo: students.examNo, className: students.className, guardianName: students.guardianName, phoneMasked: students.phoneMasked,
        userId: students.userId, guardianUserId: students.guardianUserId, active: students.active,
      },
      jhName: jh.name,
      c: { id: campaigns.id, districtId: campaigns.districtId, year: campaigns.year, name: campaigns.name, settings: campaigns.settings },
      d: { id: district.id, kind: district.kind, districtId: district.districtId, cityId: district.cityId, name: district.name },
      a: applications,
      ids: sql<number[] | null>`array(select ${applicationChoices.programmeId} from ${applicationChoices} where ${applicationChoices.applicationId} = ${applications.id} order by ${applicationChoices.rank})`,
      et: sql<boolean>`exists (select 1 from early_transfers et where et.student_id = ${students.id} and et.status not in ${FINAL})`,
    })
    .from(students)
    .innerJoin(campaigns, eq(campaigns.id, students.campaignId))
    .innerJoin(district, eq(district.id, campaigns.districtId))
    .leftJoin(jh, eq(jh.id, students.juniorHighId))
    .leftJoin(applications, eq(applications.studentId, students.id))
    .where(where)
    .limit(1);
  if (!r) return null;
  return {
    student: r.s,
    juniorHighName: r.jhName,
    campaign: { ...r.c, settings: withSettingDefaults(r.c.settings as CampaignSettings) },
    district: { ...r.d, kind: r.d.kind as OrgKind },
    app: r.a,
    choiceIds: r.a ? (r.ids ?? []).map(Number) : [],
    earlyTransferActive: Boolean(r.et),
  };
}

/** The student of a family account: the student's own, or the one whose guardian signed in. */
export async function familyCtx(db: Queryable, actor: Actor): Promise<StudentCtx> {
  if (actor.role !== 'student' && actor.role !== 'guardian') throw new AppError('FORBIDDEN', { permission: 'application.self' });
  const ctx = await loadStudentCtx(db, actor.role === 'student' ? eq(students.userId, actor.userId) : eq(students.guardianUserId, actor.userId));
  if (!ctx) throw new AppError('NOT_FOUND', { account: actor.username });
  return ctx;
}

export async function studentCtxById(db: Queryable, id: number): Promise<StudentCtx> {
  const ctx = await loadStudentCtx(db, eq(students.id, id));
  if (!ctx) throw new AppError('NOT_FOUND', { studentId: id });
  return ctx;
}

/** What the policy needs to know of a student (student-policy.ts). */
export const studentRefOf = (ctx: StudentCtx) => ({ juniorHighId: ctx.student.juniorHighId, district: ctx.district });

export type ChoiceView = { rank: number; programmeId: number; schoolName: string; majorName: string; campusName: string };

/** The current version's ranked choices with their names. */
export async function loadChoices(db: Queryable, applicationId: number): Promise<ChoiceView[]> {
  return db
    .select({ rank: applicationChoices.rank, programmeId: applicationChoices.programmeId, schoolName: organizations.name, majorName: majors.name, campusName: campuses.name })
    .from(applicationChoices)
    .innerJoin(plannedSeats, eq(plannedSeats.id, applicationChoices.programmeId))
    .innerJoin(majors, eq(majors.id, plannedSeats.majorId))
    .innerJoin(organizations, eq(organizations.id, majors.organizationId))
    .innerJoin(campuses, eq(campuses.id, majors.campusId))
    .where(eq(applicationChoices.applicationId, applicationId))
    .orderBy(asc(applicationChoices.rank));
}
