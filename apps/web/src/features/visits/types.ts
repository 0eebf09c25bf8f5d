/**
 * Visit response types (R9, R10, R19) inferred from the contracts' zod schemas, as types
 * only so zod stays out of the browser bundle.
 */
import type {
  createVisitBody,
  createVisitReportBody,
  permitListResponse,
  protectedPeriod,
  protectedPeriodsResponse,
  visit,
  visitListResponse,
  visitReport,
  visitReportListResponse,
} from '@zhizhao/contracts';
import type { Infer } from '../../lib/types';

type Input<S extends { _zod: { input: unknown } }> = S['_zod']['input'];

export type Visit = Infer<typeof visit>;
export type VisitStatus = Visit['status'];
export type VisitPage = Infer<typeof visitListResponse>;
export type CreateVisit = Input<typeof createVisitBody>;
export type StaffMember = Visit['staff'][number];
export type PermitList = Infer<typeof permitListResponse>;
export type PermitRow = PermitList['items'][number];
export type ProtectedPeriodValue = Infer<typeof protectedPeriod>;
export type ProtectedPeriods = Infer<typeof protectedPeriodsResponse>;
export type VisitReport = Infer<typeof visitReport>;
export type VisitReportKind = VisitReport['kind'];
export type VisitReportPage = Infer<typeof visitReportListResponse>;
export type CreateVisitReport = Input<typeof createVisitReportBody>;

/** One refusal as the server (and `checkVisit`) words it: the rule it comes from, in both languages. */
export type Refusal = { code: string; rule: string | null; zh: string; en: string };
