/**
 * R2 adjustments: a clerk changes one school's sending target, and chooses how
 * the change is absorbed —
 *   rebalance     the split is re-run with that school fixed at the new value;
 *                 N_total stays, the other schools move;
 *   change_total  that school gets the new value, N_total moves by the same
 *                 difference, every other school keeps its target.
 * Nothing is saved here: the result carries the new targets and a per-school
 * diff (old, new, delta) so the clerk sees the effect first. The reason and the
 * author are kept by the caller with the saved version.
 */
import { allocateTargets, validateSchools } from './allocate';
import { targetsError } from './errors';
import { isNonNegativeInteger } from './exact';
import type { AllocationMethod, SchoolInput, TargetsError } from './types';

export type AdjustMode = 'rebalance' | 'change_total';

export type CurrentTarget = SchoolInput & { target: number };

export type AdjustInput = {
  /** N_total of the current split. */
  total: number;
  /** The method a rebalance re-runs (default hamilton). */
  method?: AllocationMethod;
  /** Every school with its bounds and its current target. */
  schools: readonly CurrentTarget[];
  schoolId: string;
  /** The new target of that school. */
  target: number;
  mode: AdjustMode;
};

export type TargetDiff = { id: string; old: number; new: number; delta: number };

export type AdjustResult =
  | {
      ok: true;
      mode: AdjustMode;
      previousTotal: number;
      total: number;
      targets: Array<{ id: string; graduates: number; target: number }>;
      /** Every school in input order, unchanged ones with delta 0. */
      diff: TargetDiff[];
    }
  | TargetsError;

export function adjustTarget(input: AdjustInput): AdjustResult {
  const refusal = checkAdjustment(input);
  if (refusal) return refusal;
  const { schools, schoolId, target, mode } = input;
  let next: Array<{ id: string; graduates: number; target: number }>;
  if (mode === 'change_total') {
    next = schools.map((s) => ({ id: s.id, graduates: s.graduates, target: s.id === schoolId ? target : s.target }));
  } else {
    const fixed = schools.map((s) => (s.id === schoolId ? { ...s, min: target, max: target } : s));
    const split = allocateTargets({ total: input.total, schools: fixed, method: input.method });
    if (!split.ok) return split;
    next = split.targets.map(({ id, graduates, target: t }) => ({ id, graduates, target: t }));
  }
  return {
    ok: true,
    mode,
    previousTotal: input.total,
    total: next.reduce((a, s) => a + s.target, 0),
    targets: next,
    diff: schools.map((s, i) => ({ id: s.id, old: s.target, new: next[i]!.target, delta: next[i]!.target - s.target })),
  };
}

function checkAdjustment(input: AdjustInput): TargetsError | null {
  const { total, schools, schoolId, target, mode } = input;
  if (mode !== 'rebalance' && mode !== 'change_total') return targetsError('TARGETS_UNKNOWN_ADJUST_MODE', { field: 'mode', value: mode });
  if (!isNonNegativeInteger(total)) return targetsError('TARGETS_INVALID_TOTAL', { field: 'total', value: total });
  const invalid = validateSchools(schools);
  if (invalid) return invalid;
  for (const s of schools) {
    if (!isNonNegativeInteger(s.target)) return targetsError('TARGETS_INVALID_TARGET', { schoolId: s.id, field: 'target', value: s.target });
  }
  const sum = schools.reduce((a, s) => a + s.target, 0);
  if (sum !== total) return targetsError('TARGETS_CURRENT_SUM_MISMATCH', { total, sum });
  const school = schools.find((s) => s.id === schoolId);
  if (!school) return targetsError('TARGETS_UNKNOWN_SCHOOL', { schoolId });
  if (!isNonNegativeInteger(target)) return targetsError('TARGETS_INVALID_TARGET', { schoolId, field: 'target', value: target });
  // The bureau's floor and ceiling stand until someone changes them on purpose.
  const min = school.min ?? 0;
  const max = school.max ?? undefined;
  if (target < min || (max !== undefined && target > max)) {
    return targetsError('TARGETS_TARGET_OUTSIDE_BOUNDS', { schoolId, value: target, min, ...(max !== undefined ? { max } : {}) });
  }
  return null;
}
