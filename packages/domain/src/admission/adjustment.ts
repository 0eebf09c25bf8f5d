/**
 * The adjustment round (服从调剂), after the main round and reported separately.
 *
 * In default ranking order, each applicant who is unplaced and accepts adjustment is offered
 * the remaining seats of the schools they chose, school by school in their choice order
 * (a school is visited once, at its first choice). Within a school the programmes are offered
 * in programme-id order (code-point order, so the result does not depend on row order); the
 * first one with a free seat whose minimum total score the applicant meets takes them.
 */
import { ADJUSTMENT as ADJUSTMENT_, type AdmissionInput } from './types';

const ADJUSTMENT = ADJUSTMENT_;

/**
 * Places the waiting applicants (unplaced, accepting adjustment, in ranking order) in place
 * (program/choice) and returns the seats taken per programme.
 */
export function adjustmentRound(
  input: AdmissionInput,
  waiting: Int32Array,
  admittedMain: Int32Array,
  program: Int32Array,
  choice: Int32Array,
): Int32Array {
  const { programs, applicants } = input;
  const m = programs.count;
  const taken = new Int32Array(m);
  const { choices, choiceSlots: k, score } = applicants;
  if (waiting.length === 0) return taken;

  const remaining = new Int32Array(m);
  for (let p = 0; p < m; p++) remaining[p] = Math.max(0, programs.capacity[p] - admittedMain[p]);
  const { start, list } = programsBySchool(input);
  // Per school, the lowest minimum score among its programmes with a free seat (+Infinity when
  // none): a school the applicant cannot enter anywhere is skipped without looking inside.
  const floor = new Float64Array(programs.schoolCount).fill(Infinity);
  for (let p = 0; p < m; p++) if (remaining[p] > 0) floor[programs.school[p]] = Math.min(floor[programs.school[p]], programs.minScore[p]);

  const { school: schoolOf, minScore } = programs;
  for (let i = 0; i < waiting.length; i++) {
    const a = waiting[i];
    const s = score[a];
    const base = a * k;
    search: for (let j = 0; j < k; j++) {
      const first = choices[base + j];
      if (first < 0) break;
      const school = schoolOf[first];
      if (!(s >= floor[school])) continue;
      for (let jj = 0; jj < j; jj++) if (schoolOf[choices[base + jj]] === school) continue search;
      for (let x = start[school]; x < start[school + 1]; x++) {
        const p = list[x];
        if (remaining[p] > 0 && s >= minScore[p]) {
          remaining[p]--;
          if (remaining[p] === 0) floor[school] = schoolFloor(list, start[school], start[school + 1], remaining, minScore);
          taken[p]++;
          program[a] = p;
          choice[a] = ADJUSTMENT;
          break search;
        }
      }
    }
  }
  return taken;
}

/** Programmes grouped by school (CSR), each group in programme-id order. */
export function programsBySchool(input: AdmissionInput): { start: Int32Array; list: Int32Array } {
  const { count: m, school, schoolCount, idRank } = input.programs;
  const start = new Int32Array(schoolCount + 1);
  for (let p = 0; p < m; p++) start[school[p] + 1]++;
  for (let s = 0; s < schoolCount; s++) start[s + 1] += start[s];
  const fill = start.slice(0, schoolCount);
  const list = new Int32Array(m);
  const byId = new Int32Array(m);
  for (let p = 0; p < m; p++) byId[idRank[p]] = p;
  for (let i = 0; i < m; i++) {
    const p = byId[i];
    list[fill[school[p]]++] = p;
  }
  return { start, list };
}

function schoolFloor(list: Int32Array, from: number, to: number, remaining: Int32Array, minScore: Float64Array): number {
  let f = Infinity;
  for (let x = from; x < to; x++) if (remaining[list[x]] > 0 && minScore[list[x]] < f) f = minScore[list[x]];
  return f;
}
