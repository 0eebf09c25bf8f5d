/**
 * Applications (issue 9: R5, R8, R11, R12, R21): the roster of students, their family accounts,
 * the application (志愿) with its confirmations, the cross-system duplicate check, pressure
 * reports, the live picture, guidance and open days, social applicants, the notification outbox.
 * Personal data is masked in every response (`idMasked`, `phoneMasked`); only
 * `POST /api/students/:id/reveal` returns a whole value, and it is audited.
 */
import { z } from 'zod';
import { applicationStatuses, educationLevels, idTypes, socialCategories, tracks } from '@zhizhao/domain';
import { isoDate, page, pageQuery } from './common';
import { importRowError } from './organizations';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
export const trackSchema = z.enum(tracks);
export const applicationStatusSchema = z.enum(applicationStatuses);
export const enteredBySchema = z.enum(['student', 'guardian', 'staff']);
export const genderSchema = z.enum(['male', 'female']);
export const cohortSchema = z.enum(['current', 'past']);
export const idTypeSchema = z.enum(idTypes);

// ---------------------------------------------------------------- roster (学生名册)

/** A student as lists show them: masked, never a whole ID number or phone. */
export const student = z.object({
  id: z.number(),
  campaignId: z.number(),
  kind: z.enum(['grade9', 'social']),
  juniorHighId: z.number().nullable(),
  juniorHighName: z.string().nullable(),
  name: z.string(),
  gender: genderSchema,
  idType: idTypeSchema,
  idMasked: z.string(),
  examNo: z.string(),
  className: z.string(),
  cohort: cohortSchema,
  hukouDistrict: z.string(),
  guardianName: z.string(),
  guardianRelation: z.string(),
  phoneMasked: z.string(),
  /** none (no slip yet) | issued (slip printed, not signed in) | active (password changed) */
  account: z.enum(['none', 'issued', 'active']),
  track: trackSchema.nullable(),
  applicationStatus: applicationStatusSchema,
  active: z.boolean(),
});
export type Student = z.infer<typeof student>;

export const studentListQuery = pageQuery.extend({
  juniorHighId: z.coerce.number().int().positive().optional(),
  className: z.string().trim().max(40).optional(),
  /** name or exam number (prefix) */
  q: z.string().trim().max(40).optional(),
  track: z.enum([...tracks, 'undecided']).optional(),
  status: applicationStatusSchema.optional(),
});
export const studentListResponse = page(student).extend({ classes: z.array(z.string()) });

export const studentTransfer = z.object({ id: z.number(), fromJuniorHighName: z.string(), toJuniorHighName: z.string(), reason: z.string(), createdAt: z.string(), createdBy: z.string().nullable() });
export const studentDetail = student.extend({
  transfers: z.array(studentTransfer),
  application: z.lazy(() => applicationView).nullable(),
});

const studentFields = {
  name: z.string().trim().min(1).max(40),
  gender: genderSchema,
  idType: idTypeSchema.default('resident_id'),
  idNumber: z.string().trim().min(5).max(30),
  examNo: z.string().trim().regex(/^[A-Za-z0-9-]{4,20}$/, '4–20 letters, digits or -'),
  className: z.string().trim().max(40).default(''),
  cohort: cohortSchema.default('current'),
  hukouDistrict: z.string().trim().max(40).default(''),
  guardianName: z.string().trim().min(1).max(40),
  guardianRelation: z.string().trim().min(1).max(20),
  guardianPhone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'a mobile (11 digits) or a landline'),
};
/** `POST /api/campaigns/:id/students` (junior high: its own; district: `juniorHighId` required). */
export const createStudentBody = z.object({ ...studentFields, juniorHighId: z.number().int().positive().optional() });
export const updateStudentBody = z.object(studentFields).partial().refine((b) => Object.keys(b).length > 0, 'nothing to change');

/** Reveal one whole value, with a reason (audited). */
export const revealBody = z.object({ field: z.enum(['idNumber', 'guardianPhone']), reason: z.string().trim().min(2).max(200) });
export const revealResponse = z.object({ field: z.enum(['idNumber', 'guardianPhone']), value: z.string() });

export const transferBody = z.object({ toJuniorHighId: z.number().int().positive(), reason: z.string().trim().min(2).max(200) });
/** A new slip secret (the old one stops working; sessions end). */
export const resetCredentialsBody = z.object({ what: z.enum(['password', 'guardian_code', 'both']) });

