/**
 * Early transfer (issue 10: R13, R14): the family's request to study early at one programme,
 * the plan's Annex 4 form (中等职业学校志愿填报表) sealed by the junior high and then by the
 * vocational school, the combined list (汇总名单) per pair of schools sealed by both and filed by
 * the district bureau, the handover register, exam preparation and results, the seat caps.
 * Personal data is masked as everywhere (ADR 0106): a form carries the masked ID number.
 */
import { z } from 'zod';
import { examPrepModes, transferListStatuses, transferStatuses } from '@zhizhao/domain';
import { isoDate, page, pageQuery } from './common';

export const transferStatusSchema = z.enum(transferStatuses);
export const transferListStatusSchema = z.enum(transferListStatuses);
export const sealPartySchema = z.enum(['source', 'school', 'district']);
const reason = z.string().trim().min(2, '请填写理由（至少 2 个字）').max(500);
const version = z.number().int().min(1);

/** The form's content as filled from the records: exactly what each seal signs (canonical JSON). */
export const transferFormContent = z.object({
  form: z.literal('中等职业学校志愿填报表'),
  transferId: z.number(),
  version: z.number(),
  campaign: z.object({ id: z.number(), name: z.string(), year: z.number() }),
  student: z.object({ name: z.string(), gender: z.enum(['male', 'female']), examNo: z.string(), idMasked: z.string(), className: z.string(), cohort: z.enum(['current', 'past']), hukouDistrict: z.string() }),
  sourceSchool: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  enrollingSchool: z.object({ id: z.number(), code: z.string(), name: z.string(), runBy: z.enum(['district', 'city']) }),
  programme: z.object({ id: z.number(), majorCode: z.string(), majorName: z.string(), campusName: z.string(), lengthYears: z.number() }),
  guardian: z.object({ name: z.string(), relation: z.string(), phoneMasked: z.string() }),
  curriculumCompletedOn: isoDate,
  requestedOn: isoDate,
});
export type TransferFormContent = z.infer<typeof transferFormContent>;

/** A seal present on a form or a list: whose, when, and whether its signature holds over the current content. */
export const sealView = z.object({
  party: sealPartySchema,
  organizationId: z.number(),
  organizationName: z.string(),
  keyId: z.string(),
  sealedAt: z.string(),
  sealedBy: z.string(),
  valid: z.boolean(),
});
export type SealView = z.infer<typeof sealView>;

/** A row of `GET /api/early-transfers` (the contract other checks rely on: id, status, formCode, listCode, juniorHighId, schoolId, programmeId). */
export const earlyTransfer = z.object({
  id: z.number(),
  campaignId: z.number(),
  status: transferStatusSchema,
  version: z.number(),
  studentId: z.number(),
  studentName: z.string(),
  examNo: z.string(),
  className: z.string(),
  juniorHighId: z.number(),
  juniorHighName: z.string(),
  schoolId: z.number(),
  schoolName: z.string(),
  programmeId: z.number(),
  majorName: z.string(),
  campusName: z.string(),
  requestedBy: z.enum(['student', 'guardian']),
  requestedOn: isoDate,
  pendingConfirmers: z.array(z.enum(['student', 'guardian'])),
  seals: z.array(sealView),
  formCode: z.string().nullable(),
  listId: z.number().nullable(),
  listCode: z.string().nullable().optional(),
  filingNumber: z.string().nullable(),
  filedOn: isoDate.nullable(),
  /** The reason of a refusal, a withdrawal or a return, and who gave it. */
  reason: z.string().nullable(),
  decidedBy: z.enum(['student', 'guardian', 'source', 'school', 'district']).nullable(),
  updatedAt: z.string(),
});
export type EarlyTransfer = z.infer<typeof earlyTransfer>;

export const transferAction = z.enum(['confirm', 'change', 'seal', 'refuse', 'withdraw', 'return', 'examResult']);
export const transferHistoryEntry = z.object({ at: z.string(), action: z.string(), by: z.string().nullable(), party: z.string().nullable(), version: z.number().nullable(), reason: z.string().nullable(), status: z.string().nullable() });
export const examSubjectResult = z.object({ subject: z.string().trim().min(1).max(20), sat: z.boolean(), passed: z.boolean().nullable() });
export const examResult = z.object({ subjects: z.array(examSubjectResult).min(1).max(12), source: z.enum(['entered', 'import']), updatedAt: z.string() });

