/** The district bureau acknowledges a report (R19): it has been seen and taken into its handling. */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { visitReports } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { can } from '../../auth/policy';
import { AppError } from '../../errors';
import { refOf } from '../organizations/queries';
import { loadReport, presentLoaded } from './report-queries';

export async function acknowledgeVisitReport(db: Db, ctx: RequestContext & { now: Date }, id: number) {
  return db.transaction(async (tx) => presentLoaded(await acknowledgeVisitReportIn(tx, ctx, id)));
}

export async function acknowledgeVisitReportIn(tx: Tx, ctx: RequestContext & { now: Date }, id: number) {
  await tx.select({ id: visitReports.id }).from(visitReports).where(eq(visitReports.id, id)).for('update');
  const l = await loadReport(tx, id);
  const actor = ctx.actor!;
  if (actor.orgKind !== 'district_bureau' || !can(actor, 'visit.approve', refOf(l.district))) throw new AppError('FORBIDDEN', { permission: 'visit.approve' });
  if (l.r.status !== 'open') throw new AppError('VISIT_REPORT_ILLEGAL_TRANSITION', { status: l.r.status });
  await tx.update(visitReports).set({ status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: ctx.now }).where(eq(visitReports.id, id));
  await writeAudit(tx, ctx, { action: 'visit_report.acknowledge', objectType: 'visit_report', objectId: id, changes: { status: { from: 'open', to: 'acknowledged' } }, organizationId: l.r.juniorHighId });
  return loadReport(tx, id);
}
