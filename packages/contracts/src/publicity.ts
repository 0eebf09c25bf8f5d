/**
 * Publicity, part 1 (R3, R4, R6, R7): majors and planned seats, the provincial qualification
 * list, joint enrollments, brochures with review and filing, and what the public may check.
 */
import { z } from 'zod';
import { isoDate, page, pageQuery } from './common';
import { brochureStates, signedKinds } from '@zhizhao/domain';

const text = (max: number) => z.string().trim().max(max);
export const majorCategory = z.enum(['art', 'general']);
export const feeItem = z.object({ name: text(50).min(1), amount: z.number().min(0).max(1_000_000), unit: text(20).min(1) });

// ── Majors (专业) and planned seats (招生计划) ────────────────────────────────
export const major = z.object({
  id: z.number(), organizationId: z.number(), schoolName: z.string(), campusId: z.number(), campusName: z.string(),
  code: z.string(), name: z.string(), category: majorCategory, lengthYears: z.number(), internship: z.string(),
  fees: z.array(feeItem), aidPolicy: z.string(), active: z.boolean(),
});
export type Major = z.infer<typeof major>;
export const majorListQuery = pageQuery.extend({ organizationId: z.coerce.number().int().positive().optional(), q: text(50).optional(), category: majorCategory.optional() });
export const majorListResponse = page(major);
export const majorBody = z.object({
  organizationId: z.number().int().positive(), campusId: z.number().int().positive(),
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, '1–20 letters, digits, _ or -'), name: text(60).min(2), category: majorCategory,
  lengthYears: z.number().int().min(1).max(6), internship: text(200).min(1), fees: z.array(feeItem).min(1).max(20), aidPolicy: text(2000).default(''),
});
// zod 4 applies `.default()` even under `.partial()`: aidPolicy is re-declared so a PATCH without it keeps it.
export const updateMajorBody = majorBody.omit({ organizationId: true, aidPolicy: true }).partial().extend({ aidPolicy: text(2000).optional(), active: z.boolean().optional() });

export const plannedSeatsRow = z.object({ majorId: z.number(), organizationId: z.number(), schoolName: z.string(), majorCode: z.string(), majorName: z.string(), campusName: z.string(), category: majorCategory, seats: z.number().nullable() });
export const plannedSeatsResponse = z.object({ campaignId: z.number(), rows: z.array(plannedSeatsRow), total: z.number() });
export const plannedSeatsBody = z.object({ rows: z.array(z.object({ majorId: z.number().int().positive(), seats: z.number().int().min(0).max(100_000) })).min(1).max(10_000) });

// ── R4: the provincial list of qualified schools, per year ─────────────────
export const qualificationListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
/** Imports of this part write all rows or none; `dryRun` only checks. Answer: `importResult` (organizations.ts). */
export const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });
export const qualificationImportQuery = qualificationListQuery.extend(dryRunQuery.shape);
export const qualificationListResponse = z.object({
  year: z.number(),
  rows: z.array(z.object({ organizationId: z.number(), code: z.string(), name: z.string(), runBy: z.enum(['district', 'city']), ownership: z.enum(['public', 'private']), qualified: z.boolean().nullable(), note: z.string() })),
});

// ── R3: joint enrollments ──────────────────────────────────────────────────
export const alliance = z.object({
  id: z.number(), name: z.string(), districtId: z.number(), countsTowardNDistrict: z.boolean(),
  members: z.array(z.object({ organizationId: z.number(), name: z.string() })),
  rules: z.array(z.object({ category: majorCategory, campusId: z.number(), campusName: z.string(), schoolName: z.string() })),
});
export const allianceBody = z.object({
  name: text(60).min(2), districtId: z.number().int().positive(), countsTowardNDistrict: z.boolean().default(true),
  memberIds: z.array(z.number().int().positive()).min(2).max(10), rules: z.array(z.object({ category: majorCategory, campusId: z.number().int().positive() })).min(1).max(2),
});
export const allianceListResponse = z.object({ items: z.array(alliance) });
/** PATCH: the district stays; members and rules, when given, replace the old ones. */
export const updateAllianceBody = allianceBody.omit({ districtId: true, countsTowardNDistrict: true }).partial().extend({ countsTowardNDistrict: z.boolean().optional() });

// ── Brochures (招生简章, R6/R7) ────────────────────────────────────────────
export const brochureState = z.enum(brochureStates);
const majorFacts = z.object({ code: z.string(), name: z.string(), category: majorCategory, campus: z.string(), lengthYears: z.number(), internship: z.string(), fees: z.array(feeItem), aidPolicy: z.string(), plannedSeats: z.number().nullable() });
export const brochureFacts = z.object({
  school: z.string(), schoolCode: z.string(), address: z.string(), runBy: z.enum(['district', 'city']), ownership: z.enum(['public', 'private']),
  jointEnrollment: z.string().nullable(), aidPolicy: z.string(), majors: z.array(majorFacts),
});
export const brochureSection = z.object({ key: z.string().regex(/^[a-z0-9_-]{1,32}$/), title: text(60).min(1), html: z.string().max(50_000) });

