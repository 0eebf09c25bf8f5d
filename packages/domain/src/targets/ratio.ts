/**
 * R12: district-wide, graduates entering vocational vs general senior high must
 * be at least 45:55. The ratio is the campaign's setting, always passed in
 * (0.45 is only the plan's default, kept in the campaign configuration).
 *
 * Comparisons are exact: the ratio is read as a decimal fraction (0.45 = 45/100),
 * so a school with 45 of 100 graduates meets 0.45 (in floats 0.45 × 100 is
 * 45.00000000000001 and it would be flagged).
 */
export type Fraction = { num: number; den: number };

/** A ratio in [0, 1] as num/den with den a power of ten up to 10^9 (0.45 → 45/100). */
export function exactRatio(ratio: number): Fraction {
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new RangeError(`ratio must be within [0, 1], got ${ratio}`);
  for (let den = 1; den <= 1e9; den *= 10) {
    const num = Math.round(ratio * den);
    if (num / den === ratio) return { num, den };
  }
  return { num: Math.round(ratio * 1e9), den: 1e9 };
}

/** The fewest of `graduates` that meet the ratio: ceil(ratio × graduates), exactly. */
export function requiredForRatio(graduates: number, ratio: number): number {
  const { num, den } = exactRatio(ratio);
  const product = BigInt(num) * BigInt(graduates);
  return Number((product + BigInt(den) - 1n) / BigInt(den));
}

export type RatioRow = { id: string; graduates: number; target: number };

export type SchoolRatio = RatioRow & {
  /** target ÷ graduates (null without graduates), for display. */
  share: number | null;
  /** The smallest target meeting the ratio. */
  required: number;
  /** How many more it would take to meet the ratio (0 when met). */
  shortfall: number;
  /** The target falls short of the ratio. */
  flagged: boolean;
};

/** Each junior high's sending target as a share of its graduates, against the campaign ratio. */
export function schoolRatios(rows: readonly RatioRow[], ratio: number): SchoolRatio[] {
  return rows.map((row) => measure(row, ratio));
}

export type DistrictRatio = Omit<SchoolRatio, 'id'> & {
  schools: number;
  /** Schools whose own target falls short. */
  flaggedSchools: number;
  /** The city's N_total when given, and what is left to allocate (N_total − Σ targets). */
  nTotal: number | null;
  unallocated: number | null;
};

/** The district's totals: Σ graduates, Σ targets, their share against the ratio, and N_total when known. */
export function districtRatio(rows: readonly RatioRow[], options: { ratio: number; nTotal?: number }): DistrictRatio {
  const graduates = rows.reduce((a, r) => a + r.graduates, 0);
  const target = rows.reduce((a, r) => a + r.target, 0);
  const { id: _id, ...totals } = measure({ id: '', graduates, target }, options.ratio);
  const nTotal = options.nTotal ?? null;
  return {
    ...totals,
    schools: rows.length,
    flaggedSchools: schoolRatios(rows, options.ratio).filter((r) => r.flagged).length,
    nTotal,
    unallocated: nTotal === null ? null : nTotal - target,
  };
}

export type TrackSplit = {
  vocational: number;
  general: number;
  total: number;
  /** Shares for display (null when there is nobody yet). */
  vocationalShare: number | null;
  generalShare: number | null;
  /** vocational : general is at least ratio : (1 − ratio). */
  meetsRatio: boolean;
  /** Graduates who would have to choose vocational instead of general to meet it (0 when met). */
  shortfall: number;
};

/**
 * R12 proper: the district's vocational : general split from counts of
 * graduates entering each track (filled in by the applications work).
 */
export function trackSplit(counts: { vocational: number; general: number }, ratio: number): TrackSplit {
  for (const [name, v] of Object.entries(counts)) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  }
  const { vocational, general } = counts;
  const total = vocational + general;
  const required = requiredForRatio(total, ratio);
  return {
    vocational,
    general,
    total,
    vocationalShare: total === 0 ? null : vocational / total,
    generalShare: total === 0 ? null : general / total,
    meetsRatio: vocational >= required,
    shortfall: Math.max(0, required - vocational),
  };
}

function measure(row: RatioRow, ratio: number): SchoolRatio {
  const required = requiredForRatio(row.graduates, ratio);
  return {
    ...row,
    share: row.graduates === 0 ? null : row.target / row.graduates,
    required,
    shortfall: Math.max(0, required - row.target),
    // target / graduates < ratio  ⇔  target < ceil(ratio × graduates), targets being integers
    flagged: row.target < required,
  };
}
