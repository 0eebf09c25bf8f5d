/**
 * Loads what the visit rules need (domain `checkVisit`: R4, R7, R9, R10 and the overlap with
 * approved visits) and turns refusals into one AppError: the first refusal's code, every
 * refusal in `details.refusals`, each naming its rule.
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { checkVisit, withSettingDefaults, type CampaignSettings, type LocalSlot, type ProtectedPeriod, type VisitRefusal } from '@zhizhao/domain';
import type { Queryable } from '../../db/client';
import { brochures, campaigns, protectedPeriods, visits } from '../../db/schema';
import { AppError } from '../../errors';
import { isQualified } from '../qualifications/qualifications';
import type { OrgRow } from '../organizations/queries';
import { approvedAt, type CampaignRow } from './queries';

/** R7: the school's current filed brochure of the campaign's year (a brochure belongs to the campaign of the school's own district). */
export async function currentFiledBrochure(db: Queryable, schoolId: number, year: number): Promise<{ id: number; filingNumber: string | null } | null> {
  const [row] = await db
    .select({ id: brochures.id, filingNumber: brochures.filingNumber })
    .from(brochures)
    .innerJoin(campaigns, eq(campaigns.id, brochures.campaignId))
    .where(and(eq(brochures.organizationId, schoolId), eq(campaigns.year, year), eq(brochures.status, 'filed')))
    .orderBy(desc(brochures.version))
    .limit(1);
  return row ?? null;
}

export async function protectedPeriodsOf(db: Queryable, juniorHighId: number): Promise<ProtectedPeriod[]> {
  const rows = await db.select().from(protectedPeriods).where(eq(protectedPeriods.organizationId, juniorHighId));
  return rows.map((p) => ({ ...(p.weekday !== null ? { weekday: p.weekday } : {}), ...(p.date !== null ? { date: p.date } : {}), start: p.start, end: p.end, label: p.label }));
}

export type SlotCheck = {
  school: OrgRow;
  juniorHighId: number;
  campaign: CampaignRow;
  slot: LocalSlot;
  /** The brochure the school names (a request): it must be the current filed one. Omitted: any current filed one. */
  brochureId?: number;
  /** The visit being decided, left out of the overlap check. */
  exceptVisitId?: number;
  /** The business date: a visit for a day gone is refused (request, proposal, approval). */
  today: string;
};

/** The school's own requests and visits in force at the junior high on that date (a double click makes one request). */
async function ownAt(db: Queryable, c: SlotCheck) {
  return db
    .select({ id: visits.id, date: visits.date, start: visits.start, end: visits.end, status: visits.status })
    .from(visits)
    .where(and(eq(visits.schoolId, c.school.id), eq(visits.juniorHighId, c.juniorHighId), eq(visits.date, c.slot.date), inArray(visits.status, ['requested', 'proposed', 'approved']), c.exceptVisitId ? ne(visits.id, c.exceptVisitId) : undefined));
}

/** Every refusal, and the brochure the visit will hand out (the current filed one). */
export async function checkSlot(db: Queryable, c: SlotCheck): Promise<{ refusals: VisitRefusal[]; brochureId: number | null }> {
  const settings = withSettingDefaults(c.campaign.settings as CampaignSettings);
  const brochure = await currentFiledBrochure(db, c.school.id, c.campaign.year);
  const refusals = checkVisit(c.slot, {
    runBy: c.school.runBy === 'district' ? 'district' : 'city',
    qualified: await isQualified(db, c.school.id, c.campaign.year),
    hasFiledBrochure: brochure !== null && (c.brochureId === undefined || c.brochureId === brochure.id),
    windows: { districtRun: settings.visitWindowDistrictRun, cityRun: settings.visitWindowCityRun },
    maxVisitMinutes: settings.maxVisitMinutes,
    protectedPeriods: await protectedPeriodsOf(db, c.juniorHighId),
    approvedAtJuniorHigh: /^\d{4}-\d{2}-\d{2}$/.test(c.slot.date) ? await approvedAt(db, c.juniorHighId, c.slot.date, c.exceptVisitId) : [],
    today: c.today,
    schoolDay: settings.schoolDay,
    ownAtJuniorHigh: /^\d{4}-\d{2}-\d{2}$/.test(c.slot.date) ? await ownAt(db, c) : [],
  });
  for (const r of refusals) {
    if (r.code === 'VISIT_NO_FILED_BROCHURE') r.details = { ...(r.details ?? {}), brochureId: c.brochureId ?? null, currentFiledBrochureId: brochure?.id ?? null };
  }
  return { refusals, brochureId: brochure?.id ?? null };
}

export function refuse(refusals: VisitRefusal[]): never {
  const first = refusals[0]!;
  throw new AppError(first.code, {
    rule: first.rule,
    explanation: { 'zh-CN': first.zh, 'en-US': first.en },
    refusals: refusals.map((r) => ({ code: r.code, rule: r.rule, zh: r.zh, en: r.en, ...(r.details ? { details: r.details } : {}) })),
  });
}

/** Checks and refuses in one go; answers the brochure to record. */
export async function assertSlot(db: Queryable, c: SlotCheck): Promise<number> {
  const { refusals, brochureId } = await checkSlot(db, c);
  if (refusals.length) refuse(refusals);
  return brochureId!;
}