export const earlyTransferDetail = earlyTransfer.extend({
  content: transferFormContent,
  history: z.array(transferHistoryEntry),
  /** What the caller may do now (the page offers only these). */
  actions: z.array(transferAction),
  examResult: examResult.nullable(),
});
export type EarlyTransferDetail = z.infer<typeof earlyTransferDetail>;

export const earlyTransferListQuery = pageQuery.extend({
  campaignId: z.coerce.number().int().positive().optional(),
  status: transferStatusSchema.optional(),
  juniorHighId: z.coerce.number().int().positive().optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  /** name or exam number (prefix) */
  q: z.string().trim().max(40).optional(),
});
export const earlyTransferList = page(earlyTransfer);

// ---------------------------------------------------------------- the family

export const earlyTransferProgramme = z.object({
  programmeId: z.number(),
  schoolId: z.number(),
  schoolName: z.string(),
  majorName: z.string(),
  campusName: z.string(),
  cap: z.number(),
  held: z.number(),
  left: z.number(),
  qualified: z.boolean(),
  filed: z.boolean(),
  /** The rank of this programme in the family's confirmed application, if chosen there. */
  choiceRank: z.number().nullable(),
  /** qualified, filed, with early-transfer seats left */
  choosable: z.boolean(),
});
export const transferProblem = z.object({ code: z.string(), rule: z.string(), zh: z.string(), en: z.string() });
export const myEarlyTransfer = z.object({
  window: z.enum(['before', 'open', 'after']),
  opensOn: isoDate,
  closesOn: isoDate,
  curriculumConfirmed: z.boolean(),
  /** What keeps the family from asking now, rules named (empty: it may ask). */
  problems: z.array(transferProblem),
  current: earlyTransferDetail.nullable(),
  past: z.array(earlyTransfer),
  programmes: z.array(earlyTransferProgramme),
});
export type MyEarlyTransfer = z.infer<typeof myEarlyTransfer>;

export const requestEarlyTransferBody = z.object({ programmeId: z.number().int().positive() });
export const changeEarlyTransferBody = z.object({ programmeId: z.number().int().positive(), version });
export const versionBody = z.object({ version });
export const reasonBody = z.object({ reason, version: version.optional() });

// ---------------------------------------------------------------- junior high: the curriculum (R13)

export const curriculumBody = z.object({
  studentIds: z.array(z.number().int().positive()).min(1).max(2000),
  completed: z.boolean(),
  completedOn: isoDate.optional(),
});
export const curriculumResponse = z.object({ updated: z.number(), unchanged: z.number() });
export const curriculumStudent = z.object({
  id: z.number(), name: z.string(), examNo: z.string(), className: z.string(), track: z.enum(['vocational', 'general']).nullable(),
  applicationStatus: z.string(), curriculumCompletedOn: isoDate.nullable(), transferStatus: transferStatusSchema.nullable(),
});
export const curriculumQuery = pageQuery.extend({ campaignId: z.coerce.number().int().positive().optional(), className: z.string().trim().max(40).optional(), q: z.string().trim().max(40).optional() });
export const curriculumList = page(curriculumStudent).extend({ classes: z.array(z.string()), completed: z.number() });

// ---------------------------------------------------------------- the combined list (汇总名单)

