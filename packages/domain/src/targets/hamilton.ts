/**
 * Hamilton (largest remainder, 最大余额法) on the bounded quota: every
 * proportional school gets floor(q_i), and the seats left go one each to the
 * largest remainders. Remainders share the denominator Σg of the proportional
 * schools, so they are compared as integers (rest·g_i mod Σg): ties are real.
 *
 * Tie-break (documented in docs/decisions/0102): larger remainder first, then
 * more graduates, then school id in code-point order — never input order.
 */
import type { BoundedQuota, NormalizedSchool } from './bounded-quota';
import { compareCodePoints, mulDivMod } from './exact';

export function hamiltonSeats(q: BoundedQuota, schools: readonly NormalizedSchool[]): number[] {
  const seats: number[] = [];
  const remainders: number[] = [];
  const free: number[] = [];
  let given = 0;
  schools.forEach((s, i) => {
    const bound = q.fixed[i];
    if (bound === 'max') seats.push(s.max);
    else if (bound === 'min' || s.graduates === 0) seats.push(s.min);
    else {
      const { quotient, remainder } = mulDivMod(q.rest, s.graduates, q.restGraduates);
      seats.push(quotient);
      remainders[i] = remainder;
      free.push(i);
      given += quotient;
    }
  });
  const left = q.rest - given;
  free.sort((a, b) => {
    const byRemainder = remainders[b]! - remainders[a]!;
    if (byRemainder !== 0) return byRemainder;
    return tieBreak(schools[a]!, schools[b]!);
  });
  for (let k = 0; k < left; k++) seats[free[k]!]! += 1;
  return seats;
}

/** More graduates first, then school id in code-point order. */
export function tieBreak(a: NormalizedSchool, b: NormalizedSchool): number {
  if (a.graduates !== b.graduates) return b.graduates - a.graduates;
  return compareCodePoints(a.id, b.id);
}
