/**
 * Reading the roster: a student with what the policy needs (its junior high, its campaign's
 * district), the masked presentation every response uses, the scoped and indexed list.
 */
import { and, asc, count, eq, ilike, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Student } from '@zhizhao/contracts';
import { escapeLike, type Queryable } from '../../db/client';
import { applications, campaigns, organizations, students, users } from '../../db/schema';
import { studentScope, type StudentRef } from '../../auth/student-policy';
import type { Actor } from '../../auth/policy';
import { AppError } from '../../errors';
import { refOf, type OrgRow } from '../organizations/queries';

export type StudentRow = typeof students.$inferSelect;
export type LoadedStudent = { student: StudentRow; district: OrgRow; juniorHighName: string | null };

export async function loadStudent(db: Queryable, id: number, opts: { lock?: boolean } = {}): Promise<LoadedStudent> {
  const query = db.select().from(students).where(eq(students.id, id));
  const [student] = opts.lock ? await query.for('update') : await query;
  if (!student) throw new AppError('NOT_FOUND', { studentId: id });
  const [c] = await db.select({ district: organizations }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(eq(campaigns.id, student.campaignId));
  const [jh] = student.juniorHighId ? await db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, student.juniorHighId)) : [];
  return { student, district: c!.district, juniorHighName: jh?.name ?? null };
}

export function refOfStudent(l: Pick<LoadedStudent, 'student' | 'district'>): StudentRef {
  return { juniorHighId: l.student.juniorHighId, district: refOf(l.district) };
}

const columns = {
  s: students,
  juniorHighName: organizations.name,
  mustChangePassword: users.mustChangePassword,
  track: applications.track,
  status: applications.status,
};
type ListRow = { s: StudentRow; juniorHighName: string | null; mustChangePassword: boolean | null; track: string | null; status: string | null };

function accountOf(r: Pick<ListRow, 's' | 'mustChangePassword'>): Student['account'] {
  if (r.s.userId !== null && r.mustChangePassword === false) return 'active';
  return r.s.slipsIssuedAt ? 'issued' : 'none';
}

export function presentStudent(r: ListRow): Student {
  const s = r.s;
  return {
    id: s.id, campaignId: s.campaignId, kind: s.kind as Student['kind'], juniorHighId: s.juniorHighId, juniorHighName: r.juniorHighName,
    name: s.name, gender: s.gender as Student['gender'], idType: s.idType as Student['idType'], idMasked: s.idMasked, examNo: s.examNo,
    className: s.className, cohort: s.cohort as Student['cohort'], hukouDistrict: s.hukouDistrict, guardianName: s.guardianName,
    guardianRelation: s.guardianRelation, phoneMasked: s.phoneMasked, account: accountOf(r),
    track: (r.track as Student['track']) ?? null, applicationStatus: (r.status as Student['applicationStatus']) ?? 'undecided', active: s.active,
  };
}

function selectRows(db: Queryable) {
  return db
    .select(columns)
    .from(students)
    .leftJoin(organizations, eq(organizations.id, students.juniorHighId))
    .leftJoin(users, eq(users.id, students.userId))
    .leftJoin(applications, eq(applications.studentId, students.id));
}

export async function getStudent(db: Queryable, id: number): Promise<Student> {
  const [row] = await selectRows(db).where(eq(students.id, id));
  if (!row) throw new AppError('NOT_FOUND', { studentId: id });
  return presentStudent(row);
}

export type StudentFilters = {
  juniorHighId?: number; className?: string; q?: string; track?: 'vocational' | 'general' | 'undecided'; status?: string;
  page: number; pageSize: number;
};

export async function listStudents(db: Queryable, actor: Actor, campaignId: number, f: StudentFilters) {
  const conditions: Array<SQL | undefined> = [eq(students.campaignId, campaignId), studentScope(actor)];
  if (f.juniorHighId) conditions.push(eq(students.juniorHighId, f.juniorHighId));
  if (f.className !== undefined && f.className !== '') conditions.push(eq(students.className, f.className));
  if (f.q) {
    const q = escapeLike(f.q);
    conditions.push(or(ilike(students.name, `%${q}%`), like(students.examNo, `${q.toUpperCase()}%`)));
  }
  if (f.track === 'undecided') conditions.push(isNull(applications.track));
  else if (f.track) conditions.push(eq(applications.track, f.track));
  if (f.status === 'undecided') conditions.push(or(isNull(applications.status), eq(applications.status, 'undecided')));
  else if (f.status) conditions.push(eq(applications.status, f.status));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectRows(db).where(where).orderBy(asc(students.juniorHighId), asc(students.className), asc(students.examNo)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(students).leftJoin(applications, eq(applications.studentId, students.id)).where(where),
  ]);
  // The classes of the junior high in view (the filter's choices): the actor's own, or the one filtered on.
  const jh = f.juniorHighId ?? (actor.orgKind === 'junior_high' ? actor.organizationId : null);
  const classes = jh
    ? (await db.selectDistinct({ c: students.className }).from(students).where(and(eq(students.campaignId, campaignId), eq(students.juniorHighId, jh), studentScope(actor))).orderBy(asc(students.className))).map((r) => r.c)
    : [];
  return { items: rows.map(presentStudent), total: Number(total!.n), page: f.page, pageSize: f.pageSize, classes };
}

/** Active grade-9 students of the current cohort per junior high of a campaign (the roster's graduates). */
export async function rosterCounts(db: Queryable, campaignId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ jh: students.juniorHighId, n: sql<number>`count(*)::int` })
    .from(students)
    .where(and(eq(students.campaignId, campaignId), eq(students.kind, 'grade9'), eq(students.cohort, 'current'), eq(students.active, true)))
    .groupBy(students.juniorHighId);
  return new Map(rows.filter((r) => r.jh !== null).map((r) => [r.jh!, Number(r.n)]));
}
