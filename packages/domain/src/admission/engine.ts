/**
 * The main admission round (R15, 统一组织录取).
 *
 * - Every programme uses the common ranking → serial dictatorship, the 平行志愿 rule
 *   “分数优先、遵循志愿”: in ranking order each applicant takes the first choice that still
 *   has a seat and whose minimum score they meet. One pass; the minimum score is checked on
 *   the sorted ranking keys (sequential memory), not on the scattered score array.
 * - Some programme ranks by its own score → applicant-proposing deferred acceptance
 *   (Gale–Shapley) with integer priorities and one max-heap of held applicants per programme
 *   (worst on top), built only when the programme fills. Proposals start in ranking order and
 *   an evicted applicant proposes again at once (McVitie–Wilson order); the result is the
 *   applicant-optimal stable matching, which equals serial dictatorship when rankings agree.
 * Then the adjustment round (服从调剂) fills remaining seats, reported separately.
 */
import { adjustmentRound } from './adjustment';
import { heapify, heapReplaceTop, worstOf } from './heap';
import { INELIGIBLE as INELIGIBLE_, proposalRows } from './own-scores';
import { defaultRanking, type Ranking } from './ranking';
import { UNPLACED as UNPLACED_, type AdmissionInput, type AdmissionResult, type AdmitOptions, type OwnScores } from './types';

/** Module-local copy: an imported binding may compile to a getter call inside hot loops. */
const UNPLACED = UNPLACED_;
const INELIGIBLE = INELIGIBLE_;

interface Round {
  choice: Int32Array;
  admitted: Int32Array;
  lastAdmitted: Int32Array;
  firstChoice: Int32Array;
}

export function admit(input: AdmissionInput, options: AdmitOptions = {}): AdmissionResult {
  const { programs, applicants } = input;
  const m = programs.count;
  const n = applicants.count;
  const ranking = defaultRanking(applicants);
  const round: Round = {
    choice: new Int32Array(n).fill(UNPLACED),
    admitted: new Int32Array(m),
    lastAdmitted: new Int32Array(m).fill(-1),
    firstChoice: new Int32Array(m),
  };
  const minCode = new Float64Array(m);
  for (let p = 0; p < m; p++) minCode[p] = ranking.minCode(programs.minScore[p]);
  const scores = input.programScores;
  let own: OwnScores | null = null;
  let method: AdmissionResult['method'];
  if ((scores && scores.count > 0) || options.forceDeferredAcceptance) {
    const proposals = proposalRows(input, ranking.rank);
    own = proposals.own;
    deferredAcceptance(input, ranking, proposals.rows, round);
    method = 'deferred-acceptance';
  } else {
    serialDictatorship(input, ranking, minCode, round);
    method = 'serial-dictatorship';
  }
  // The programme follows from the choice index: one sequential pass instead of a scattered write per placement.
  const { choices, choiceSlots: k, acceptAdjustment } = applicants;
  const program = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const j = round.choice[a];
    program[a] = j >= 0 ? choices[a * k + j] : UNPLACED;
  }
  // Adjustment candidates (unplaced, accepting) in ranking order.
  const marked = new Uint8Array(n);
  let candidates = 0;
  for (let a = 0; a < n; a++) {
    if (program[a] < 0 && acceptAdjustment[a] === 1) {
      marked[ranking.rank[a]] = 1;
      candidates++;
    }
  }
  const waiting = new Int32Array(candidates);
  for (let i = 0, c = 0; c < candidates; i++) if (marked[i]) waiting[c++] = ranking.order[i];
  const admittedAdjustment = adjustmentRound(input, waiting, round.admitted, program, round.choice);
  return {
    method,
    program,
    choice: round.choice,
    rank: ranking.rank,
    order: ranking.order,
    admittedMain: round.admitted,
    admittedAdjustment,
    lastAdmitted: round.lastAdmitted,
    firstChoiceCount: round.firstChoice,
    own,
  };
}

/** Applicants per batch whose choices are gathered together: independent loads overlap in memory. */
const BATCH = 1024;

/**
 * Copies the choices of the applicants at ranking positions [start, end) into buf, in ranking
 * order. Reading each applicant's row is a cache miss; loops without branches between the
 * reads let the CPU overlap those misses (unrolled for the usual 6 choices; otherwise column
 * by column, where only the first column misses).
 */
function gatherChoices(choices: Int32Array, k: number, order: Int32Array, start: number, end: number, buf: Int32Array): void {
  if (k === 6) {
    for (let i = start, d = 0; i < end; i++, d += 6) {
      const b = order[i] * 6;
      buf[d] = choices[b];
      buf[d + 1] = choices[b + 1];
      buf[d + 2] = choices[b + 2];
      buf[d + 3] = choices[b + 3];
      buf[d + 4] = choices[b + 4];
      buf[d + 5] = choices[b + 5];
    }
    return;
  }
  gatherRows(choices, k, order, start, end, buf);
}