export const studentImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  skipInvalid: z.enum(['true', 'false']).default('false'),
});
export const studentImportResponse = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  errors: z.array(importRowError),
});
export const slipsQuery = z.object({ juniorHighId: z.coerce.number().int().positive().optional(), className: z.string().trim().max(40).optional(), studentId: z.coerce.number().int().positive().optional() });

// ---------------------------------------------------------------- the application (志愿)

export const programme = z.object({
  programmeId: z.number(),
  schoolId: z.number(),
  schoolName: z.string(),
  runBy: z.enum(['district', 'city']),
  ownership: z.enum(['public', 'private']).nullable(),
  majorCode: z.string(),
  majorName: z.string(),
  category: z.enum(['art', 'general']),
  campusName: z.string(),
  lengthYears: z.number(),
  seats: z.number(),
  /** The school's current filed brochure (one click away), when it has one. */
  brochureId: z.number().nullable(),
  filingNumber: z.string().nullable(),
  qualified: z.boolean(),
  /** qualified, filed and with seats: may be chosen */
  choosable: z.boolean(),
});
export type Programme = z.infer<typeof programme>;
export const programmeList = z.object({ items: z.array(programme), maxChoices: z.number() });

export const applicationChoice = z.object({ rank: z.number(), programmeId: z.number(), schoolName: z.string(), majorName: z.string(), campusName: z.string() });

/** `GET /api/me/application` (student, guardian) and inside a student's detail. */
export const applicationView = z.object({
  studentId: z.number(),
  campaignId: z.number(),
  studentName: z.string(),
  examNo: z.string(),
  juniorHighName: z.string().nullable(),
  social: z.boolean(),
  track: trackSchema.nullable(),
  choices: z.array(applicationChoice),
  acceptAdjustment: z.boolean(),
  version: z.number(),
  status: applicationStatusSchema,
  enteredBy: enteredBySchema.nullable(),
  enteredAt: z.string().nullable(),
  studentConfirmedAt: z.string().nullable(),
  guardianConfirmedAt: z.string().nullable(),
  /** Who still has to confirm the current version. */
  pendingConfirmers: z.array(z.enum(['student', 'guardian'])),
  /** The application window and whether changes are still possible. */
  window: z.object({ from: isoDate, to: isoDate, open: z.boolean(), daysLeft: z.number().nullable() }),
  maxChoices: z.number(),
  /** The signed code of the confirmed 志愿表 (verifiable at /verify/<code>), once confirmed. */
  verifyCode: z.string().nullable(),
});
export type ApplicationView = z.infer<typeof applicationView>;

/** `PUT /api/me/application` and `PUT /api/students/:id/application` (staff on the family's behalf). */
export const saveApplicationBody = z.object({
  track: trackSchema.nullable(),
  choices: z.array(z.object({ programmeId: z.number().int().positive() })).max(50),
  acceptAdjustment: z.boolean().default(false),
});
export const confirmApplicationBody = z.object({ version: z.number().int().min(1) });

export const applicationHistoryItem = z.object({
  at: z.string(),
  action: z.enum(['save', 'confirm', 'resolve_conflict']),
  by: enteredBySchema,
  version: z.number(),
  track: trackSchema.nullable(),
  choices: z.array(z.number()),
  acceptAdjustment: z.boolean().nullable(),
});
export const applicationHistory = z.object({ items: z.array(applicationHistoryItem) });

/** `GET /api/me` for a family account: who is signed in, for which student. */
export const familyMe = z.object({
  role: z.enum(['student', 'guardian']),
  studentId: z.number(),
  studentName: z.string(),
  examNo: z.string(),
  juniorHighName: z.string().nullable(),
  className: z.string(),
  guardianName: z.string(),
  phoneMasked: z.string(),
  social: z.boolean(),
});

/** Guardian sign-in: the student's exam number and the guardian's code from the slip. */
export const guardianLoginBody = z.object({ examNo: z.string().trim().min(1).max(40), code: z.string().trim().min(1).max(40) });

