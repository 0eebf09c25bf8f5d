/**
 * Admission-round types (issue 11: R15, R5) inferred from the contracts' zod schemas, as types
 * only so zod stays out of the browser bundle.
 */
import type {
  admissionBatch,
  admissionPage,
  admissionRow,
  admissionRun,
  batchBody,
  batchList,
  earlyTransferCaps,
  jobView,
  myAdmission,
  publicCutoffs,
  registrationCandidates,
  returnList,
  returnRequest,
  runDetail,
  runList,
  runPlacementsPage,
  scoreImportResult,
  scoreRowsPage,
  scoreSet,
  scoreSetList,
  solicitationBody,
} from '@zhizhao/contracts';
import type { Infer, Input } from '../../lib/types';

export type ScoreSet = Infer<typeof scoreSet>;
export type ScoreSetList = Infer<typeof scoreSetList>;
export type ScoreImportResult = Infer<typeof scoreImportResult>;
export type ScoreRowsPage = Infer<typeof scoreRowsPage>;
export type ScoreRow = ScoreRowsPage['items'][number];

export type AdmissionBatch = Infer<typeof admissionBatch>;
export type BatchList = Infer<typeof batchList>;
export type BatchBody = Input<typeof batchBody>;
export type BatchKind = AdmissionBatch['kind'];

export type AdmissionRun = Infer<typeof admissionRun>;
export type RunStatus = AdmissionRun['status'];
export type RunList = Infer<typeof runList>;
export type RunDetail = Infer<typeof runDetail>;
export type RunProgramme = RunDetail['programmes'][number];
export type RunJuniorHigh = RunDetail['juniorHighs'][number];
export type RunPlacementsPage = Infer<typeof runPlacementsPage>;
export type RunPlacement = RunPlacementsPage['items'][number];
export type RunLines = { minScore?: number | null; programmeLines?: { programmeId: number; minScore: number }[] };

export type AdmissionRow = Infer<typeof admissionRow>;
export type AdmissionPage = Infer<typeof admissionPage>;
export type AdmissionStatus = AdmissionRow['status'];
export type ChoiceRank = AdmissionRow['choiceRank'];

export type ReturnRequest = Infer<typeof returnRequest>;
/** The list carries the campaign's return reasons too (the server's response adds them). */
export type ReturnList = Infer<typeof returnList> & { reasons?: string[] };
export type ReturnStatus = ReturnRequest['status'];

export type RegistrationCandidates = Infer<typeof registrationCandidates>;
export type RegistrationCandidate = RegistrationCandidates['items'][number];
export type RegistrationProgramme = RegistrationCandidates['programmes'][number];

export type JobView = Infer<typeof jobView>;
export type PublicCutoffs = Infer<typeof publicCutoffs>;
export type MyAdmission = Infer<typeof myAdmission>;
export type MyResult = MyAdmission['results'][number];
export type Solicitation = NonNullable<MyAdmission['solicitation']>;
export type SolicitationBody = Input<typeof solicitationBody>;

/** The campaign's programmes as the seat caps list them (school, major, campus, seats for admission). */
export type ProgrammeOption = Infer<typeof earlyTransferCaps>['rows'][number];