/** Rows of width w of the applicants at ranking positions [start, end), column by column. */
function gatherRows(rows: Int32Array, w: number, order: Int32Array, start: number, end: number, buf: Int32Array): void {
  for (let j = 0; j < w; j++) for (let i = start, d = j; i < end; i++, d += w) buf[d] = rows[order[i] * w + j];
}

function serialDictatorship(input: AdmissionInput, ranking: Ranking, minCode: Float64Array, round: Round): void {
  const { capacity } = input.programs;
  const { choices, choiceSlots: k } = input.applicants;
  const { order, topKeys, scoreUnit } = ranking;
  const { choice, admitted, lastAdmitted, firstChoice } = round;
  const n = order.length;
  if (k === 0) return;
  const buf = new Int32Array(BATCH * k);
  const got = new Int32Array(BATCH);
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    gatherChoices(choices, k, order, start, end, buf);
    for (let i = start, d = 0; i < end; i++, d += k) {
      const code = topKeys ? Math.floor(topKeys[i] / scoreUnit) : 0;
      const first = buf[d];
      if (first >= 0) firstChoice[first]++;
      let g = UNPLACED;
      for (let j = 0; j < k; j++) {
        const p = buf[d + j];
        if (p < 0) break;
        if (admitted[p] < capacity[p] && code <= minCode[p]) {
          admitted[p]++;
          lastAdmitted[p] = i; // ranking position for now: the latest is the last admitted
          g = j;
          break;
        }
      }
      got[i - start] = g;
    }
    for (let i = start; i < end; i++) choice[order[i]] = got[i - start];
  }
  for (let p = 0; p < lastAdmitted.length; p++) if (lastAdmitted[p] >= 0) lastAdmitted[p] = order[lastAdmitted[p]];
}

function deferredAcceptance(input: AdmissionInput, ranking: Ranking, rows: Int32Array, round: Round): void {
  const { capacity, count: m } = input.programs;
  const k = input.applicants.choiceSlots;
  const w = 2 * k;
  const { order } = ranking;
  const { choice, admitted: held, lastAdmitted, firstChoice } = round;
  // One heap per programme in shared arrays: programme p holds [slot[p], slot[p] + held[p]).
  const slot = new Int32Array(m + 1);
  for (let p = 0; p < m; p++) slot[p + 1] = slot[p] + capacity[p];
  const heapPrio = new Int32Array(slot[m]);
  const heapApp = new Int32Array(slot[m]);
  const n = order.length;
  const programMask = INELIGIBLE - 1;
  const buf = new Int32Array(BATCH * w);
  for (let start = 0; start < n && k > 0; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    gatherRows(rows, w, order, start, end, buf);
    for (let i = start; i < end; i++) {
      const a = order[i];
      const d = (i - start) * w;
      if (buf[d] >= 0) firstChoice[buf[d] & programMask]++;
      let cur = a; // the proposer: a, then whoever a evicts, and so on
      let src: Int32Array = buf; // a's row is in the batch buffer; an evicted applicant's in `rows`
      let at = d;
      let j = 0;
      for (;;) {
        const pp = j < k ? src[at + 2 * j] : -1;
        if (pp < 0) {
          choice[cur] = UNPLACED; // choices exhausted
          break;
        }
        if (pp & INELIGIBLE) {
          j++;
          continue;
        }
        const p = pp;
        const pr = src[at + 2 * j + 1];
        const base = slot[p];
        const size = held[p];
        const cap = capacity[p];
        if (size < cap) {
          heapPrio[base + size] = pr;
          heapApp[base + size] = cur;
          held[p] = size + 1;
          if (size + 1 === cap) heapify(heapPrio, heapApp, base, cap); // full: from now on evictions
          choice[cur] = j;
          break;
        }
        if (cap > 0 && pr < heapPrio[base]) {
          const evicted = heapApp[base];
          heapReplaceTop(heapPrio, heapApp, base, cap, pr, cur);
          choice[cur] = j;
          cur = evicted; // proposes to its next choice right away
          src = rows;
          at = evicted * w;
          j = choice[evicted] + 1;
          continue;
        }
        j++;
      }
    }
  }
  for (let p = 0; p < m; p++) if (held[p] > 0) lastAdmitted[p] = worstOf(heapPrio, heapApp, slot[p], held[p], held[p] === capacity[p]);
}
