/**
 * After admission (issue 12: R16, R17, R18): 报到 (registration at the school), 外流 (no-shows
 * and the source junior high's follow-up), 新生关爱 (class, homeroom teacher, aid, hardship) and
 * 送培统计 (the October sending statistics per source junior high), with the funnel against the
 * targets. The intake of a school is every student admitted to it (status admitted) and every
 * filed early transfer to it (R13/R14); each is pending, registered or a no-show.
 */
import { z } from 'zod';
import { contactKinds, contactParties, hardshipEvidence, noShowReasons } from '@zhizhao/domain';
import { isoDate, MAX_ID, page, pageQuery } from './common';

const id = z.coerce.number().int().positive().max(MAX_ID);
const text = (max: number) => z.string().trim().max(max);

export const intakeSources = ['admission', 'early_transfer'] as const;
export const intakeStates = ['pending', 'registered', 'no_show'] as const;
export type IntakeState = (typeof intakeStates)[number];

// The reasons, contact kinds and parties and the hardship evidence, with their words, are the domain's (zod-free, for the web too).
export { contactKindLabels, contactKinds, contactParties, contactPartyLabels, hardshipEvidence, hardshipEvidenceLabels, noShowReasonLabels, noShowReasons } from '@zhizhao/domain';
export type NoShowReason = (typeof noShowReasons)[number];

export const careRecord = z.object({
  className: text(40),
  homeroomTeacher: text(40),
  /** 免学费 */
  tuitionFree: z.boolean(),
  /** 国家助学金 */
  grant: z.boolean(),
  /** 家庭经济困难 */
  hardship: z.boolean(),
  hardshipEvidence: z.enum(hardshipEvidence).nullable(),
});
export type CareRecord = z.infer<typeof careRecord>;

export const intakeRow = z.object({
  studentId: z.number(),
  examNo: z.string(),
  studentName: z.string(),
  gender: z.enum(['male', 'female']),
  juniorHighId: z.number().nullable(),
  juniorHighName: z.string().nullable(),
  source: z.enum(intakeSources),
  admissionId: z.number().nullable(),
  earlyTransferId: z.number().nullable(),
  schoolId: z.number(),
  schoolName: z.string(),
  programmeId: z.number(),
  majorName: z.string(),
  campusName: z.string(),
  state: z.enum(intakeStates),
  registeredOn: z.string().nullable(),
  registeredCampusName: z.string().nullable(),
  noShowReason: z.enum(noShowReasons).nullable(),
  noShowNote: z.string().nullable(),
  /** True when the deadline made the no-show (nobody has given a reason yet). */
  noShowByDeadline: z.boolean(),
  care: careRecord.nullable(),
  contacts: z.number(),
  lastContact: z.object({ on: z.string(), kind: z.enum(contactKinds), result: z.string() }).nullable(),
});
export type IntakeRow = z.infer<typeof intakeRow>;

export const intakeQuery = pageQuery.extend({
  campaignId: id.optional(),
  schoolId: id.optional(),
  juniorHighId: id.optional(),
  /** One state, or `open`: not registered (pending and no-shows), what a junior high follows up. */
  state: z.enum([...intakeStates, 'open']).optional(),
  /** Admitted in the round, or studying early (a filed early-transfer list, registered together). */
  source: z.enum(intakeSources).optional(),
  /** Registered students whose class, teacher or aid is not recorded yet. */
  careMissing: z.enum(['true', 'false']).optional(),
  q: text(50).optional(),
});
export const intakeCounts = z.object({ total: z.number(), pending: z.number(), registered: z.number(), noShow: z.number() });
export const intakePage = page(intakeRow).extend({
  counts: intakeCounts,
  /** The campaign's registration window (phases.registration) and today's date on the campaign's clock. */
  window: z.object({ from: z.string(), to: z.string() }),
  today: z.string(),
  campaignId: z.number(),
});
export type IntakePage = z.infer<typeof intakePage>;

/** A scanned letter's code, or the student chosen from a search. */
export const registerBody = z
  .object({ letterCode: text(2000).min(1).optional(), studentId: id.optional(), campusId: id.optional() })
  .refine((b) => (b.letterCode ? 1 : 0) + (b.studentId ? 1 : 0) === 1, { message: '须提供录取通知书二维码或学生之一', path: ['letterCode'] });
/** What a scan finds before the clerk confirms. */
export const intakeLookupQuery = z.object({ letterCode: text(2000).min(1) });

