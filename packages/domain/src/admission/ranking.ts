/**
 * The default ranking by radix sort: no comparator sort on the hot path.
 *
 * Score desc, tiebreak_1..k desc, lottery asc, applicant id asc (code-point order). The
 * dimensions become integer codes packed into 32-bit key words (keys.ts); an LSD radix sort
 * over 11-bit digits runs word by word, least significant first, starting from id order (so
 * the id breaks complete ties: the sort is stable). The result is `order` and its inverse
 * `rank` — each applicant's integer ranking key.
 */
import { codeThreshold, packWords, planDimension, type Codes, type DimensionPlan } from './keys';
import type { ApplicantTable } from './types';

export { dimensionCodes, packWords, type Codes } from './keys';

/**
 * Stable LSD radix sort of (key, value) pairs by key in [0, span): digits of at most 11 bits
 * (≤ 2048 buckets, so the scatter streams stay in cache), the histograms of every digit
 * taken in one read, and passes whose digit is the same for every key skipped. Keys travel
 * with their values, so no pass reads through a permutation. Returns the sorted arrays
 * (either the inputs or the scratch arrays).
 */
export function radixSortPairs(
  keys: Uint32Array,
  values: Int32Array,
  span: number,
  scratchKeys: Uint32Array = new Uint32Array(keys.length),
  scratchValues: Int32Array = new Int32Array(values.length),
): { keys: Uint32Array; values: Int32Array } {
  const n = keys.length;
  const bits = span <= 1 ? 0 : 32 - Math.clz32(span - 1);
  const passes = Math.ceil(bits / 11);
  if (passes === 0 || n < 2) return { keys, values };
  const width = Math.ceil(bits / passes);
  const mask = (1 << width) - 1;
  const radix = 1 << width;
  const hist = new Int32Array(passes * radix);
  for (let i = 0; i < n; i++) {
    const x = keys[i];
    for (let p = 0, shift = 0; p < passes; p++, shift += width) hist[p * radix + ((x >>> shift) & mask)]++;
  }
  let k = keys;
  let v = values;
  let k2 = scratchKeys;
  let v2 = scratchValues;
  for (let p = 0, shift = 0; p < passes; p++, shift += width) {
    const base = p * radix;
    let sum = 0;
    let single = false;
    for (let d = 0; d < radix; d++) {
      const c = hist[base + d];
      if (c === n) single = true;
      hist[base + d] = sum;
      sum += c;
    }
    if (single) continue; // every key has the same digit here
    for (let i = 0; i < n; i++) {
      const x = k[i];
      const at = hist[base + ((x >>> shift) & mask)]++;
      k2[at] = x;
      v2[at] = v[i];
    }
    [k, k2] = [k2, k];
    [v, v2] = [v2, v];
  }
  return { keys: k, values: v };
}

/**
 * Sorts elements by several key words (least significant first), stably, starting from
 * `start` (an order of the elements; null = 0..n-1). Each word is gathered into the current
 * order once and radix-sorted together with the element indexes. Returns the order and the
 * last word's keys in that order.
 */
export function sortByWords(words: Codes[], n: number, start: Int32Array | null): { order: Int32Array; keys: Uint32Array } {
  let order: Int32Array;
  if (start) order = start;
  else {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
  }
  let keys: Uint32Array = new Uint32Array(n);
  let scratchKeys: Uint32Array = new Uint32Array(n);
  let scratchValues: Int32Array = new Int32Array(n);
  let identity = start === null;
  for (const word of words) {
    if (word.span <= 1) continue;
    if (identity) keys.set(word.code);
    else for (let i = 0; i < n; i++) keys[i] = word.code[order[i]];
    const sorted = radixSortPairs(keys, order, word.span, scratchKeys, scratchValues);
    if (sorted.values !== order) {
      scratchKeys = keys;
      scratchValues = order;
      keys = sorted.keys;
      order = sorted.values;
    }
    identity = false;
  }
  return { order, keys };
}

/** The identity order of `idRank`: applicants in id order. */
export function orderFromRank(idRank: Int32Array): Int32Array {
  const order = new Int32Array(idRank.length);
  for (let a = 0; a < idRank.length; a++) order[idRank[a]] = a;
  return order;
}

export interface Ranking {
  /** Applicants best first. */
  order: Int32Array;
  /** rank[a]: position of applicant a in `order`. */
  rank: Int32Array;
  /**
   * The score code of the applicant at rank position i is floor(topKeys[i] / scoreUnit)
   * (topKeys: the most significant key word, sorted), so a minimum score is checked on
   * sequential data: score ≥ min ⇔ code ≤ minCode(min). topKeys is null when every score is
   * equal (code 0 for all).
   */
  topKeys: Uint32Array | null;
  scoreUnit: number;
  minCode: (min: number) => number;
}

export function defaultRanking(applicants: ApplicantTable): Ranking {
  const n = applicants.count;
  const scorePlan = planDimension(applicants.score, true);
  const plans: DimensionPlan[] = [scorePlan];
  for (const t of applicants.tiebreaks) plans.push(planDimension(t, true));
  if (applicants.lottery) plans.push(planDimension(applicants.lottery, false));
  const idRank = applicants.idRank;
  let inIdOrder = true;
  for (let a = 0; a < n && inIdOrder; a++) inIdOrder = idRank[a] === a;
  const words = packWords(plans, n);
  const { order, keys } = sortByWords(words, n, inIdOrder ? null : orderFromRank(idRank));
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i]] = i;
  const top = words[words.length - 1];
  const scorePart = top?.parts.find((p) => p.plan === scorePlan);
  return {
    order,
    rank,
    topKeys: scorePart ? keys : null,
    scoreUnit: scorePart ? scorePart.multiplier : 1,
    minCode: (min) => (scorePlan.span <= 1 ? (applicants.score[0] >= min ? 0 : -1) : codeThreshold(scorePlan, min)),
  };
}
