/**
 * Proposal rows for deferred acceptance, and programme-specific ranking.
 *
 * A programme may rank by its own score (e.g. an art major adding a specialty test): own score
 * desc, ties by the default ranking. An applicant who chose it but has no own score there ranks
 * after all who have one, among themselves by the default ranking. The minimum score still
 * applies to the total score.
 *
 * Each applicant gets one row of 2·k int32: for choice j, the programme (flagged INELIGIBLE
 * when the applicant is below its minimum) and the applicant's priority there (smaller is
 * better; comparable within one programme: the default rank, or own-score code · n + rank).
 * Everything a proposal needs is in one cache line, so an eviction chain touches nothing else.
 */
import { addCodes, packWords, planDimension, type DimensionPlan } from './keys';
import { sortByWords } from './ranking';
import type { AdmissionInput, OwnScores, ProgramScoreTable } from './types';

/** Set on a row's programme when the applicant is below that programme's minimum score. */
export const INELIGIBLE = 1 << 30;

export interface ProposalRows {
  rows: Int32Array;
  own: OwnScores | null;
}

export function proposalRows(input: AdmissionInput, rank: Int32Array): ProposalRows {
  const { count: n, choiceSlots: k, choices, score } = input.applicants;
  const { count: m, minScore } = input.programs;
  const scores = input.programScores && input.programScores.count > 0 ? input.programScores : null;
  const hasOwn = new Uint8Array(m);
  let missingBase = 0;
  let rowPriority: Int32Array | null = null;
  if (scores) {
    for (let r = 0; r < scores.count; r++) hasOwn[scores.program[r]] = 1;
    // When the codes fit, the priority is simply code * n + rank (no sort); a missing own
    // score takes the code after every score.
    const plan = planDimension(scores.score, true);
    const direct = (plan.span + 1) * n <= 0x7fffffff;
    missingBase = direct ? plan.span * n : scores.count;
    rowPriority = direct ? directPriorities(plan, scores, rank, n) : sortedPriorities(plan, scores, rank);
  }
  const w = 2 * k;
  const rows = new Int32Array(n * w).fill(-1);
  for (let a = 0; a < n; a++) {
    const s = score[a];
    const r = rank[a];
    for (let j = 0; j < k; j++) {
      const p = choices[a * k + j];
      if (p < 0) break;
      rows[a * w + 2 * j] = s >= minScore[p] ? p : p | INELIGIBLE;
      rows[a * w + 2 * j + 1] = hasOwn[p] ? missingBase + r : r;
    }
  }
  if (scores && rowPriority) {
    for (let row = 0; row < scores.count; row++) {
      const a = scores.applicant[row];
      const p = scores.program[row];
      for (let j = 0; j < k; j++) {
        const q = choices[a * k + j];
        if (q < 0) break;
        if (q === p) {
          rows[a * w + 2 * j + 1] = rowPriority[row];
          break;
        }
      }
    }
  }
  return { rows, own: scores ? ownScores(hasOwn, scores, n) : null };
}

/** Own-score lookup for explanations: the index is built on first use, off the hot path. */
function ownScores(hasOwn: Uint8Array, scores: ProgramScoreTable, n: number): OwnScores {
  let index: Map<number, number> | null = null;
  return {
    hasOwn,
    scoreAt(a, p) {
      if (!index) {
        index = new Map();
        for (let r = 0; r < scores.count; r++) index.set(scores.program[r] * n + scores.applicant[r], scores.score[r]);
      }
      return index.get(p * n + a) ?? NaN;
    },
  };
}

/** Own-score code * n + default rank, per programme-score row. */
function directPriorities(plan: DimensionPlan, scores: ProgramScoreTable, rank: Int32Array, n: number): Int32Array {
  const out = new Int32Array(scores.count);
  const code = new Uint32Array(scores.count);
  addCodes(plan, code, 1);
  for (let r = 0; r < scores.count; r++) out[r] = code[r] * n + rank[scores.applicant[r]];
  return out;
}

/** Rows sorted by (programme, own score desc, default rank asc); the position is the priority. */
function sortedPriorities(plan: DimensionPlan, scores: ProgramScoreTable, rank: Int32Array): Int32Array {
  const rows = scores.count;
  const byRank = new Float64Array(rows);
  const byProgram = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    byRank[r] = rank[scores.applicant[r]];
    byProgram[r] = scores.program[r];
  }
  const plans = [planDimension(byProgram, false), plan, planDimension(byRank, false)];
  const { order } = sortByWords(packWords(plans, rows), rows, null);
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) out[order[i]] = i;
  return out;
}
