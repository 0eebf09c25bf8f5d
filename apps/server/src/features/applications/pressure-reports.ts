/**
 * "I am being pressured to choose, or not to sit the exam" (R11 自愿, R21 砍尾巴): one step from
 * the family's page straight to the district bureau of the campaign — never the junior high.
 *  - Only the district bureau reads and acknowledges them (the city does not, a junior high
 *    never: who reported is visible to the bureau only).
 *  - The audit event is filed under the district bureau (not the junior high, whose audit page
 *    shows events of its own organisation: auth/scope-sql.ts auditScope), and keeps the kind
 *    and who reported — never the description.
 *  - Nobody at the junior high is notified.
 */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { pressureReport, pressureReportBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/client';
import { organizations, pressureReports, students } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { canSummarize } from '../../auth/student-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import type { StudentCtx } from './queries';
import { campaignById, campaignOfActor, type CampaignWithDistrict } from './bureau-campaign';

type PressureReport = z.infer<typeof pressureReport>;

export async function createPressureReport(deps: AppDeps, rctx: RequestContext, ctx: StudentCtx, body: z.infer<typeof pressureReportBody>): Promise<{ ok: true }> {
  const reporter = rctx.actor!.role === 'guardian' ? 'guardian' : 'student';
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pressureReports)
      .values({ campaignId: ctx.campaign.id, studentId: ctx.student.id, juniorHighId: ctx.student.juniorHighId, reporter, kind: body.kind, description: body.description })
      .returning({ id: pressureReports.id });
    await writeAudit(tx, rctx, { action: 'pressure_report.create', objectType: 'pressure_report', objectId: row!.id, changes: { kind: body.kind, reporter, campaignId: ctx.campaign.id }, organizationId: ctx.district.id });
  });
  return { ok: true };
}

/** R21: only the district bureau of the campaign. */
function assertBureau(actor: Actor, c: CampaignWithDistrict) {
  if (actor.orgKind !== 'district_bureau' || !canSummarize(actor, c.district)) throw new AppError('FORBIDDEN', { permission: 'pressure.read' });
}

const select = {
  r: pressureReports,
  jhName: organizations.name,
  studentName: students.name,
  examNo: students.examNo,
  phoneMasked: students.phoneMasked,
};

function present(r: { r: typeof pressureReports.$inferSelect; jhName: string | null; studentName: string; examNo: string; phoneMasked: string }): PressureReport {
  return {
    id: r.r.id, campaignId: r.r.campaignId, juniorHighId: r.r.juniorHighId, juniorHighName: r.jhName, studentId: r.r.studentId, studentName: r.studentName, examNo: r.examNo,
    reporter: r.r.reporter as PressureReport['reporter'], phoneMasked: r.phoneMasked, kind: r.r.kind as PressureReport['kind'], description: r.r.description,
    status: r.r.status as PressureReport['status'], createdAt: r.r.createdAt.toISOString(), acknowledgedAt: r.r.acknowledgedAt?.toISOString() ?? null,
  };
}

const base = (db: Queryable) =>
  db.select(select).from(pressureReports).innerJoin(students, eq(students.id, pressureReports.studentId)).leftJoin(organizations, eq(organizations.id, pressureReports.juniorHighId));

export async function listPressureReports(deps: AppDeps, actor: Actor, q: { campaignId?: number; status?: 'open' | 'acknowledged'; page: number; pageSize: number }) {
  const c = await campaignOfActor(deps, actor, q.campaignId);
  if (!c) throw new AppError('FORBIDDEN', { permission: 'pressure.read' });
  assertBureau(actor, c);
  const where: SQL = and(eq(pressureReports.campaignId, c.id), q.status ? eq(pressureReports.status, q.status) : undefined)!;
  const [rows, [total]] = await Promise.all([
    base(deps.db).where(where).orderBy(desc(pressureReports.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(pressureReports).where(where),
  ]);
  return { items: rows.map(present), total: Number(total!.n), page: q.page, pageSize: q.pageSize };
}

export async function acknowledgePressureReport(deps: AppDeps, rctx: RequestContext, id: number): Promise<PressureReport> {
  const now = (await deps.clock()).now;
  return deps.db.transaction(async (tx) => {
    const [r] = await tx.select().from(pressureReports).where(eq(pressureReports.id, id)).for('update');
    if (!r) throw new AppError('NOT_FOUND', { pressureReportId: id });
    const c = await campaignById(tx, r.campaignId);
    assertBureau(rctx.actor!, c);
    if (r.status !== 'open') throw new AppError('PRESSURE_REPORT_ALREADY_ACKNOWLEDGED', { pressureReportId: id });
    await tx.update(pressureReports).set({ status: 'acknowledged', acknowledgedBy: rctx.actor!.userId, acknowledgedAt: now }).where(eq(pressureReports.id, id));
    await writeAudit(tx, rctx, { action: 'pressure_report.acknowledge', objectType: 'pressure_report', objectId: id, changes: { status: { from: 'open', to: 'acknowledged' } }, organizationId: c.district.id });
    const [row] = await base(tx).where(eq(pressureReports.id, id));
    return present(row!);
  });
}
