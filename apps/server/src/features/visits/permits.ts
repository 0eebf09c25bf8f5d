/**
 * Permits at the gate (R19): a permit's status now — valid, not yet, over (domain `gateStatus`
 * in the campaign's time zone), or revoked (revoked by the bureau, or the visit cancelled) —
 * and `GET /api/permits`, the campaign's permits for the bureaus (a contract other checks rely on).
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { gateStatus, type GateReason } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { organizations, visits } from '../../db/schema';
import type { Actor } from '../../auth/policy';
import { isBureau, visitScope } from '../../auth/visit-policy';
import { AppError } from '../../errors';
import { slotOf, type VisitRow } from './queries';

export type PermitStatus = 'valid' | 'revoked' | 'not_yet' | 'over';

export function permitStatus(v: VisitRow, now: Date, timeZone: string): { status: PermitStatus; reason: GateReason } {
  const revoked = v.status === 'revoked' || v.status === 'cancelled';
  const g = gateStatus({ ...slotOf(v), juniorHighId: v.juniorHighId, revoked }, now, { timeZone });
  // No junior high is named here, so `another_junior_high` cannot occur.
  return g as { status: PermitStatus; reason: GateReason };
}

const school = alias(organizations, 'school');
const jh = alias(organizations, 'jh');

export async function listPermits(db: Queryable, actor: Actor, now: Date, timeZone: string, campaignId?: number) {
  if (!isBureau(actor)) throw new AppError('FORBIDDEN', { permission: 'visit.read', reason: 'bureau roles only' });
  const rows = await db
    .select({ v: visits, school: school.name, juniorHigh: jh.name })
    .from(visits)
    .innerJoin(school, eq(school.id, visits.schoolId))
    .innerJoin(jh, eq(jh.id, visits.juniorHighId))
    .where(and(visitScope(actor), isNotNull(visits.permitCode), campaignId ? eq(visits.campaignId, campaignId) : undefined))
    .orderBy(asc(visits.permitSerial));
  return {
    items: rows.map(({ v, school: s, juniorHigh }) => ({
      code: v.permitCode!, serial: v.permitSerial!, status: permitStatus(v, now, timeZone).status,
      school: s, juniorHigh, date: v.date, start: v.start, end: v.end, visitId: v.id,
    })),
  };
}
