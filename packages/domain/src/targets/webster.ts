/**
 * Webster / Sainte-Laguë (圣拉格法), a divisor method: school i gets
 * clamp(round(g_i / d), min_i, max_i) seats for a divisor d making the sum exact,
 * rounding at k + ½. Equivalently, seats beyond the floors are handed out one by
 * one in a fixed order of (school, k) pairs: by priority g_i / (k + ½)
 * descending, ties by more graduates then school id (code-point order), skipping
 * pairs below the floor (already given) or at the ceiling. Because that order
 * does not depend on the total, raising the total only ever adds seats: the
 * method is house-monotone (no Alabama paradox), with or without bounds.
 *
 * To avoid handing out thousands of seats one at a time, start from the divisor
 * 1/λ of the bounded quota (the counts of all pairs with priority ≥ 1/λ, which
 * is a prefix of the order), then add the next pairs or remove the last ones
 * until the sum is exact — at most about half the number of schools steps.
 */
import type { BoundedQuota, NormalizedSchool } from './bounded-quota';
import { compareProducts } from './exact';
import { tieBreak } from './hamilton';

export function websterSeats(total: number, q: BoundedQuota, schools: readonly NormalizedSchool[]): number[] {
  const [num, den] = startingLambda(q, schools);
  const seats = schools.map((s) => {
    if (s.graduates === 0) return s.min;
    // round(λ·g) at ½: floor((2·num·g + den) / (2·den)), exact in BigInt.
    const rounded = Number((2n * BigInt(num) * BigInt(s.graduates) + BigInt(den)) / (2n * BigInt(den)));
    return Math.min(Math.max(rounded, s.min), s.max);
  });
  let sum = seats.reduce((a, b) => a + b, 0);
  while (sum < total) {
    seats[nextPair(seats, schools)]! += 1;
    sum++;
  }
  while (sum > total) {
    seats[lastPair(seats, schools)]! -= 1;
    sum--;
  }
  return seats;
}

/** Negative when pair (a, ka) comes before pair (b, kb) in the award order. */
function comparePairs(a: NormalizedSchool, ka: number, b: NormalizedSchool, kb: number): number {
  // g_a / (ka + ½) vs g_b / (kb + ½)  ⇔  g_a·(2kb + 1) vs g_b·(2ka + 1)
  const byPriority = compareProducts(b.graduates, 2 * ka + 1, a.graduates, 2 * kb + 1);
  return byPriority !== 0 ? byPriority : tieBreak(a, b);
}

/** The school whose next seat comes first among those below their ceiling. */
function nextPair(seats: number[], schools: readonly NormalizedSchool[]): number {
  let best = -1;
  schools.forEach((s, i) => {
    if (s.graduates === 0 || seats[i]! >= s.max) return;
    if (best === -1 || comparePairs(s, seats[i]!, schools[best]!, seats[best]!) < 0) best = i;
  });
  if (best === -1) throw new Error('webster: no school below its ceiling (bounds were not checked)');
  return best;
}

/** The school whose last seat comes last among those above their floor. */
function lastPair(seats: number[], schools: readonly NormalizedSchool[]): number {
  let worst = -1;
  schools.forEach((s, i) => {
    if (s.graduates === 0 || seats[i]! <= s.min) return;
    if (worst === -1 || comparePairs(s, seats[i]! - 1, schools[worst]!, seats[worst]! - 1) > 0) worst = i;
  });
  if (worst === -1) throw new Error('webster: no school above its floor (bounds were not checked)');
  return worst;
}

/**
 * A λ with Σ clamp(λ·g_i) = total: rest / restGraduates when some school is
 * proportional; otherwise (every quota at a bound) the largest max_i / g_i of
 * the schools at their ceiling, or 0 when all sit at their floors.
 */
function startingLambda(q: BoundedQuota, schools: readonly NormalizedSchool[]): [number, number] {
  if (q.restGraduates > 0) return [q.rest, q.restGraduates];
  let best: [number, number] = [0, 1];
  schools.forEach((s, i) => {
    if (q.fixed[i] === 'max' && compareProducts(s.max, best[1], best[0], s.graduates) > 0) best = [s.max, s.graduates];
  });
  return best;
}