export const transferListView = z.object({
  id: z.number(),
  campaignId: z.number(),
  status: transferListStatusSchema,
  juniorHighId: z.number(),
  juniorHighName: z.string(),
  schoolId: z.number(),
  schoolName: z.string(),
  count: z.number(),
  seals: z.array(sealView),
  code: z.string().nullable(),
  filingNumber: z.string().nullable(),
  filedOn: isoDate.nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type TransferListView = z.infer<typeof transferListView>;
export const transferListItem = z.object({
  transferId: z.number(), studentName: z.string(), examNo: z.string(), gender: z.enum(['male', 'female']), className: z.string(),
  majorName: z.string(), campusName: z.string(), status: transferStatusSchema,
});
export const transferListDetail = transferListView.extend({
  items: z.array(transferListItem),
  actions: z.array(z.enum(['seal', 'withdraw', 'file'])),
});
export type TransferListDetail = z.infer<typeof transferListDetail>;
export const transferListQuery = pageQuery.extend({
  campaignId: z.coerce.number().int().positive().optional(),
  status: transferListStatusSchema.optional(),
});
export const transferListPage = page(transferListView);
export const createTransferListBody = z.object({ campaignId: z.number().int().positive(), juniorHighId: z.number().int().positive(), schoolId: z.number().int().positive() });
/** Pairs (junior high, vocational school) with forms sealed by both and not yet on a list. */
export const transferListCandidates = z.object({
  items: z.array(z.object({ juniorHighId: z.number(), juniorHighName: z.string(), schoolId: z.number(), schoolName: z.string(), sealed: z.number() })),
});

// ---------------------------------------------------------------- exam preparation and results (R14)

export const examPrepCourse = z.object({ subject: z.string().trim().min(1).max(20), teacher: z.string().trim().min(1).max(40), hoursPerWeek: z.number().min(0.5).max(40) });
export const examPrepBody = z.object({
  campaignId: z.number().int().positive(),
  juniorHighId: z.number().int().positive(),
  mode: z.enum(examPrepModes),
  courses: z.array(examPrepCourse).max(12),
  notes: z.string().trim().max(1000).default(''),
});
export const examPrep = z.object({
  schoolId: z.number(), schoolName: z.string(), juniorHighId: z.number(), juniorHighName: z.string(), students: z.number(),
  mode: z.enum(examPrepModes).nullable(), courses: z.array(examPrepCourse), notes: z.string(), updatedAt: z.string().nullable(),
});
export const examPrepList = z.object({ items: z.array(examPrep) });
export const examPrepQuery = z.object({ campaignId: z.coerce.number().int().positive().optional() });
export const examResultBody = z.object({ subjects: z.array(examSubjectResult).min(1).max(12) });

// ---------------------------------------------------------------- the register and counts (R1, R2)

export const earlyTransferReport = z.object({
  campaignId: z.number(),
  totals: z.object({ pending: z.number(), filed: z.number(), returned: z.number(), refusedOrWithdrawn: z.number() }),
  bySchool: z.array(z.object({
    schoolId: z.number(), schoolName: z.string(), runBy: z.enum(['district', 'city']), cap: z.number(), pending: z.number(), filed: z.number(), returned: z.number(),
  })),
  byJuniorHigh: z.array(z.object({
    juniorHighId: z.number(), juniorHighName: z.string(), sendingTarget: z.number().nullable(), vocationalConfirmed: z.number(), pending: z.number(), filed: z.number(),
  })),
  /** R1: filed early transfers to district-run schools count toward N_district. */
  nDistrict: z.object({ target: z.number(), filedDistrictRun: z.number() }),
  exam: z.array(z.object({
    schoolId: z.number(), schoolName: z.string(), students: z.number(), withResults: z.number(), satAll: z.number(), passedAll: z.number(),
    bySubject: z.array(z.object({ subject: z.string(), sat: z.number(), passed: z.number() })),
  })),
});
export const reportQuery = z.object({ campaignId: z.coerce.number().int().positive().optional() });

// ---------------------------------------------------------------- seat caps (part of the planned seats)

export const earlyTransferCapRow = z.object({
  programmeId: z.number(), schoolId: z.number(), schoolName: z.string(), majorName: z.string(), campusName: z.string(),
  seats: z.number(), cap: z.number(), held: z.number(), filed: z.number(),
  /** Planned seats less those held by filed early transfers: what the central admission fills (R15). */
  seatsForAdmission: z.number(),
  /** The caller may set this cap (its own school; a district its district-run ones; the city any). */
  editable: z.boolean(),
});
export const earlyTransferCaps = z.object({ campaignId: z.number(), rows: z.array(earlyTransferCapRow) });
export const earlyTransferCapsBody = z.object({ rows: z.array(z.object({ programmeId: z.number().int().positive(), cap: z.number().int().min(0).max(100_000) })).min(1).max(2000) });
