/**
 * The cross-check's findings (查重, R11): the district bureau sees every conflict of its
 * campaign (the city its districts', read-only), a junior high only its own students'; a
 * vocational school none (it sees no roster).
 */
import { and, asc, count, desc, eq, isNull, isNotNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { trackConflict } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { organizations, students, trackConflicts } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { canSummarize } from '../../auth/student-policy';
import { AppError } from '../../errors';
import { loadCampaign } from './context';

type TrackConflict = z.infer<typeof trackConflict>;

const select = (db: Queryable) =>
  db
    .select({ t: trackConflicts, studentName: students.name, examNo: students.examNo, juniorHighId: students.juniorHighId, juniorHighName: organizations.name })
    .from(trackConflicts)
    .innerJoin(students, eq(students.id, trackConflicts.studentId))
    .leftJoin(organizations, eq(organizations.id, students.juniorHighId));

type Loaded = Awaited<ReturnType<ReturnType<typeof select>['where']>>[number];

export function presentConflict(x: Loaded): TrackConflict {
  return {
    id: x.t.id, studentId: x.t.studentId, studentName: x.studentName, examNo: x.examNo, juniorHighId: x.juniorHighId, juniorHighName: x.juniorHighName,
    matchedBy: x.t.matchedBy as TrackConflict['matchedBy'], resolution: x.t.resolution as TrackConflict['resolution'], note: x.t.note,
    resolvedAt: x.t.resolvedAt?.toISOString() ?? null, createdAt: x.t.createdAt.toISOString(),
  };
}

export async function loadConflict(db: Queryable, id: number) {
  const [row] = await select(db).where(eq(trackConflicts.id, id));
  if (!row) throw new AppError('NOT_FOUND', { trackConflictId: id });
  return row;
}

export async function listConflicts(db: Queryable, actor: Actor, campaignId: number, f: { open?: 'true' | 'false'; page: number; pageSize: number }) {
  const c = await loadCampaign(db, campaignId);
  // Every role that reads the roster's applications also holds application.summary; a school holds neither here.
  if (actor.orgKind === 'vocational_school' || !canSummarize(actor, c.district)) throw new AppError('FORBIDDEN', { permission: 'application.read' });
  const conditions: Array<SQL | undefined> = [
    eq(trackConflicts.campaignId, c.c.id),
    actor.orgKind === 'junior_high' ? eq(students.juniorHighId, actor.organizationId) : undefined,
    f.open === 'true' ? isNull(trackConflicts.resolution) : f.open === 'false' ? isNotNull(trackConflicts.resolution) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    // Open first, oldest first: nothing waits unseen.
    select(db).where(where).orderBy(desc(isNull(trackConflicts.resolution)), asc(trackConflicts.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(trackConflicts).innerJoin(students, eq(students.id, trackConflicts.studentId)).where(where),
  ]);
  return { items: rows.map(presentConflict), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}
