import { z } from 'zod';
import { isoDate, page, pageQuery } from './common';
import { phaseKeys } from '@zhizhao/domain';

const range = z.object({ from: isoDate, to: isoDate });

/** Mirrors the domain's CampaignSettings; defaults come from `defaultCampaignSettings(year)`. */
export const campaignSettings = z.object({
  nDistrict: z.number().int().min(0).max(1_000_000),
  nTotal: z.number().int().min(0).max(1_000_000),
  visitWindowDistrictRun: range,
  visitWindowCityRun: range,
  maxVisitMinutes: z.number().int().min(15).max(8 * 60),
  vocationalRatio: z.number().gt(0).lt(1),
  earlyTransferFrom: isoDate,
  statisticsDeadline: isoDate,
  phases: z.object(Object.fromEntries(phaseKeys.map((k) => [k, range])) as Record<(typeof phaseKeys)[number], typeof range>),
  /** R7: the city's filing numbers, e.g. `示教职招备〔{year}〕{seq:3}号`. Optional: read with the default when absent. */
  filingNumberPattern: z.string().trim().min(3).max(60).regex(/\{seq(?::\d)?\}/, 'must contain {seq} or {seq:N}').optional(),
  /** R11: ranked vocational choices an applicant may make. Optional: read as 6 when absent. */
  maxChoices: z.number().int().min(1).max(20).optional(),
  /** R14: the district's numbers for filed early-transfer lists, e.g. `示教职转备〔{year}〕{seq:3}号`. Optional: read with the default. */
  /** R10: the school day a campus visit falls in. Optional: read as 07:30–18:00. */
  schoolDay: z.object({ start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'), end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM') }).optional(),
  earlyTransferListPattern: z.string().trim().min(3).max(60).regex(/\{seq(?::\d)?\}/, 'must contain {seq} or {seq:N}').optional(),
  tiebreakSubjects: z.array(z.string().trim().min(1).max(20)).max(6).optional(),
  admissionReturnReasons: z.array(z.string().trim().min(2).max(100)).min(1).max(20).optional(),
  /** R16: whether a no-show's seat goes back to 补录 (late admission). Optional: read as true. */
  refillNoShowSeats: z.boolean().optional(),
});

export const campaign = z.object({
  id: z.number(),
  districtId: z.number(),
  districtName: z.string(),
  year: z.number().int(),
  name: z.string(),
  settings: campaignSettings,
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaign>;

export const campaignListQuery = pageQuery.extend({
  districtId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().optional(),
});
export const campaignListResponse = page(campaign);

export const createCampaignBody = z.object({
  districtId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(2).max(100).optional(),
  /** Omitted fields take the plan's defaults for that year. */
  settings: campaignSettings.partial().optional(),
});

export const updateCampaignBody = z.object({
  name: z.string().trim().min(2).max(100).optional(),
  settings: campaignSettings.partial().optional(),
  /** Why the settings change (kept in the audit log). */
  reason: z.string().trim().min(2).max(500),
});
