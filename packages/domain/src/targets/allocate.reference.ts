/**
 * Test-only reference implementations of the split, written the slow, obvious
 * way so the property tests can compare the real ones against them:
 *   - the bounded quota by scanning the breakpoints of f(λ) = Σ clamp(λ·g_i),
 *     in exact BigInt fractions, then Hamilton rounding;
 *   - Webster by handing out every seat above the floors one at a time.
 */
import type { SchoolInput } from './types';

type Frac = { n: bigint; d: bigint };
const frac = (n: bigint, d: bigint = 1n): Frac => (d < 0n ? { n: -n, d: -d } : { n, d });
const cmp = (a: Frac, b: Frac) => (a.n * b.d < b.n * a.d ? -1 : a.n * b.d > b.n * a.d ? 1 : 0);
const add = (a: Frac, b: Frac) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Frac, b: Frac) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mulInt = (a: Frac, k: bigint) => frac(a.n * k, a.d);
const divInt = (a: Frac, k: bigint) => frac(a.n, a.d * k);
const floorOf = (a: Frac) => a.n / a.d; // non-negative only

type Bounded = { id: string; g: bigint; min: bigint; max: bigint | null };

function bounded(schools: readonly SchoolInput[]): Bounded[] {
  return schools.map((s) => {
    const min = BigInt(s.min ?? 0);
    return { id: s.id, g: BigInt(s.graduates), min, max: s.graduates === 0 ? min : s.max == null ? null : BigInt(s.max) };
  });
}

function clampAt(l: Frac, s: Bounded): Frac {
  const x = mulInt(l, s.g);
  if (cmp(x, frac(s.min)) < 0) return frac(s.min);
  if (s.max !== null && cmp(x, frac(s.max)) > 0) return frac(s.max);
  return x;
}

/** The bounded quotas q_i = clamp(λ·g_i) with Σ q_i = total (the input must be feasible). */
export function referenceQuotas(total: number, schools: readonly SchoolInput[]): Frac[] {
  const bs = bounded(schools);
  const f = (l: Frac) => bs.reduce((acc, s) => add(acc, clampAt(l, s)), frac(0n));
  const T = frac(BigInt(total));
  const points: Frac[] = [frac(0n)];
  for (const s of bs) {
    if (s.g === 0n) continue;
    points.push(frac(s.min, s.g));
    if (s.max !== null) points.push(frac(s.max, s.g));
  }
  points.sort(cmp);
  let lambda: Frac | null = null;
  for (let k = 0; k < points.length && !lambda; k++) {
    const c = points[k]!;
    const fc = cmp(f(c), T);
    if (fc === 0) lambda = c;
    else if (fc > 0) lambda = solveBetween(points[k - 1]!, c);
  }
  // Beyond the last breakpoint only the schools without a ceiling still grow.
  lambda ??= solveBetween(points[points.length - 1]!, null);
  return bs.map((s) => clampAt(lambda!, s));

  function solveBetween(lo: Frac, hi: Frac | null): Frac {
    const probe = hi ? divInt(add(lo, hi), 2n) : add(lo, frac(1n));
    const slope = bs.reduce((acc, s) => (cmp(clampAt(probe, s), mulInt(probe, s.g)) === 0 && s.g > 0n ? acc + s.g : acc), 0n);
    return add(lo, divInt(sub(T, f(lo)), slope));
  }
}

const byTieBreak = (a: SchoolInput, b: SchoolInput) => b.graduates - a.graduates || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Hamilton on the reference quotas: floors, then the largest remainders. (Ids in tests are BMP-only.) */
export function referenceHamilton(total: number, schools: readonly SchoolInput[]): number[] {
  const q = referenceQuotas(total, schools);
  const seats = q.map((x) => Number(floorOf(x)));
  const rest = q.map((x) => sub(x, frac(floorOf(x))));
  const left = total - seats.reduce((a, b) => a + b, 0);
  const order = schools.map((_, i) => i).sort((a, b) => cmp(rest[b]!, rest[a]!) || byTieBreak(schools[a]!, schools[b]!));
  for (let k = 0; k < left; k++) seats[order[k]!]! += 1;
  return seats;
}

/** Webster seat by seat: each goes to the largest g/(k+½) below its ceiling. */
export function referenceWebster(total: number, schools: readonly SchoolInput[]): number[] {
  const bs = bounded(schools);
  const seats = bs.map((s) => Number(s.min));
  let left = total - seats.reduce((a, b) => a + b, 0);
  for (; left > 0; left--) {
    let best = -1;
    bs.forEach((s, i) => {
      if (s.g === 0n || (s.max !== null && BigInt(seats[i]!) >= s.max)) return;
      if (best === -1) return void (best = i);
      const mine = s.g * BigInt(2 * seats[best]! + 1);
      const theirs = bs[best]!.g * BigInt(2 * seats[i]! + 1);
      if (mine > theirs || (mine === theirs && byTieBreak(schools[i]!, schools[best]!) < 0)) best = i;
    });
    seats[best]! += 1;
  }
  return seats;
}
