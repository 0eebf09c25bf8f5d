/**
 * Targets (R1, R2, R12): the city's district targets, graduates per junior high, and the
 * split of N_total into sending targets (送培目标) in versions: one draft, published ones.
 */
import { z } from 'zod';
import { idParam } from './common';

export const allocationMethods = ['hamilton', 'webster'] as const;
export const adjustModes = ['rebalance', 'change_total'] as const;
export const versionStatuses = ['draft', 'published', 'superseded', 'discarded'] as const;

const reason = z.string().trim().min(2).max(500);
const count = z.number().int().min(0).max(1_000_000);

/** R1: set by the city bureau; every change keeps author, time and reason. */
export const districtTargetsBody = z.object({ nDistrict: count, nTotal: count, reason });
export const districtTargetChange = z.object({
  nDistrict: z.number(), nTotal: z.number(), reason: z.string(), changedBy: z.string().nullable(), changedAt: z.string(),
});
export const districtTargetsResponse = z.object({
  campaignId: z.number(), districtId: z.number(), districtName: z.string(), year: z.number(),
  nDistrict: z.number(), nTotal: z.number(), history: z.array(districtTargetChange),
});

/** Graduates (应届毕业生数) per junior high of the campaign's district. */
export const graduatesRow = z.object({
  organizationId: z.number(), code: z.string(), name: z.string(), graduates: z.number().nullable(), updatedAt: z.string().nullable(),
  /** Active current-cohort grade-9 students on the junior high's roster (issue 9); the split uses it once the school has a roster. */
  rosterCount: z.number().nullable().optional(),
});
export const graduatesResponse = z.object({ campaignId: z.number(), rows: z.array(graduatesRow), total: z.number() });
export const graduatesBody = z.object({ rows: z.array(z.object({ organizationId: z.number().int().positive(), graduates: count })).min(1).max(10_000), reason: reason.optional() });

/** One junior high in a version of the split. */
export const targetRow = z.object({
  organizationId: z.number(), code: z.string(), name: z.string(),
  graduates: z.number(), target: z.number(), min: z.number().nullable(), max: z.number().nullable(),
  /** target ÷ graduates, for display; the flag is computed exactly. */
  share: z.number().nullable(),
  /** R12: the target is below the campaign's ratio of graduates. */
  belowRatio: z.boolean(),
  note: z.string(),
});
export type TargetRow = z.infer<typeof targetRow>;

export const targetVersionSummary = z.object({
  id: z.number(), number: z.number(), status: z.enum(versionStatuses), method: z.enum(allocationMethods), nTotal: z.number(),
  note: z.string(), createdBy: z.string().nullable(), createdAt: z.string(), publishedBy: z.string().nullable(), publishedAt: z.string().nullable(),
});

export const targetAdjustment = z.object({
  organizationId: z.number(), name: z.string(), mode: z.enum(adjustModes), oldTarget: z.number(), newTarget: z.number(),
  oldTotal: z.number(), newTotal: z.number(), reason: z.string(), by: z.string().nullable(), at: z.string(),
});

/** District totals against R1 and R12. */
export const targetTotals = z.object({
  graduates: z.number(), targets: z.number(), share: z.number().nullable(), ratio: z.number(),
  /** The least total that meets the ratio (R12). */
  requiredForRatio: z.number(), belowRatio: z.boolean(),
  cityNTotal: z.number(), cityNDistrict: z.number(), differsFromCity: z.boolean(),
});

export const targetVersion = targetVersionSummary.extend({ rows: z.array(targetRow), totals: targetTotals, adjustments: z.array(targetAdjustment) });
export type TargetVersion = z.infer<typeof targetVersion>;

/** What the caller may see of the campaign's targets (a junior high: only its own row). */
export const targetsOverview = z.object({
  campaignId: z.number(), year: z.number(), districtId: z.number(), districtName: z.string(),
  nDistrict: z.number(), nTotal: z.number(), ratio: z.number(),
  published: targetVersion.nullable(),
  draft: targetVersion.nullable(),
  versions: z.array(targetVersionSummary),
  /** A junior high's own target in every published version, newest first. */
  ownHistory: z.array(z.object({ number: z.number(), publishedAt: z.string().nullable(), status: z.enum(versionStatuses), target: z.number(), graduates: z.number(), note: z.string() })).nullable(),
  /** R12 once applications exist (left for the applications work). */
  trackSplit: z.null(),
});

export const campaignParam = idParam;
export const versionParams = z.object({ id: z.coerce.number().int().positive(), number: z.coerce.number().int().positive() });

export const createDraftBody = z.object({
  method: z.enum(allocationMethods).default('hamilton'),
  /** Optional floor and ceiling per junior high. */
  bounds: z.array(z.object({ organizationId: z.number().int().positive(), min: count.nullable(), max: count.nullable() })).max(10_000).default([]),
  note: z.string().trim().max(500).default(''),
});

export const adjustBody = z.object({
  organizationId: z.number().int().positive(),
  target: count,
  mode: z.enum(adjustModes),
  reason,
});
/** A preview writes nothing: the reason may be left out. */
export const adjustPreviewBody = adjustBody.extend({ reason: reason.optional() });
export const adjustPreview = z.object({
  mode: z.enum(adjustModes), oldTotal: z.number(), newTotal: z.number(),
  changes: z.array(z.object({ organizationId: z.number(), name: z.string(), old: z.number(), new: z.number(), delta: z.number() })),
});

export const publishBody = z.object({
  note: z.string().trim().max(500).default(''),
  /** R1: publish a draft whose total differs from the city's N_total only when the clerk confirms it. */
  acknowledgeTotalDifference: z.boolean().default(false),
});

export const compareQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });
export const compareResponse = z.object({
  from: targetVersionSummary, to: targetVersionSummary,
  rows: z.array(z.object({ organizationId: z.number(), name: z.string(), from: z.number().nullable(), to: z.number().nullable(), delta: z.number() })),
});

/** The city's page: every district of its city for a year. */
export const cityTargetsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const cityTargetsResponse = z.object({
  year: z.number(),
  districts: z.array(z.object({
    districtId: z.number(), districtName: z.string(), campaignId: z.number().nullable(),
    nDistrict: z.number().nullable(), nTotal: z.number().nullable(), graduates: z.number(),
    publishedTotal: z.number().nullable(), publishedAt: z.string().nullable(), share: z.number().nullable(), belowRatio: z.boolean().nullable(),
  })),
});

/** Annex 2 export: a version by number; the published one when omitted. */
export const targetsExportQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const targetsImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false') });
export const targetsImportResult = z.object({
  dryRun: z.boolean(), graduatesUpdated: z.number(), targetsImported: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), reason: z.string() })),
});
