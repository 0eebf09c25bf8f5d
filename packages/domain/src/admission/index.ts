/** The admission engine (R15): pure, typed-array based, runs in Node and in the browser. */
export { admit } from './engine';
export { adjustmentRound, programsBySchool } from './adjustment';
export { defaultRanking, radixSortPairs, sortByWords, orderFromRank, type Ranking } from './ranking';
export { dimensionCodes, packWords, planDimension, codeOf, codeThreshold, type Codes, type DimensionPlan } from './keys';
export { proposalRows, INELIGIBLE } from './own-scores';
export {
  explainApplicant,
  summarizePrograms,
  rankingKey,
  cutoffFor,
  adjustmentCandidates,
  type ChoiceExplanation,
  type ExplainLabels,
  type Outcome,
  type ProgramSummary,
} from './explain';
export {
  fromRecords,
  idRankOf,
  compareCodePoints,
  AdmissionInputError,
  type AdmissionInputErrorCode,
  type ApplicantRecord,
  type ProgramRecord,
  type ProgramScoreRecord,
  type BuiltInput,
} from './records';
export { admitRecords, type Placement, type RecordsOutcome } from './admit-records';
export * from './types';
export * from './round';
