/**
 * Column-oriented (typed-array) input and output of the admission engine (R15).
 *
 * Applicants and programmes are dense indexes 0..n-1; ids live with the caller
 * (the CLI keeps them as byte ranges of the input file, `fromRecords` as strings).
 * Only their order matters to the engine, given as `idRank` (the position of each
 * id in code-point order of the id string, which is also UTF-8 byte order).
 */

/** Scores, tie-breaks, lotteries and minimum scores are finite numbers (builders validate). */
export interface ProgramTable {
  count: number;
  /** Seats per programme (≥ 0). */
  capacity: Int32Array;
  /** Minimum total score per programme; -Infinity when none. */
  minScore: Float64Array;
  /** Dense school index per programme (a programme without school_id is its own school). */
  school: Int32Array;
  schoolCount: number;
  /** Position of each programme id in code-point order: the order in which a school's
   *  programmes are offered in the adjustment round. */
  idRank: Int32Array;
}

export interface ApplicantTable {
  count: number;
  /** Total score (higher first). */
  score: Float64Array;
  /** Tie-break scores in their fixed order (e.g. 语文, 数学, 外语), each of length `count`; higher first. */
  tiebreaks: Float64Array[];
  /** Lottery number (lower first), or null when there is no lottery. */
  lottery: Float64Array | null;
  /** Position of each applicant id in code-point order: the last tie-break. A permutation of 0..count-1. */
  idRank: Int32Array;
  /** Choice slots per applicant (the number of choice_k columns). */
  choiceSlots: number;
  /** Programme index of choice j of applicant a at a*choiceSlots+j; -1 for an empty (trailing) slot. */
  choices: Int32Array;
  /** 1 when the applicant accepts adjustment (服从调剂). */
  acceptAdjustment: Uint8Array;
}

/** A programme's own score for an applicant (e.g. an art major's specialty test). */
export interface ProgramScoreTable {
  count: number;
  program: Int32Array;
  applicant: Int32Array;
  score: Float64Array;
}

export interface AdmissionInput {
  programs: ProgramTable;
  applicants: ApplicantTable;
  programScores?: ProgramScoreTable | null;
}

export interface AdmitOptions {
  /** Use deferred acceptance even when every programme uses the common ranking (tests compare both paths). */
  forceDeferredAcceptance?: boolean;
}

/** `AdmissionResult.choice` of an applicant placed in the adjustment round. */
export const ADJUSTMENT = -2;
/** `AdmissionResult.choice` / `.program` of an unplaced applicant. */
export const UNPLACED = -1;

/** Programme-specific ranking: `hasOwn[p]` is 1 when programme p ranks by its own score. */
export interface OwnScores {
  hasOwn: Uint8Array;
  /** Applicant a's own score at programme p; NaN when none (then a ranks after all who have one). */
  scoreAt(a: number, p: number): number;
}

export interface AdmissionResult {
  method: 'serial-dictatorship' | 'deferred-acceptance';
  /** Programme per applicant, UNPLACED (-1) when none. */
  program: Int32Array;
  /** 0-based choice index per applicant; UNPLACED (-1) or ADJUSTMENT (-2). */
  choice: Int32Array;
  /** Default ranking position per applicant (0 = best): the integer ranking key. */
  rank: Int32Array;
  /** Applicants in default ranking order (order[rank[a]] === a). */
  order: Int32Array;
  /** Per programme: seats taken in the main round / by adjustment. */
  admittedMain: Int32Array;
  admittedAdjustment: Int32Array;
  /** Per programme: the last admitted applicant of the main round in the programme's own order (-1 if none). */
  lastAdmitted: Int32Array;
  /** Per programme: applicants who ranked it first. */
  firstChoiceCount: Int32Array;
  /** Present when some programme ranks by its own score. */
  own: OwnScores | null;
}
