/** The sending-target split (R2), its adjustments and the R12 ratio helpers. */
export type {
  AllocatedTarget,
  AllocationInput,
  AllocationMethod,
  AllocationResult,
  LocalizedMessage,
  SchoolInput,
  TargetsError,
  TargetsErrorCode,
  TargetsErrorDetails,
} from './types';
export { ALLOCATION_METHODS } from './types';
export { allocateTargets } from './allocate';
export { adjustTarget, type AdjustInput, type AdjustMode, type AdjustResult, type CurrentTarget, type TargetDiff } from './adjust';
export {
  districtRatio,
  exactRatio,
  requiredForRatio,
  schoolRatios,
  trackSplit,
  type DistrictRatio,
  type Fraction,
  type RatioRow,
  type SchoolRatio,
  type TrackSplit,
} from './ratio';
export { demoJuniorHighs, type DemoJuniorHigh } from './demo-district';
