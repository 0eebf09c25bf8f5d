/**
 * R2: split N_total into a sending target (送培目标) per junior high, in
 * proportion to its graduates, with optional per-school floor (min) and ceiling
 * (max). The result adds up exactly to the total, or says why it cannot.
 *
 *   allocateTargets({ total: 2000, schools, method: 'hamilton' })
 *
 * Both methods round the same bounded quota (see bounded-quota.ts):
 *   hamilton (default) — largest remainder; every unbounded school gets the floor
 *                        or the ceiling of its exact quota.
 *   webster            — Sainte-Laguë divisor method; house-monotone.
 * Ties never depend on input order: larger remainder (or priority) first, then
 * more graduates, then school id in code-point order. Why: docs/decisions/0102.
 */
import { boundedQuota, quotaOf, type NormalizedSchool } from './bounded-quota';
import { targetsError } from './errors';
import { isNonNegativeInteger } from './exact';
import { hamiltonSeats } from './hamilton';
import { ALLOCATION_METHODS, type AllocationInput, type AllocationResult, type SchoolInput, type TargetsError } from './types';
import { websterSeats } from './webster';

export function allocateTargets(input: AllocationInput): AllocationResult {
  const method = input.method ?? 'hamilton';
  if (!ALLOCATION_METHODS.includes(method)) return targetsError('TARGETS_UNKNOWN_METHOD', { field: 'method', value: method });
  const checked = validateAllocation(input.total, input.schools);
  if (!Array.isArray(checked)) return checked;
  const schools = checked;
  const q = boundedQuota(input.total, schools);
  const seats = method === 'webster' ? websterSeats(input.total, q, schools) : hamiltonSeats(q, schools);
  return {
    ok: true,
    targets: schools.map((s, i) => ({
      id: s.id,
      graduates: s.graduates,
      target: seats[i]!,
      quota: quotaOf(q, s, i),
      bound: q.fixed[i]!,
    })),
  };
}

/**
 * Checks the input in a fixed order (total; each school in input order; then the
 * sums) and returns the normalized schools, or the first refusal.
 */
export function validateAllocation(total: number, input: readonly SchoolInput[]): NormalizedSchool[] | TargetsError {
  if (!isNonNegativeInteger(total)) return targetsError('TARGETS_INVALID_TOTAL', { field: 'total', value: total });
  const refusal = validateSchools(input);
  if (refusal) return refusal;
  const schools: NormalizedSchool[] = [];
  const heldToFloor: string[] = []; // no graduates, though their own max would allow more
  for (const s of input) {
    const min = s.min ?? 0;
    // A school without graduates has a proportional share of 0: it can get its floor, never more.
    const max = s.graduates === 0 ? min : (s.max ?? Infinity);
    if (s.graduates === 0 && (s.max ?? Infinity) > min) heldToFloor.push(s.id);
    schools.push({ id: s.id, graduates: s.graduates, min, max });
  }
  const sumMin = schools.reduce((a, s) => a + s.min, 0);
  if (sumMin > total) return targetsError('TARGETS_MIN_SUM_ABOVE_TOTAL', { total, sum: sumMin });
  if (total > 0 && schools.every((s) => s.graduates === 0)) return targetsError('TARGETS_NO_GRADUATES', { total });
  const sumMax = schools.reduce((a, s) => a + s.max, 0);
  if (sumMax < total) {
    const details = heldToFloor.length ? { schoolIds: heldToFloor } : {};
    return targetsError('TARGETS_MAX_SUM_BELOW_TOTAL', { total, sum: sumMax, ...details });
  }
  return schools;
}

/** Each school on its own (id, graduates, bounds), in input order; the first refusal or null. */
export function validateSchools(input: readonly SchoolInput[]): TargetsError | null {
  const seen = new Set<string>();
  for (const s of input) {
    const refusal = checkSchool(s, seen);
    if (refusal) return refusal;
    seen.add(s.id);
  }
  return null;
}

function checkSchool(s: SchoolInput, seen: Set<string>): TargetsError | null {
  if (typeof s.id !== 'string' || s.id === '') return targetsError('TARGETS_INVALID_SCHOOL_ID', { field: 'id', value: s.id });
  if (seen.has(s.id)) return targetsError('TARGETS_DUPLICATE_SCHOOL_ID', { schoolId: s.id, field: 'id', value: s.id });
  if (!isNonNegativeInteger(s.graduates)) {
    return targetsError('TARGETS_INVALID_GRADUATES', { schoolId: s.id, field: 'graduates', value: s.graduates });
  }
  for (const field of ['min', 'max'] as const) {
    const v = s[field];
    if (v !== undefined && v !== null && !isNonNegativeInteger(v)) {
      return targetsError('TARGETS_INVALID_BOUND', { schoolId: s.id, field, value: v });
    }
  }
  if (s.min != null && s.max != null && s.min > s.max) {
    return targetsError('TARGETS_MIN_ABOVE_MAX', { schoolId: s.id, min: s.min, max: s.max });
  }
  return null;
}
