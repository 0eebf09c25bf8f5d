/**
 * Publicity, part 2 (R9, R10, R19): campus visits, the district's sealed permit, the check at
 * the gate, and reports of unauthorised recruiting.
 */
import { z } from 'zod';
import { isoDate, page, pageQuery } from './common';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const text = (max: number) => z.string().trim().max(max);

export const visitStatuses = ['requested', 'proposed', 'approved', 'refused', 'revoked', 'cancelled'] as const;
export const visitStatus = z.enum(visitStatuses);
export const staffMember = z.object({ name: text(30).min(1), phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, 'a phone number') });
export const slot = z.object({ date: isoDate, start: hhmm, end: hhmm });

export const permitInfo = z.object({
  serial: z.string(), code: z.string(), issuedAt: z.string(), issuedBy: z.string(),
  revokedAt: z.string().nullable(), revokeReason: z.string().nullable(),
});

export const visit = z.object({
  id: z.number(), campaignId: z.number(),
  schoolId: z.number(), schoolName: z.string(), runBy: z.enum(['district', 'city']),
  juniorHighId: z.number(), juniorHighName: z.string(),
  date: isoDate, start: hhmm, end: hhmm, minutes: z.number(),
  staff: z.array(staffMember),
  brochureId: z.number(), brochureFilingNumber: z.string().nullable(),
  status: visitStatus,
  /** The junior high's proposal of another slot, waiting for the school. */
  proposedSlot: slot.extend({ note: z.string() }).nullable(),
  refusalReason: z.string().nullable(),
  permit: permitInfo.nullable(),
  checkedInAt: z.string().nullable(), checkedOutAt: z.string().nullable(),
  actualMinutes: z.number().nullable(), overrun: z.boolean(),
  /** Other non-refused visits at the same junior high that overlap this one. */
  conflicts: z.array(z.number()),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visit>;

export const visitListQuery = pageQuery.extend({
  campaignId: z.coerce.number().int().positive().optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  juniorHighId: z.coerce.number().int().positive().optional(),
  status: visitStatus.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** `true`: only visits that ran over (R10) — what the bureau follows up. */
  overrun: z.enum(['true', 'false']).optional(),
});
export const visitListResponse = page(visit);

export const createVisitBody = slot.extend({
  campaignId: z.number().int().positive(),
  juniorHighId: z.number().int().positive(),
  staff: z.array(staffMember).min(1).max(10),
  brochureId: z.number().int().positive(),
});
export const proposeSlotBody = slot.extend({ note: text(300).default('') });
export const refuseVisitBody = z.object({ reason: text(500).min(2) });
export const revokePermitBody = z.object({ reason: text(500).min(2) });
/** Check-in / check-out at the gate: now, or `at` when the clerk records it a little later. */
export const checkVisitBody = z.object({ at: z.string().datetime({ offset: true }).optional() });

/** `GET /api/permits` (bureau roles): the campaign's permits — a contract other checks rely on. */
export const permitListQuery = z.object({ campaignId: z.coerce.number().int().positive().optional() });
export const permitListResponse = z.object({
  items: z.array(z.object({
    code: z.string(), serial: z.string(), status: z.enum(['valid', 'revoked', 'not_yet', 'over']),
    school: z.string(), juniorHigh: z.string(), date: isoDate, start: hhmm, end: hhmm, visitId: z.number(),
  })),
});

/** R10: lesson time a junior high protects from visits. */
export const protectedPeriod = z
  .object({ weekday: z.number().int().min(1).max(7).nullable(), date: isoDate.nullable(), start: hhmm, end: hhmm, label: text(40).default('') })
  .refine((p) => (p.weekday === null) !== (p.date === null), 'give a weekday or a date');
export const protectedPeriodsBody = z.object({ periods: z.array(protectedPeriod).max(100) });
export const protectedPeriodsResponse = z.object({ organizationId: z.number(), periods: z.array(protectedPeriod) });

/** R19: a junior high's report of a visit without a valid permit, an intermediary, or money offered. */
export const reportKinds = ['no_permit', 'intermediary', 'payment', 'other'] as const;
export const visitReport = z.object({
  id: z.number(), campaignId: z.number(), juniorHighId: z.number(), juniorHighName: z.string(),
  kind: z.enum(reportKinds), schoolId: z.number().nullable(), schoolText: z.string(), occurredAt: z.string(),
  description: z.string(), permitCode: z.string().nullable(), status: z.enum(['open', 'acknowledged', 'closed']),
  createdAt: z.string(), acknowledgedAt: z.string().nullable(),
});
export const createVisitReportBody = z.object({
  campaignId: z.number().int().positive(),
  kind: z.enum(reportKinds),
  schoolId: z.number().int().positive().nullable().default(null),
  schoolText: text(100).default(''),
  occurredAt: z.string().datetime({ offset: true }),
  description: text(2000).min(2),
  permitCode: z.string().max(2000).nullable().default(null),
});
export const visitReportListResponse = page(visitReport);
export const visitReportListQuery = pageQuery.extend({ campaignId: z.coerce.number().int().positive().optional(), status: z.enum(['open', 'acknowledged', 'closed']).optional() });