export const pressureReportKinds = ['pressure_choice', 'kept_from_exam', 'other'] as const;
export const pressureReportBody = z.object({ kind: z.enum(pressureReportKinds), description: z.string().trim().min(5).max(2000) });
export const pressureReport = z.object({
  id: z.number(),
  campaignId: z.number(),
  juniorHighId: z.number().nullable(),
  juniorHighName: z.string().nullable(),
  /** Visible to the bureau only: the student, masked phone of the guardian, and who reported. */
  studentId: z.number(),
  studentName: z.string(),
  examNo: z.string(),
  reporter: z.enum(['student', 'guardian']),
  phoneMasked: z.string(),
  kind: z.enum(pressureReportKinds),
  description: z.string(),
  status: z.enum(['open', 'acknowledged']),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export const pressureReportList = page(pressureReport);
export const pressureReportListQuery = pageQuery.extend({ campaignId: z.coerce.number().int().positive().optional(), status: z.enum(['open', 'acknowledged']).optional() });

// ---------------------------------------------------------------- the live picture (R11, R12, 统筹)

/** `GET /api/applications/summary` — a contract other checks rely on; counts confirmed applications. */
export const applicationSummary = z.object({
  campaignId: z.number(),
  district: z.object({
    graduates: z.number(),
    vocational: z.number(),
    general: z.number(),
    undecided: z.number(),
    /** vocational / (vocational + general), null when nobody has decided */
    vocationalShare: z.number().nullable(),
    ratioTarget: z.number(),
  }),
  juniorHighs: z.array(z.object({ organizationId: z.number(), graduates: z.number(), sendingTarget: z.number().nullable(), vocational: z.number(), general: z.number(), undecided: z.number() })),
});
export const summaryQuery = z.object({ campaignId: z.coerce.number().int().positive().optional() });

/** `GET /api/applications/overview`: the live picture's per-junior-high table and the district's split. */
export const overviewRow = z.object({
  organizationId: z.number(),
  code: z.string(),
  name: z.string(),
  roster: z.number(),
  sendingTarget: z.number().nullable(),
  vocational: z.number(),
  general: z.number(),
  undecided: z.number(),
  /** chose a track but not yet confirmed by both */
  pending: z.number(),
  /** vocational / sending target */
  progress: z.number().nullable(),
  /** share of applications whose current version was entered by staff */
  onBehalfShare: z.number().nullable(),
  changesAfterStaff: z.number(),
  pressureReports: z.number(),
  guidanceSessions: z.number(),
  openConflicts: z.number(),
});
export const applicationOverview = z.object({
  campaignId: z.number(),
  today: isoDate,
  window: z.object({ from: isoDate, to: isoDate }),
  ratioTarget: z.number(),
  nDistrict: z.number(),
  nTotal: z.number(),
  totals: overviewRow.omit({ organizationId: true, code: true, name: true }),
  vocationalShare: z.number().nullable(),
  /** R1, 统筹: confirmed vocational applicants by the first choice's school: district-run vs city-run. */
  firstChoiceDistrictRun: z.number(),
  firstChoiceCityRun: z.number(),
  /** Confirmed first choices per school. */
  bySchool: z.array(z.object({ schoolId: z.number(), schoolName: z.string(), runBy: z.enum(['district', 'city']), firstChoices: z.number(), anyChoice: z.number(), seats: z.number() })),
  juniorHighs: z.array(overviewRow),
});
export const cityOverview = z.object({
  year: z.number(),
  districts: z.array(z.object({ campaignId: z.number(), districtId: z.number(), districtName: z.string(), graduates: z.number(), vocational: z.number(), general: z.number(), undecided: z.number(), pending: z.number(), vocationalShare: z.number().nullable(), ratioTarget: z.number(), nTotal: z.number(), pressureReports: z.number() })),
});

// ---------------------------------------------------------------- duplicates across systems (查重)

export const trackConflict = z.object({
  id: z.number(),
  studentId: z.number(),
  studentName: z.string(),
  examNo: z.string(),
  juniorHighId: z.number().nullable(),
  juniorHighName: z.string().nullable(),
  matchedBy: z.enum(['exam_no', 'id_number']),
  resolution: z.enum(['keep_vocational', 'keep_general']).nullable(),
  note: z.string(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const trackConflictList = page(trackConflict);
export const trackConflictQuery = pageQuery.extend({ open: z.enum(['true', 'false']).optional() });
export const resolveConflictBody = z.object({ resolution: z.enum(['keep_vocational', 'keep_general']), note: z.string().trim().min(2).max(500) });
export const generalListImportResponse = z.object({ rows: z.number(), matched: z.number(), newConflicts: z.number(), errors: z.array(importRowError) });

// ---------------------------------------------------------------- guidance (R8) and open days

export const guidanceKinds = ['class_meeting', 'parents_meeting', 'lecture', 'other'] as const;
export const guidanceBody = z.object({
  date: isoDate,
  kind: z.enum(guidanceKinds),
  audience: z.enum(['students', 'parents', 'both']),
  attendees: z.number().int().min(0).max(100_000),
  schoolIds: z.array(z.number().int().positive()).max(30).default([]),
  note: z.string().trim().max(500).default(''),
});
export const guidanceSession = guidanceBody.extend({ id: z.number(), juniorHighId: z.number(), juniorHighName: z.string(), schoolNames: z.array(z.string()), createdAt: z.string() });
export const guidanceList = z.object({ items: z.array(guidanceSession) });
export const guidanceQuery = z.object({ juniorHighId: z.coerce.number().int().positive().optional() });

export const openDayBody = z.object({ campusId: z.number().int().positive(), date: isoDate, start: hhmm, end: hhmm, title: z.string().trim().min(2).max(60), note: z.string().trim().max(500).default('') });
export const openDay = openDayBody.extend({ id: z.number(), organizationId: z.number(), schoolName: z.string(), campusName: z.string(), address: z.string() });
export const openDayList = z.object({ items: z.array(openDay) });
export const openDayQuery = z.object({ year: z.coerce.number().int().optional(), organizationId: z.coerce.number().int().positive().optional() });

// ---------------------------------------------------------------- social applicants (R5)

export const socialRegistrationBody = z.object({
  campaignId: z.number().int().positive(),
  name: z.string().trim().min(1).max(40),
  gender: genderSchema,
  idType: idTypeSchema,
  idNumber: z.string().trim().min(5).max(30),
  category: z.enum(socialCategories),
  education: z.enum(educationLevels),
  phone: studentFields.guardianPhone,
});
/** `GET /api/public/campaigns/open`: campaigns whose application window is open today (the public form's choice). */
export const openCampaignList = z.object({
  items: z.array(z.object({ id: z.number(), name: z.string(), districtName: z.string(), year: z.number(), window: z.object({ from: isoDate, to: isoDate }) })),
});
export const socialRegistrationReceipt = z.object({ trackingNo: z.string(), message: z.object({ zh: z.string(), en: z.string() }) });
export const socialRegistration = z.object({
  id: z.number(),
  campaignId: z.number(),
  trackingNo: z.string(),
  name: z.string(),
  gender: genderSchema,
  idType: idTypeSchema,
  idMasked: z.string(),
  category: z.enum(socialCategories),
  education: z.enum(educationLevels),
  phoneMasked: z.string(),
  status: z.enum(['pending', 'confirmed', 'rejected']),
  decidedByOrgName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  studentId: z.number().nullable(),
  registrationNo: z.string().nullable(),
  createdAt: z.string(),
});
export const socialRegistrationList = page(socialRegistration);
export const socialRegistrationQuery = pageQuery.extend({ campaignId: z.coerce.number().int().positive().optional(), status: z.enum(['pending', 'confirmed', 'rejected']).optional(), q: z.string().trim().max(40).optional() });
/** In person: the clerk checked the document against the registration. */
export const confirmSocialBody = z.object({ idNumber: z.string().trim().min(5).max(30), idChecked: z.literal(true) });
export const confirmSocialResponse = z.object({ registration: socialRegistration, registrationNo: z.string(), initialPassword: z.string() });
export const rejectSocialBody = z.object({ reason: z.string().trim().min(2).max(200) });

// ---------------------------------------------------------------- what vocational schools see

/** `GET /api/school/applicants`: only applicants who chose one of the school's programmes, only what it needs. */
export const schoolApplicant = z.object({
  studentId: z.number(),
  name: z.string(),
  gender: genderSchema,
  examNo: z.string(),
  juniorHighName: z.string().nullable(),
  social: z.boolean(),
  rank: z.number(),
  programmeId: z.number(),
  majorName: z.string(),
  campusName: z.string(),
  acceptAdjustment: z.boolean(),
  status: applicationStatusSchema,
});
export const schoolApplicantList = page(schoolApplicant);
export const schoolApplicantQuery = pageQuery.extend({ campaignId: z.coerce.number().int().positive().optional(), programmeId: z.coerce.number().int().positive().optional(), status: applicationStatusSchema.optional() });

// ---------------------------------------------------------------- notifications (outbox)

export const notification = z.object({ id: z.number(), campaignId: z.number(), studentId: z.number().nullable(), recipient: z.enum(['student', 'guardian']), template: z.string(), to: z.string(), body: z.string(), provider: z.string(), status: z.string(), createdAt: z.string() });
export const notificationList = page(notification);
export const notificationQuery = pageQuery.extend({ campaignId: z.coerce.number().int().positive().optional(), template: z.string().max(40).optional() });
export const remindersResponse = z.object({ queued: z.number() });
