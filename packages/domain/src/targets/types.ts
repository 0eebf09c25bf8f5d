/**
 * Types of the sending-target split (R2): N_total divided into a sending target
 * (送培目标) per junior high, proportional to its graduates.
 */

/** Hamilton (largest remainder) is the default; Webster (Sainte-Laguë) is house-monotone. */
export type AllocationMethod = 'hamilton' | 'webster';

export const ALLOCATION_METHODS: readonly AllocationMethod[] = ['hamilton', 'webster'];

/** One junior high as the split sees it. `min`/`max` are an optional floor and ceiling. */
export type SchoolInput = {
  id: string;
  graduates: number;
  min?: number | null;
  max?: number | null;
};

export type AllocationInput = {
  total: number;
  schools: readonly SchoolInput[];
  method?: AllocationMethod;
};

export type AllocatedTarget = {
  id: string;
  graduates: number;
  target: number;
  /**
   * The exact bounded quota (total × graduates ÷ all graduates, with floors and
   * ceilings applied), as a float for display only: every comparison inside the
   * split is done on exact integers.
   */
  quota: number;
  /** Which bound held this school's quota (its proportional share fell outside it), if any. */
  bound: 'min' | 'max' | null;
};

export type LocalizedMessage = { 'zh-CN': string; 'en-US': string };

/** Every way the split (or an adjustment of it) can refuse, one code each. */
export type TargetsErrorCode =
  | 'TARGETS_INVALID_TOTAL'
  | 'TARGETS_UNKNOWN_METHOD'
  | 'TARGETS_INVALID_SCHOOL_ID'
  | 'TARGETS_DUPLICATE_SCHOOL_ID'
  | 'TARGETS_INVALID_GRADUATES'
  | 'TARGETS_INVALID_BOUND'
  | 'TARGETS_MIN_ABOVE_MAX'
  | 'TARGETS_MIN_SUM_ABOVE_TOTAL'
  | 'TARGETS_NO_GRADUATES'
  | 'TARGETS_MAX_SUM_BELOW_TOTAL'
  // adjustments
  | 'TARGETS_UNKNOWN_SCHOOL'
  | 'TARGETS_INVALID_TARGET'
  | 'TARGETS_TARGET_OUTSIDE_BOUNDS'
  | 'TARGETS_CURRENT_SUM_MISMATCH'
  | 'TARGETS_UNKNOWN_ADJUST_MODE';

export type TargetsErrorDetails = {
  /** The school concerned, when one school is the cause. */
  schoolId?: string;
  /** The schools concerned, when several are (e.g. schools without graduates). */
  schoolIds?: string[];
  field?: 'total' | 'method' | 'id' | 'graduates' | 'min' | 'max' | 'target' | 'mode';
  value?: unknown;
  total?: number;
  /** The sum that makes the bounds impossible (of floors, or of reachable ceilings). */
  sum?: number;
  min?: number;
  max?: number;
};

export type TargetsError = {
  ok: false;
  code: TargetsErrorCode;
  message: LocalizedMessage;
  details: TargetsErrorDetails;
};

export type AllocationResult = { ok: true; targets: AllocatedTarget[] } | TargetsError;
