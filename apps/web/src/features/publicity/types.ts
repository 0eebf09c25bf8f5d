/**
 * Publicity response types (R3, R4, R6, R7) inferred from the contracts' zod schemas, as
 * types only so zod stays out of the browser bundle.
 */
import type {
  alliance,
  allianceListResponse,
  brochureChange,
  brochureDetail,
  brochureEvent,
  brochureFacts,
  brochureListResponse,
  brochureSection,
  brochureSummary,
  feeItem,
  major,
  majorListResponse,
  plannedSeatsResponse,
  publicBrochure,
  publicBrochureDetail,
  publicBrochureList,
  qualificationListResponse,
  verifyResponse,
} from '@zhizhao/contracts';
import type { Infer } from '../../lib/types';


export type Major = Infer<typeof major>;
export type MajorPage = Infer<typeof majorListResponse>;
export type MajorCategory = Major['category'];
export type FeeItem = Infer<typeof feeItem>;
export type PlannedSeats = Infer<typeof plannedSeatsResponse>;
export type PlannedSeatsRow = PlannedSeats['rows'][number];
export type QualificationList = Infer<typeof qualificationListResponse>;
export type QualificationRow = QualificationList['rows'][number];
export type Alliance = Infer<typeof alliance>;
export type AllianceList = Infer<typeof allianceListResponse>;
export type BrochureSummary = Infer<typeof brochureSummary>;
export type BrochurePage = Infer<typeof brochureListResponse>;
export type BrochureDetail = Infer<typeof brochureDetail>;
export type BrochureFacts = Infer<typeof brochureFacts>;
export type BrochureSection = Infer<typeof brochureSection>;
export type BrochureChange = Infer<typeof brochureChange>;
export type BrochureEvent = Infer<typeof brochureEvent>;
export type BrochureStatus = BrochureSummary['status'];
export type BrochureAction = BrochureDetail['actions'][number];
export type PublicBrochure = Infer<typeof publicBrochure>;
export type PublicBrochureList = Infer<typeof publicBrochureList>;
export type PublicBrochureDetail = Infer<typeof publicBrochureDetail>;
export type VerifyResponse = Infer<typeof verifyResponse>;
export type VerifyStatus = VerifyResponse['status'];

/** What an Excel import answers: a dry run lists the bad rows or the counts it would write. */
export type ImportRowError = { row: number; column: string; reason: string };
export type ExcelImportResult = { dryRun: boolean; created?: number; updated?: number; unchanged?: number; errors: ImportRowError[] };