export const noShowBody = z.object({ reason: z.enum(noShowReasons), note: text(500).default('') });
export const withdrawNoShowBody = z.object({ reason: text(500).min(2) });

export const contactBody = z.object({
  kind: z.enum(contactKinds),
  party: z.enum(contactParties).default('family'),
  on: isoDate,
  result: text(500).min(1),
});
export const contactRow = z.object({
  id: z.number(),
  kind: z.enum(contactKinds),
  party: z.enum(contactParties),
  on: z.string(),
  result: z.string(),
  organizationName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const contactList = z.object({ items: z.array(contactRow) });
export const studentParam = z.object({ studentId: id });

// ------------------------------------------------------------------ 送培统计 (R18)
export const ackStates = ['pending', 'acknowledged', 'disputed'] as const;
export const sendingCounts = z.object({
  admitted: z.number().int().min(0),
  earlyTransfer: z.number().int().min(0),
  registered: z.number().int().min(0),
  noShow: z.number().int().min(0),
  pending: z.number().int().min(0),
});
export type SendingCounts = z.infer<typeof sendingCounts>;
export const sendingRow = sendingCounts.extend({
  schoolId: z.number(),
  schoolName: z.string(),
  juniorHighId: z.number(),
  juniorHighName: z.string(),
  noShowByReason: z.record(z.string(), z.number()),
  /** Figures the school changed from the records, with its reason. */
  correction: z.object({ reason: z.string(), computed: sendingCounts }).nullable(),
  ack: z.enum(ackStates).nullable(),
  ackNote: z.string().nullable(),
  answer: z.string().nullable(),
});
export type SendingRow = z.infer<typeof sendingRow>;
export const sendingStatus = z.object({
  schoolId: z.number(),
  schoolName: z.string(),
  submitted: z.boolean(),
  submittedAt: z.string().nullable(),
  overdue: z.boolean(),
  rows: z.number(),
  acknowledged: z.number(),
  disputed: z.number(),
});
/** `GET /api/statistics/sending` (the contract other checks rely on): for every row admitted + earlyTransfer == registered + noShow + pending. */
export const sendingStatistics = z.object({
  campaignId: z.number(),
  deadline: z.string(),
  today: z.string(),
  items: z.array(sendingRow),
  status: z.array(sendingStatus),
});
export type SendingStatistics = z.infer<typeof sendingStatistics>;
export const statisticsQuery = z.object({ campaignId: id.optional(), schoolId: id.optional(), juniorHighId: id.optional() });

export const submitStatisticsBody = z.object({
  campaignId: id.optional(),
  corrections: z.array(sendingCounts.extend({ juniorHighId: id, reason: text(500).min(2) })).max(1000).default([]),
});
export const ackStatisticsBody = z.object({
  campaignId: id.optional(),
  schoolId: id,
  decision: z.enum(['acknowledged', 'disputed']),
  note: text(500).default(''),
});
export const answerDisputeBody = z.object({
  campaignId: id.optional(),
  juniorHighId: id,
  answer: text(500).min(2),
  /** The corrected figures, if the dispute was right. */
  correction: sendingCounts.optional(),
});

// ------------------------------------------------------------------ against the targets (R1, R2, R12)
export const funnelRow = z.object({
  juniorHighId: z.number(),
  juniorHighName: z.string(),
  graduates: z.number(),
  sendingTarget: z.number().nullable(),
  vocationalApplications: z.number(),
  admitted: z.number(),
  registered: z.number(),
  noShow: z.number(),
});
export const funnel = z.object({
  campaignId: z.number(),
  district: z.object({
    districtId: z.number(),
    districtName: z.string(),
    nDistrict: z.number(),
    nTotal: z.number(),
    registeredDistrictRun: z.number(),
    registeredCityRun: z.number(),
    registeredTotal: z.number(),
    /** Confirmed general-high applicants plus no-shows who went to a general high. */
    general: z.number(),
    vocationalShare: z.number().nullable(),
    ratioTarget: z.number(),
  }),
  juniorHighs: z.array(funnelRow),
  /** Registrations per day of the registration window (cumulative as well). */
  trend: z.array(z.object({ date: z.string(), registered: z.number(), cumulative: z.number() })),
});
export type Funnel = z.infer<typeof funnel>;
/** The city's districts side by side. */
export const cityFunnel = z.object({ items: z.array(funnel.shape.district.extend({ campaignId: z.number(), year: z.number() })) });
