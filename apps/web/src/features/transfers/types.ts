/**
 * Early-transfer types (issue 10: R13, R14) inferred from the contracts' zod schemas, as types
 * only so zod stays out of the browser bundle.
 */
import type {
  curriculumBody,
  curriculumList,
  curriculumResponse,
  earlyTransfer,
  earlyTransferCaps,
  earlyTransferCapsBody,
  earlyTransferDetail,
  earlyTransferList,
  earlyTransferReport,
  examPrep,
  examPrepBody,
  examPrepList,
  examResultBody,
  myEarlyTransfer,
  sealView,
  transferListCandidates,
  transferListDetail,
  transferListPage,
  transferListView,
} from '@zhizhao/contracts';
import type { Infer, Input } from '../../lib/types';

export type EarlyTransfer = Infer<typeof earlyTransfer>;
export type EarlyTransferDetail = Infer<typeof earlyTransferDetail>;
export type EarlyTransferPage = Infer<typeof earlyTransferList>;
export type TransferStatus = EarlyTransfer['status'];
export type TransferAction = EarlyTransferDetail['actions'][number];
export type TransferContent = EarlyTransferDetail['content'];
export type HistoryEntry = EarlyTransferDetail['history'][number];
export type ExamResult = NonNullable<EarlyTransferDetail['examResult']>;
export type ExamSubject = ExamResult['subjects'][number];
export type ExamResultBody = Infer<typeof examResultBody>;
export type Seal = Infer<typeof sealView>;
export type SealParty = Seal['party'];

export type TransferList = Infer<typeof transferListView>;
export type TransferListDetail = Infer<typeof transferListDetail>;
export type TransferListPage = Infer<typeof transferListPage>;
export type TransferListStatus = TransferList['status'];
export type TransferListItem = TransferListDetail['items'][number];
export type ListCandidates = Infer<typeof transferListCandidates>;
export type ListCandidate = ListCandidates['items'][number];

export type CurriculumPage = Infer<typeof curriculumList>;
export type CurriculumStudent = CurriculumPage['items'][number];
export type CurriculumBody = Infer<typeof curriculumBody>;
export type CurriculumResponse = Infer<typeof curriculumResponse>;

export type ExamPrep = Infer<typeof examPrep>;
export type ExamPrepList = Infer<typeof examPrepList>;
export type ExamPrepBody = Input<typeof examPrepBody>;
export type ExamPrepMode = NonNullable<ExamPrep['mode']>;

export type EarlyTransferReport = Infer<typeof earlyTransferReport>;
export type EarlyTransferCaps = Infer<typeof earlyTransferCaps>;
export type CapRow = EarlyTransferCaps['rows'][number];
export type CapsBody = Infer<typeof earlyTransferCapsBody>;

export type MyEarlyTransfer = Infer<typeof myEarlyTransfer>;
export type FamilyProgramme = MyEarlyTransfer['programmes'][number];
export type TransferProblem = MyEarlyTransfer['problems'][number];
