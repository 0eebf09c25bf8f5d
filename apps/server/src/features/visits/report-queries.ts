/**
 * Reports of unauthorised recruiting (R19): a visit without a valid permit, an intermediary,
 * money offered for students. The bureaus' queue (the district's, the city's over its
 * districts), and the reporting junior high's own; a vocational school sees none.
 */
import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { visitReport } from '@zhizhao/contracts';
import type { Queryable } from '../../db/client';
import { campaigns, organizations, visitReports } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { isBureau, reportScope } from '../../auth/visit-policy';
import { AppError } from '../../errors';

export type ReportRow = typeof visitReports.$inferSelect;
type VisitReport = z.infer<typeof visitReport>;

const jh = alias(organizations, 'jh');
const school = alias(organizations, 'school');

function present(r: ReportRow, juniorHighName: string, schoolName: string | null): VisitReport {
  return {
    id: r.id, campaignId: r.campaignId, juniorHighId: r.juniorHighId, juniorHighName, kind: r.kind as VisitReport['kind'],
    schoolId: r.schoolId, schoolText: r.schoolText || schoolName || '', occurredAt: r.occurredAt.toISOString(), description: r.description,
    permitCode: r.permitCode, status: r.status as VisitReport['status'], createdAt: r.createdAt.toISOString(), acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  };
}

const select = (db: Queryable) =>
  db.select({ r: visitReports, juniorHighName: jh.name, schoolName: school.name }).from(visitReports).innerJoin(jh, eq(jh.id, visitReports.juniorHighId)).leftJoin(school, eq(school.id, visitReports.schoolId));

export async function loadReport(db: Queryable, id: number) {
  const [row] = await select(db).where(eq(visitReports.id, id));
  if (!row) throw new AppError('NOT_FOUND', { visitReportId: id });
  const [c] = await db.select({ district: organizations }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(eq(campaigns.id, row.r.campaignId));
  return { ...row, district: c!.district };
}

export const presentLoaded = (l: Awaited<ReturnType<typeof loadReport>>) => present(l.r, l.juniorHighName, l.schoolName);

export async function listReports(db: Queryable, actor: Actor, f: { campaignId?: number; status?: VisitReport['status']; page: number; pageSize: number }) {
  if (!isBureau(actor) && actor.orgKind !== 'junior_high') throw new AppError('FORBIDDEN', { permission: 'visit.read', reason: 'reports are for the bureaus and the reporting junior high' });
  const conditions: Array<SQL | undefined> = [
    reportScope(actor, visitReports.juniorHighId, visitReports.campaignId),
    f.campaignId ? eq(visitReports.campaignId, f.campaignId) : undefined,
    f.status ? eq(visitReports.status, f.status) : undefined,
  ];
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    // The queue: open reports first, oldest first, so nothing waits unseen.
    select(db).where(where).orderBy(desc(eq(visitReports.status, 'open')), asc(visitReports.createdAt), asc(visitReports.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(visitReports).where(where),
  ]);
  return { items: rows.map((x) => present(x.r, x.juniorHighName, x.schoolName)), total: Number(total!.n), page: f.page, pageSize: f.pageSize };
}
