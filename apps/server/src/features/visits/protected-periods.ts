/**
 * R10 (“不得影响正常教学秩序”): the lesson time a junior high protects from visits, on a weekday
 * or on a date (an exam). Read by whoever plans visits to the school; kept by the junior high
 * itself or its district bureau. A write replaces the whole list, audited with before and after.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { minutesOf } from '@zhizhao/domain';
import type { protectedPeriod } from '@zhizhao/contracts';
import type { Db, Queryable, Tx } from '../../db/client';
import { organizations, protectedPeriods } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { canReadProtectedTime, canWriteProtectedTime } from '../../auth/visit-policy';
import { writeAudit, type RequestContext } from '../../audit/write-audit';
import { AppError } from '../../errors';
import { getOrg, refOf, type OrgRow } from '../organizations/queries';

export type Period = z.infer<typeof protectedPeriod>;

async function periodsOf(db: Queryable, organizationId: number): Promise<Period[]> {
  const rows = await db.select().from(protectedPeriods).where(eq(protectedPeriods.organizationId, organizationId)).orderBy(protectedPeriods.id);
  return rows.map((p) => ({ weekday: p.weekday, date: p.date, start: p.start, end: p.end, label: p.label }));
}

export async function getProtectedPeriods(db: Queryable, actor: Actor, organizationId: number) {
  const org = await getOrg(db, organizationId);
  if (!canReadProtectedTime(actor, refOf(org))) throw new AppError('FORBIDDEN', { permission: 'visit.read' });
  return { organizationId, periods: org.kind === 'junior_high' ? await periodsOf(db, organizationId) : [] };
}

function assertValid(org: OrgRow, periods: Period[]) {
  if (org.kind !== 'junior_high') throw new AppError('PROTECTED_PERIODS_INVALID', { rule: 'R10', reason: 'not a junior high', organizationId: org.id });
  const bad = periods.findIndex((p) => minutesOf(p.end)! <= minutesOf(p.start)!);
  if (bad >= 0) throw new AppError('PROTECTED_PERIODS_INVALID', { rule: 'R10', fields: [{ path: `body.periods.${bad}.end`, message: 'must be after start' }] });
}

export async function replaceProtectedPeriods(db: Db, ctx: RequestContext, organizationId: number, periods: Period[]) {
  return db.transaction(async (tx) => replaceProtectedPeriodsIn(tx, ctx, organizationId, periods));
}

export async function replaceProtectedPeriodsIn(tx: Tx, ctx: RequestContext, organizationId: number, periods: Period[]) {
  // The junior high's row lock: approvals there take the same lock, so none decides on half a list.
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId)).for('update');
  if (!org) throw new AppError('NOT_FOUND', { organizationId });
  if (!canWriteProtectedTime(ctx.actor!, refOf(org))) throw new AppError('FORBIDDEN', { permission: 'visit.gate' });
  assertValid(org, periods);
  const before = await periodsOf(tx, organizationId);
  await tx.delete(protectedPeriods).where(eq(protectedPeriods.organizationId, organizationId));
  if (periods.length) await tx.insert(protectedPeriods).values(periods.map((p) => ({ organizationId, weekday: p.weekday, date: p.date, start: p.start, end: p.end, label: p.label })));
  await writeAudit(tx, ctx, { action: 'protected_periods.replace', objectType: 'organization', objectId: organizationId, changes: { periods: { from: before, to: periods } }, organizationId });
  return { organizationId, periods: await periodsOf(tx, organizationId) };
}
