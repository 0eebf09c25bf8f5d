/** The roster as a reader sees it: the scoped list of a campaign, and one student with its transfers and application. */
import { alias } from 'drizzle-orm/pg-core';
import { asc, eq } from 'drizzle-orm';
import { withSettingDefaults, type CampaignSettings } from '@zhizhao/domain';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { campaigns, organizations, studentTransfers, users } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { authorizeStudent } from '../../auth/student-policy';
import { loadApplicationView } from '../applications/view';
import { rosterCampaign } from './campaign-scope';
import { getStudent, listStudents, loadStudent, refOfStudent, type LoadedStudent, type StudentFilters } from './queries';

export async function readStudentList(db: Queryable, actor: Actor, campaignId: number, f: StudentFilters) {
  await rosterCampaign(db, actor, campaignId, 'student.read');
  return listStudents(db, actor, campaignId, f);
}

export async function transfersOf(db: Queryable, studentId: number) {
  const from = alias(organizations, 'from_jh');
  const to = alias(organizations, 'to_jh');
  const rows = await db
    .select({ t: studentTransfers, fromName: from.name, toName: to.name, by: users.username })
    .from(studentTransfers)
    .innerJoin(from, eq(from.id, studentTransfers.fromJuniorHighId))
    .innerJoin(to, eq(to.id, studentTransfers.toJuniorHighId))
    .leftJoin(users, eq(users.id, studentTransfers.createdBy))
    .where(eq(studentTransfers.studentId, studentId))
    .orderBy(asc(studentTransfers.id));
  return rows.map((r) => ({ id: r.t.id, fromJuniorHighName: r.fromName, toJuniorHighName: r.toName, reason: r.t.reason, createdAt: r.t.createdAt.toISOString(), createdBy: r.by ?? null }));
}

export async function readStudentDetail(deps: AppDeps, actor: Actor, id: number) {
  const l = await loadStudent(deps.db, id);
  authorizeStudent(actor, 'student.read', refOfStudent(l));
  return studentDetailOf(deps, l);
}

/** The detail of a loaded student, the caller having checked the scope (a transfer answers with it after the student left). */
export async function studentDetailOf(deps: AppDeps, l: LoadedStudent) {
  const id = l.student.id;
  const today = (await deps.clock()).today;
  const [c] = await deps.db.select({ settings: campaigns.settings }).from(campaigns).where(eq(campaigns.id, l.student.campaignId));
  const settings = withSettingDefaults(c!.settings as CampaignSettings);
  const [student, transfers, application] = [await getStudent(deps.db, id), await transfersOf(deps.db, id), await loadApplicationView(deps.db, id, today, settings)];
  return { ...student, transfers, application };
}
