/**
 * Integer ranking keys. Each ranking dimension (score, tie-breaks, lottery) becomes an unsigned
 * integer code where a smaller code ranks earlier; dimensions are packed into 32-bit words
 * (hi * spanLo + lo) while the span product stays ≤ 2^32. Score 0–750 with three tie-breaks
 * 0–150 fits one word: 751 × 151³ ≈ 2.6e9.
 *
 * Exact decimals (integers, halves, tenths …) are scaled to integers and offset — no sort at
 * all; anything else is dense-ranked through a native numeric sort of the distinct values.
 * NaN (a missing value) ranks after every number.
 */

/** How one dimension maps to codes in [0, span). */
export interface DimensionPlan {
  values: Float64Array;
  span: number;
  descending: boolean;
  /** Affine plan: k = round(v * scale); code = descending ? kMax - k : k - kMin. */
  scale: number;
  kMin: number;
  kMax: number;
  /** Dense plan (scale 0): the distinct values, ascending. */
  distinct: Float64Array | null;
  hasNaN: boolean;
}

/** A dimension's (or a packed word's) codes: code[i] in [0, span); smaller ranks earlier. */
export interface Codes {
  code: Uint32Array;
  span: number;
}

/** Decimal scales tried to turn scores such as 612.5 into exact integers. */
const SCALES = [1, 2, 4, 5, 10, 20, 100, 1000];
const MAX_SPAN = 0xffffffff;

export function planDimension(values: Float64Array, descending: boolean): DimensionPlan {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let hasNaN = false;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) hasNaN = true;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
      if (integers && Math.round(v) !== v) integers = false;
    }
  }
  const plan: DimensionPlan = { values, span: 1, descending, scale: 1, kMin: 0, kMax: 0, distinct: null, hasNaN };
  if (min === Infinity) return plan; // empty or all NaN: one bucket
  for (const s of SCALES) {
    if (s === 1 && !integers) continue;
    const kMin = Math.round(min * s);
    const kMax = Math.round(max * s);
    const span = kMax - kMin + 1 + (hasNaN ? 1 : 0);
    if (!Number.isFinite(span) || span > MAX_SPAN) continue;
    if (s === 1 || exactAt(values, s)) return { ...plan, span, scale: s, kMin, kMax };
  }
  const sorted = Float64Array.from(values).sort(); // native numeric sort; NaN last
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    if (v !== v) break;
    if (distinct === 0 || sorted[distinct - 1] !== v) sorted[distinct++] = v;
  }
  return { ...plan, span: distinct + (hasNaN ? 1 : 0), scale: 0, distinct: sorted.slice(0, distinct) };
}

function exactAt(values: Float64Array, s: number): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && Math.round(v * s) / s !== v) return false;
  }
  return true;
}

/** Index of the first distinct value ≥ v. */
function lowerBound(distinct: Float64Array, v: number): number {
  let lo = 0;
  let hi = distinct.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (distinct[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The code of one value under a plan (NaN → the last code). */
export function codeOf(plan: DimensionPlan, v: number): number {
  if (v !== v) return plan.span - 1;
  if (plan.distinct) {
    const i = lowerBound(plan.distinct, v);
    return plan.descending ? plan.distinct.length - 1 - i : i;
  }
  const k = Math.round(v * plan.scale);
  return plan.descending ? plan.kMax - k : k - plan.kMin;
}

/**
 * The largest code whose values are all ≥ min, for a descending plan (codes ascend as values
 * descend): value ≥ min ⇔ code ≤ result. -1 when no value reaches min.
 */
export function codeThreshold(plan: DimensionPlan, min: number): number {
  const all = plan.span - 1 - (plan.hasNaN ? 1 : 0);
  if (min !== min) return -1;
  if (plan.distinct) return plan.distinct.length - 1 - lowerBound(plan.distinct, min);
  const s = plan.scale;
  if (plan.kMin / s >= min) return all;
  if (plan.kMax / s < min) return -1;
  // kMin < k ≤ kMax: the smallest integer k with k / scale ≥ min, checked exactly
  // (k / scale is exactly how the values were read).
  let k = Math.min(plan.kMax, Math.max(plan.kMin, Math.ceil(min * s)));
  while ((k - 1) / s >= min) k--;
  while (k / s < min) k++;
  return plan.kMax - k;
}

/** key[i] += code(values[i]) * multiplier, for every i (multiplier 1 writes the codes). */
export function addCodes(plan: DimensionPlan, key: Uint32Array, multiplier: number): void {
  const { values, descending, scale: s, kMin, kMax, distinct } = plan;
  const nanCode = plan.span - 1;
  const n = values.length;
  if (distinct) {
    for (let i = 0; i < n; i++) key[i] += codeOf(plan, values[i]) * multiplier;
    return;
  }
  if (s === 1 && !plan.hasNaN) {
    if (descending) for (let i = 0; i < n; i++) key[i] += (kMax - values[i]) * multiplier;
    else for (let i = 0; i < n; i++) key[i] += (values[i] - kMin) * multiplier;
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const c = v !== v ? nanCode : descending ? kMax - Math.round(v * s) : Math.round(v * s) - kMin;
    key[i] += c * multiplier;
  }
}

/** Codes of one dimension. */
export function dimensionCodes(values: Float64Array, descending: boolean): Codes {
  const plan = planDimension(values, descending);
  const code = new Uint32Array(values.length);
  addCodes(plan, code, 1);
  return { code, span: plan.span };
}

export interface PackedWord extends Codes {
  /** Dimensions in this word, most significant first, with their multipliers. */
  parts: Array<{ plan: DimensionPlan; multiplier: number }>;
}

/**
 * Packs dimensions (most significant first) into key words, returned least significant first;
 * one pass per dimension writes straight into its word, no code array per dimension.
 */
export function packWords(plans: DimensionPlan[], n: number): PackedWord[] {
  const groups: DimensionPlan[][] = [];
  let cur: DimensionPlan[] = [];
  let span = 1;
  for (let d = plans.length - 1; d >= 0; d--) {
    const p = plans[d];
    if (p.span <= 1) continue;
    if (cur.length && span * p.span > MAX_SPAN + 1) {
      groups.push(cur);
      cur = [];
      span = 1;
    }
    cur.push(p); // least significant first within the group
    span *= p.span;
  }
  if (cur.length) groups.push(cur);
  return groups.map((g) => {
    const code = new Uint32Array(n);
    const parts: PackedWord['parts'] = [];
    let multiplier = 1;
    for (const plan of g) {
      addCodes(plan, code, multiplier);
      parts.unshift({ plan, multiplier });
      multiplier *= plan.span;
    }
    return { code, span: multiplier, parts };
  });
}
