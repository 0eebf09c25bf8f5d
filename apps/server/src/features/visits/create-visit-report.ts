/**
 * A junior high reports unauthorised recruiting (R19) in two minutes from its phone: what
 * (a visit without a valid permit, an intermediary, money offered for students), who (a school
 * of the list, or a name typed in), when, what happened, and the permit code if one was shown.
 * It lands in the district bureau's queue; the complaints work will build the handling.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createVisitReportBody } from '@zhizhao/contracts';
import type { Db, Tx } from '../../db/client';
import { campaigns, organizations, visitReports } from '../../db/schema';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { loadReport, presentLoaded } from './report-queries';

export type CreateReport = z.infer<typeof createVisitReportBody>;

export async function createVisitReport(db: Db, ctx: RequestContext & { now: Date }, body: CreateReport) {
  return db.transaction(async (tx) => presentLoaded(await loadReport(tx, await createVisitReportIn(tx, ctx, body))));
}

export async function createVisitReportIn(tx: Tx, ctx: RequestContext & { now: Date }, body: CreateReport): Promise<number> {
  const actor = ctx.actor!;
  const [c] = await tx.select().from(campaigns).where(eq(campaigns.id, body.campaignId));
  if (!c) throw new AppError('NOT_FOUND', { campaignId: body.campaignId });
  // A junior high reports in its own district's campaign.
  if (actor.orgKind !== 'junior_high' || actor.districtId !== c.districtId) throw new AppError('FORBIDDEN', { permission: 'visit.report', campaignId: body.campaignId });
  if (body.schoolId !== null) {
    const [s] = await tx.select().from(organizations).where(eq(organizations.id, body.schoolId));
    if (!s || s.kind !== 'vocational_school' || s.cityId !== actor.cityId) throw new AppError('VISIT_REPORT_INVALID', { rule: 'R19', schoolId: body.schoolId });
  } else if (!body.schoolText) {
    throw new AppError('VISIT_REPORT_INVALID', { rule: 'R19', fields: [{ path: 'body.schoolText', message: 'a school or a name' }] });
  }
  const [r] = await tx
    .insert(visitReports)
    .values({
      campaignId: c.id, juniorHighId: actor.organizationId, kind: body.kind, schoolId: body.schoolId, schoolText: body.schoolText, occurredAt: new Date(body.occurredAt),
      description: body.description, permitCode: body.permitCode, status: 'open', createdBy: actor.userId, createdAt: ctx.now,
    })
    .returning();
  await writeAudit(tx, ctx, {
    action: 'visit_report.create', objectType: 'visit_report', objectId: r!.id, organizationId: actor.organizationId,
    changes: { kind: body.kind, schoolId: body.schoolId, schoolText: body.schoolText, occurredAt: body.occurredAt, description: body.description, permitCode: body.permitCode, rule: 'R19' },
  });
  return r!.id;
}
