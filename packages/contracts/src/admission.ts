/**
 * The admission round (issue 11, R15): exam scores, batches (批次), runs (dry run → publish),
 * what families, schools and the public see, admission letters (录取通知书) and their
 * verification, 退档 (returns), the 征集志愿 round and 注册入学 of social applicants (R5).
 * Applicants are identified by their exam registration number (中考报名号 / a social
 * applicant's registration number) in every export and in the letters' list, as in `admit`.
 */
import { z } from 'zod';
import { isoDate, page, pageQuery } from './common';
import { importRowError } from './organizations';

const reason = z.string().trim().min(2, '请填写理由（至少 2 个字）').max(500);
const score = z.number().finite().min(0).max(10000);

// ------------------------------------------------------------------ scores
export const scoreSetStatuses = ['draft', 'locked'] as const;
export const scoreSet = z.object({
  id: z.number(),
  campaignId: z.number(),
  version: z.number(),
  status: z.enum(scoreSetStatuses),
  rows: z.number(),
  /** SHA-256 of the set's canonical content (exam number, total, subjects, in exam-number order). */
  contentHash: z.string(),
  subjects: z.array(z.string()),
  /** The subjects that break ties, in order (the campaign's tie-break items). */
  tiebreakNames: z.array(z.string()),
  /** Why this version replaces the previous one (a correction). */
  reason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lockedAt: z.string().nullable(),
  current: z.boolean(),
});
export type ScoreSet = z.infer<typeof scoreSet>;
export const scoreSetList = z.object({ items: z.array(scoreSet) });

export const scoreImportQuery = z.object({
  /** Default: the actor's district's campaign of the business year. */
  campaignId: z.coerce.number().int().positive().optional(),
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Tie-break subjects in order, comma-separated column names (default: the campaign's, or 语文,数学,外语). */
  tiebreaks: z.string().max(200).optional(),
  /** Required when a locked version exists: why the new version corrects it. */
  reason: z.string().trim().max(500).optional(),
});
export const scoreImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  /** Every bad row (row 1: the header). A real import with any error is refused (SCORE_IMPORT_INVALID, details.errors); a dry run answers them here. */
  errors: z.array(importRowError),
  /** The version created (null on a dry run). */
  scoreSet: scoreSet.nullable(),
  /** The content hash the file gives (null when it has errors). */
  contentHash: z.string().nullable(),
});

export const scoreRow = z.object({ examNo: z.string(), studentName: z.string(), juniorHighName: z.string().nullable(), total: z.number(), subjects: z.record(z.string(), z.number()) });
export const scoreRowsQuery = pageQuery.extend({ q: z.string().trim().max(50).optional() });
export const scoreRowsPage = page(scoreRow);

// ------------------------------------------------------------------ batches
export const batchKindSchema = z.enum(['exam', 'solicitation']);
export const programmeLine = z.object({ programmeId: z.number().int().positive(), minScore: score });
export const batchBody = z
  .object({
    name: z.string().trim().min(2).max(40),
    kind: batchKindSchema,
    /** null: every programme with seats left. */
    programmeIds: z.array(z.number().int().positive()).max(2000).nullable(),
    minScore: score.nullable(),
    programmeLines: z.array(programmeLine).max(2000).default([]),
    /** Families see results from this day. */
    publishOn: isoDate.nullable(),
    /** A school may ask to return an admitted student until this day. */
    returnUntil: isoDate.nullable(),
    /** 征集志愿: when the unplaced may choose again. */
    solicitFrom: isoDate.nullable().default(null),
    solicitTo: isoDate.nullable().default(null),
  })
  .refine((b) => !b.returnUntil || !b.publishOn || b.returnUntil >= b.publishOn, { path: ['returnUntil'], message: '退档截止日期不能早于发布日期' })
  .refine((b) => b.kind !== 'solicitation' || (b.solicitFrom && b.solicitTo && b.solicitFrom <= b.solicitTo), { path: ['solicitTo'], message: '征集志愿须填写开始和截止日期（开始不晚于截止）' });
export type BatchBody = z.infer<typeof batchBody>;

export const batchStatuses = ['open', 'published'] as const;
export const admissionBatch = z.object({
  id: z.number(),
  campaignId: z.number(),
  seq: z.number(),
  name: z.string(),
  kind: batchKindSchema,
  programmeIds: z.array(z.number()).nullable(),
  minScore: z.number().nullable(),
  programmeLines: z.array(programmeLine),
  publishOn: z.string().nullable(),
  returnUntil: z.string().nullable(),
  solicitFrom: z.string().nullable(),
  solicitTo: z.string().nullable(),
  status: z.enum(batchStatuses),
  publishedRunId: z.number().nullable(),
});
export type AdmissionBatch = z.infer<typeof admissionBatch>;
export const batchList = z.object({ campaignId: z.number(), items: z.array(admissionBatch), returnReasons: z.array(z.string()) });
export const campaignQuery = z.object({ campaignId: z.coerce.number().int().positive().optional() });

