/**
 * The bounded quota: each school's proportional share of the total, with floors
 * and ceilings applied "properly" — a school whose share falls outside its bounds
 * is fixed at the bound and the rest is re-apportioned among the others, until no
 * share violates a bound. The result is the unique vector
 *   q_i = clamp(λ·g_i, min_i, max_i)  with  Σ q_i = total
 * (a water-filling); Hamilton rounds it, Webster starts its divisor search from λ.
 *
 * Which schools to fix in a round: fixing every violator at once can be wrong (a
 * school pushed up to its floor lowers λ for the others, which may then no longer
 * exceed their ceilings). So compare the total shortfall of the schools below
 * their floors (D_low) with the total excess of those above their ceilings
 * (D_high): if D_low ≥ D_high the final λ is at most the current one, so every
 * school below its floor stays there and can be fixed; otherwise every school
 * above its ceiling can. Each round fixes at least one school.
 * All arithmetic is exact (BigInt cross-products with the common denominator Σg).
 */

/** A school after validation: `max` is Infinity when absent; a school without graduates has max = min. */
export type NormalizedSchool = { id: string; graduates: number; min: number; max: number };

export type BoundedQuota = {
  /**
   * Per school in input order: the bound its quota is fixed at, or null when it
   * is proportional (or has no graduates and no floor: quota 0).
   */
  fixed: Array<'min' | 'max' | null>;
  /** The seats left for the proportional schools (total minus the fixed bounds). */
  rest: number;
  /** Σ graduates of the proportional schools (0 when none is left): λ = rest / restGraduates. */
  restGraduates: number;
};

/** Requires feasibility: Σ min ≤ total ≤ Σ max (with max = min for schools without graduates). */
export function boundedQuota(total: number, schools: readonly NormalizedSchool[]): BoundedQuota {
  const fixed: BoundedQuota['fixed'] = schools.map(() => null);
  let free: number[] = [];
  let rest = total;
  schools.forEach((s, i) => {
    if (s.graduates > 0) free.push(i);
    else {
      // No graduates: a proportional share of 0, so the school gets its floor (0 without one).
      rest -= s.min;
      if (s.min > 0) fixed[i] = 'min';
    }
  });
  for (;;) {
    const restGraduates = sum(free.map((i) => schools[i]!.graduates));
    if (free.length === 0) return { fixed, rest, restGraduates: 0 };
    const R = BigInt(rest);
    const G = BigInt(restGraduates);
    const low: number[] = [];
    const high: number[] = [];
    let shortfall = 0n;
    let excess = 0n;
    for (const i of free) {
      const s = schools[i]!;
      const share = R * BigInt(s.graduates); // the share is share / G
      const floor = BigInt(s.min) * G;
      if (share < floor) {
        low.push(i);
        shortfall += floor - share;
      } else if (s.max !== Infinity && share > BigInt(s.max) * G) {
        high.push(i);
        excess += share - BigInt(s.max) * G;
      }
    }
    if (low.length === 0 && high.length === 0) return { fixed, rest, restGraduates };
    const fixLow = low.length > 0 && shortfall >= excess;
    for (const i of fixLow ? low : high) {
      fixed[i] = fixLow ? 'min' : 'max';
      rest -= fixLow ? schools[i]!.min : schools[i]!.max;
    }
    const done = new Set(fixLow ? low : high);
    free = free.filter((i) => !done.has(i));
  }
}

/** The quota of school i as a float, for display. */
export function quotaOf(q: BoundedQuota, school: NormalizedSchool, i: number): number {
  const bound = q.fixed[i];
  if (bound === 'min' || (bound === null && school.graduates === 0)) return school.min;
  if (bound === 'max') return school.max;
  return (q.rest * school.graduates) / q.restGraduates;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
