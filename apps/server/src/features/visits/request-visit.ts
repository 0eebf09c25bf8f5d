/**
 * A vocational school asks to visit a junior high of a district (进校宣传, R19): the date and
 * times, its staff, and the filed brochure it will hand out. Refused, naming the rule, when
 * it is not qualified this year (R4), the brochure is not its current filed one (R7), the date
 * is outside its window (R9), it is too long or in protected lesson time (R10), or it
 * overlaps an approved visit there. Approval re-checks all of it under a lock.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createVisitBody } from '@zhizhao/contracts';
import type { AppDeps } from '../../deps';
import type { Tx } from '../../db/client';
import { dayIn } from '../../clock';
import { campaigns, organizations, visits } from '../../db/schema';
import type { RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { getOrg } from '../organizations/queries';
import { assertSlot } from './check-slot';
import { recordVisit, visitCtx, type VisitCtx } from './context';
import { loadVisit, presentVisit, type LoadedVisit } from './queries';

export type CreateVisit = z.infer<typeof createVisitBody>;

export async function requestVisit(deps: AppDeps, ctx: RequestContext, body: CreateVisit) {
  const c = await visitCtx(deps, ctx);
  return deps.db.transaction(async (tx) => presentVisit(tx, await requestVisitIn(tx, c, body)));
}

export async function requestVisitIn(tx: Tx, ctx: VisitCtx, body: CreateVisit): Promise<LoadedVisit> {
  const actor = ctx.actor!;
  const school = await getOrg(tx, actor.organizationId);
  if (school.kind !== 'vocational_school') throw new AppError('FORBIDDEN', { permission: 'visit.request' });
  const [row] = await tx.select({ c: campaigns, district: organizations }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.districtId)).where(eq(campaigns.id, body.campaignId));
  if (!row) throw new AppError('NOT_FOUND', { campaignId: body.campaignId });
  // A school recruits in its own city (R4: the city's qualified schools); another city's district is not its business.
  if (school.cityId === null || row.district.cityId !== school.cityId) throw new AppError('FORBIDDEN', { permission: 'visit.request', campaignId: body.campaignId });
  const [jh] = await tx.select().from(organizations).where(eq(organizations.id, body.juniorHighId));
  if (!jh || jh.kind !== 'junior_high' || jh.districtId !== row.c.districtId || !jh.active) {
    throw new AppError('VISIT_NOT_A_JUNIOR_HIGH', { rule: 'R19', juniorHighId: body.juniorHighId, campaignId: body.campaignId });
  }
  const slot = { date: body.date, start: body.start, end: body.end };
  const brochureId = await assertSlot(tx, { school, juniorHighId: jh.id, campaign: row.c, slot, brochureId: body.brochureId, today: dayIn(ctx.now, ctx.timeZone) });

  const [v] = await tx
    .insert(visits)
    .values({
      campaignId: row.c.id, schoolId: school.id, juniorHighId: jh.id, ...slot, staff: body.staff, brochureId, status: 'requested',
      createdBy: actor.userId, createdAt: ctx.now, updatedAt: ctx.now,
    })
    .returning();
  // Staff phones stay out of the audit log: names are enough to follow the record.
  await recordVisit(tx, ctx, v!, 'request', { status: { from: null, to: 'requested' }, school: school.code, juniorHigh: jh.code, ...slot, staff: body.staff.map((s) => s.name), brochureId });
  return loadVisit(tx, v!.id);
}