// ------------------------------------------------------------------ runs
export const runStatuses = ['queued', 'running', 'ready', 'publishing', 'published', 'failed', 'discarded'] as const;
export type RunStatus = (typeof runStatuses)[number];
export const runProgress = z.object({ phase: z.string(), done: z.number(), total: z.number() });
export const runBody = z.object({
  batchId: z.number().int().positive(),
  /** Lines to try instead of the batch's (a what-if); published runs keep what they ran with. */
  minScore: score.nullable().optional(),
  programmeLines: z.array(programmeLine).max(2000).optional(),
});
export const admissionRun = z.object({
  id: z.number(),
  campaignId: z.number(),
  batchId: z.number(),
  batch: z.string(),
  status: z.enum(runStatuses),
  progress: runProgress,
  scoreSetId: z.number().nullable(),
  inputsHash: z.string().nullable(),
  resultsHash: z.string().nullable(),
  minScore: z.number().nullable(),
  programmeLines: z.array(programmeLine),
  applicants: z.number(),
  admitted: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** False when the inputs changed since the run (a new score version, a confirmed change, seats): publish would be refused. */
  current: z.boolean().nullable(),
});
export type AdmissionRun = z.infer<typeof admissionRun>;
export const runList = z.object({ items: z.array(admissionRun) });

export const runProgramme = z.object({
  programmeId: z.number(),
  schoolId: z.number(),
  schoolName: z.string(),
  majorName: z.string(),
  campusName: z.string(),
  seats: z.number(),
  minScore: z.number().nullable(),
  applicants: z.number(),
  firstChoice: z.number(),
  admitted: z.number(),
  admittedAdjustment: z.number(),
  cutoffScore: z.number().nullable(),
  /** The last admitted's whole key: score/tie-breaks/lottery/exam number. */
  cutoffKey: z.string(),
  /** The last admitted's position in the batch's common ranking (1 = best). */
  lastRank: z.number().nullable(),
});
export const runJuniorHigh = z.object({ juniorHighId: z.number().nullable(), name: z.string(), applicants: z.number(), admitted: z.number() });
export const runDetail = admissionRun.extend({
  programmes: z.array(runProgramme),
  juniorHighs: z.array(runJuniorHigh),
  totals: z.object({ applicants: z.number(), admitted: z.number(), adjusted: z.number(), unplaced: z.number(), admittedBefore: z.number(), noChoiceInBatch: z.number(), noScore: z.number() }),
});
export type RunDetail = z.infer<typeof runDetail>;

/** A run's placements, for the bureau (masked; exam numbers are not personal data here). */
export const runPlacementsQuery = pageQuery.extend({
  programmeId: z.coerce.number().int().positive().optional(),
  juniorHighId: z.coerce.number().int().positive().optional(),
  outcome: z.enum(['admitted', 'unplaced']).optional(),
  /** An exam number (or its beginning) or a name (or part of it). */
  q: z.string().trim().min(1).max(50).optional(),
});
export const runPlacement = z.object({ examNo: z.string(), studentName: z.string(), juniorHighName: z.string().nullable(), score: z.number(), rank: z.number(), programmeId: z.number().nullable(), programme: z.string().nullable(), choiceRank: z.union([z.number(), z.literal('adj')]).nullable() });
export const runPlacementsPage = page(runPlacement);

// ------------------------------------------------------------------ admissions (results)
export const admissionStatuses = ['admitted', 'returned'] as const;
export const admissionKinds = ['batch', 'registration'] as const;
export const admissionRow = z.object({
  id: z.number(),
  studentId: z.number(),
  examNo: z.string(),
  studentName: z.string(),
  gender: z.enum(['male', 'female']),
  juniorHighName: z.string().nullable(),
  kind: z.enum(admissionKinds),
  batch: z.string().nullable(),
  schoolId: z.number(),
  schoolName: z.string(),
  programmeId: z.number(),
  majorName: z.string(),
  campusName: z.string(),
  choiceRank: z.union([z.number(), z.literal('adj')]).nullable(),
  score: z.number().nullable(),
  status: z.enum(admissionStatuses),
  letterCode: z.string().nullable(),
  returnRequest: z.object({ id: z.number(), reason: z.string(), status: z.enum(['requested', 'approved', 'rejected']), note: z.string().nullable() }).nullable(),
});
export type AdmissionRow = z.infer<typeof admissionRow>;
export const admissionListQuery = pageQuery.extend({
  campaignId: z.coerce.number().int().positive().optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  juniorHighId: z.coerce.number().int().positive().optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  status: z.enum(admissionStatuses).optional(),
  q: z.string().trim().max(50).optional(),
});
export const admissionPage = page(admissionRow);