export const brochureSummary = z.object({
  id: z.number(), organizationId: z.number(), school: z.string(), campaignId: z.number(), year: z.number(), version: z.number(), status: brochureState,
  reviewerKind: z.enum(['district_bureau', 'city_bureau']), filingNumber: z.string().nullable(), updatedAt: z.string(), submittedAt: z.string().nullable(), filedAt: z.string().nullable(),
});
export const brochureEvent = z.object({ action: z.string(), by: z.string().nullable(), organization: z.string().nullable(), at: z.string(), comment: z.string() });
export const brochureChange = z.object({ path: z.string(), kind: z.enum(['added', 'removed', 'changed']), before: z.unknown(), after: z.unknown() });
export const brochureDetail = brochureSummary.extend({
  facts: brochureFacts, sections: z.array(brochureSection),
  /** Reviewer comments per section key ('facts' for the mandatory facts), from the last return. */
  comments: z.array(z.object({ sectionKey: z.string(), comment: z.string() })),
  /** R6: mandatory facts still missing (submission is refused while any is). */
  missingFacts: z.array(z.object({ path: z.string(), zh: z.string(), en: z.string() })),
  /** Changes against the previous filed version (what the reviewer must look at). */
  diff: z.array(brochureChange),
  events: z.array(brochureEvent),
  verifyCode: z.string().nullable(),
  /** What the caller may do next: drives the buttons. */
  actions: z.array(z.enum(['edit', 'submit', 'return', 'approve', 'file', 'withdraw', 'revise'])),
});
export type BrochureDetail = z.infer<typeof brochureDetail>;

export const brochureListQuery = pageQuery.extend({
  campaignId: z.coerce.number().int().positive().optional(),
  status: brochureState.optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  /** `review`: what waits for the caller's review; `filing`: what waits for the city's filing. */
  queue: z.enum(['review', 'filing']).optional(),
});
export const brochureListResponse = page(brochureSummary);
export const createBrochureBody = z.object({ campaignId: z.number().int().positive(), organizationId: z.number().int().positive() });
export const updateBrochureBody = z.object({ sections: z.array(brochureSection).max(30).optional(), refreshFacts: z.boolean().optional() });
export const submitBrochureBody = z.object({ confirmFacts: z.literal(true) });
export const returnBrochureBody = z.object({ summary: text(1000).min(2), comments: z.array(z.object({ sectionKey: z.string(), comment: text(1000).min(1) })).max(50).default([]) });
export const approveBrochureBody = z.object({ comment: text(1000).default('') });
export const withdrawBrochureBody = z.object({ reason: text(1000).min(2) });

// ── What the public sees (no login, no personal data) ──────────────────────
export const publicBrochure = z.object({
  id: z.number(), school: z.string(), schoolCode: z.string(), year: z.number(), version: z.number(), filingNumber: z.string(), filedAt: z.string(),
  verifyCode: z.string(), runBy: z.enum(['district', 'city']), ownership: z.enum(['public', 'private']), jointEnrollment: z.string().nullable(),
  campuses: z.array(z.string()), majors: z.array(z.object({ code: z.string(), name: z.string(), category: majorCategory, campus: z.string(), plannedSeats: z.number().nullable() })),
});
export const publicBrochureQuery = z.object({ q: text(50).optional(), major: text(50).optional(), campus: text(50).optional(), year: z.coerce.number().int().optional() });
export const publicBrochureList = z.object({ year: z.number(), items: z.array(publicBrochure) });
export const publicBrochureDetail = publicBrochure.extend({
  facts: brochureFacts, sections: z.array(brochureSection), mark: z.string(), status: z.enum(['current', 'superseded', 'withdrawn']),
  /** For a superseded version: the id of the school's current filed version, if any. */
  currentId: z.number().nullable().optional(),
});

/** `GET /api/verify/:code` — brochures here, permits in the visits work. */
export const verifyResponse = z.object({
  kind: z.enum(signedKinds).nullable(),
  status: z.enum(['valid', 'superseded', 'withdrawn', 'invalid', 'unknown', 'revoked', 'not_yet', 'over']),
  message: z.object({ zh: z.string(), en: z.string() }),
  keyId: z.string().nullable(),
  facts: z.record(z.string(), z.unknown()).nullable(),
});
export const publicKeysResponse = z.object({
  keys: z.array(z.object({ kid: z.string(), organization: z.string(), algorithm: z.literal('Ed25519'), publicKeyPem: z.string(), publicKeyBase64url: z.string(), createdAt: z.string(), retiredAt: z.string().nullable() })),
  format: z.string(),
});
export const verifyParams = z.object({ code: z.string().min(1).max(2000) });
export const dateParam = isoDate;