/** `GET /api/admission/letters` (the contract other checks rely on). */
export const letterStatuses = ['valid', 'withdrawn'] as const;
export const letterList = z.object({ items: z.array(z.object({ code: z.string(), status: z.enum(letterStatuses), applicantId: z.string(), programmeId: z.number(), admissionId: z.number(), schoolId: z.number() })) });

/** The public's figures: per programme, seats, filled and the cutoff. */
export const publicCutoffs = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  batches: z.array(
    z.object({
      batch: z.string(),
      publishedOn: z.string().nullable(),
      programmes: z.array(z.object({ schoolName: z.string(), majorName: z.string(), campusName: z.string(), seats: z.number(), filled: z.number(), cutoffScore: z.number().nullable(), minScore: z.number().nullable() })),
    }),
  ),
});

// ------------------------------------------------------------------ returns (退档)
export const returnRequestBody = z.object({ admissionId: z.number().int().positive(), reason: z.string().trim().min(2).max(200), note: z.string().trim().max(500).default('') });
export const returnDecisionBody = z.object({ approve: z.boolean(), note: z.string().trim().max(500).default('') });
export const returnRequest = z.object({
  id: z.number(),
  admissionId: z.number(),
  examNo: z.string(),
  studentName: z.string(),
  schoolName: z.string(),
  majorName: z.string(),
  reason: z.string(),
  note: z.string(),
  status: z.enum(['requested', 'approved', 'rejected']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export const returnList = z.object({ items: z.array(returnRequest) });

// ------------------------------------------------------------------ the family
export const explanationLine = z.object({ choiceRank: z.union([z.number(), z.literal('adj')]), programmeId: z.number().nullable(), programmeName: z.string().nullable(), outcome: z.string(), zh: z.string(), en: z.string() });
export const myAdmission = z.object({
  score: z.object({ total: z.number(), subjects: z.record(z.string(), z.number()), version: z.number() }).nullable(),
  results: z.array(
    z.object({
      batch: z.string(),
      publishOn: z.string().nullable(),
      outcome: z.enum(['admitted', 'adjusted', 'not-admitted', 'returned']),
      headline: z.object({ zh: z.string(), en: z.string() }),
      schoolName: z.string().nullable(),
      programme: z.string().nullable(),
      campusName: z.string().nullable(),
      choiceRank: z.union([z.number(), z.literal('adj')]).nullable(),
      explanation: z.array(explanationLine),
    }),
  ),
  admission: z.object({ id: z.number(), status: z.enum(admissionStatuses), schoolName: z.string(), majorName: z.string(), campusName: z.string(), letterCode: z.string().nullable(), kind: z.enum(admissionKinds) }).nullable(),
  /** The 征集志愿 round open to the family now, if any. */
  solicitation: z
    .object({
      batchId: z.number(),
      batch: z.string(),
      from: z.string(),
      to: z.string(),
      open: z.boolean(),
      maxChoices: z.number(),
      programmes: z.array(z.object({ programmeId: z.number(), schoolName: z.string(), majorName: z.string(), campusName: z.string(), seatsLeft: z.number() })),
      choices: z.array(z.number()),
      acceptAdjustment: z.boolean(),
    })
    .nullable(),
});
export type MyAdmission = z.infer<typeof myAdmission>;
export const solicitationBody = z.object({ batchId: z.number().int().positive(), choices: z.array(z.number().int().positive()).min(1).max(20), acceptAdjustment: z.boolean().default(false) });

// ------------------------------------------------------------------ 注册入学 (R5)
export const registrationBody = z.object({ studentId: z.number().int().positive(), programmeId: z.number().int().positive() });
export const registrationCandidate = z.object({ studentId: z.number(), examNo: z.string(), name: z.string(), category: z.string().nullable(), choices: z.array(z.number()), admitted: z.boolean() });
export const registrationCandidates = z.object({ items: z.array(registrationCandidate), programmes: z.array(z.object({ programmeId: z.number(), majorName: z.string(), campusName: z.string(), seatsLeft: z.number() })) });

// ------------------------------------------------------------------ jobs
export const jobView = z.object({ id: z.number(), kind: z.string(), status: z.enum(['queued', 'running', 'done', 'failed']), progress: runProgress, error: z.string().nullable(), download: z.string().nullable() });
export type JobView = z.infer<typeof jobView>;
export const lettersJobBody = z.object({ schoolId: z.number().int().positive().optional(), campaignId: z.number().int().positive().optional() });
