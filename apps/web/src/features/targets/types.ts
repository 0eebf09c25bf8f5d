/**
 * Targets response types inferred from the contracts' zod schemas, as types only so
 * zod stays out of the browser bundle.
 */
import type {
  adjustPreview,
  compareResponse,
  cityTargetsResponse,
  districtTargetsResponse,
  graduatesResponse,
  targetsImportResult,
  targetsOverview,
  targetVersion,
  targetVersionSummary,
} from '@zhizhao/contracts';
import type { Infer } from '../../lib/types';


export type { TargetRow } from '@zhizhao/contracts';
export type TargetVersion = Infer<typeof targetVersion>;
export type VersionSummary = Infer<typeof targetVersionSummary>;
export type VersionStatus = VersionSummary['status'];
export type AllocationMethod = VersionSummary['method'];
export type TargetTotals = TargetVersion['totals'];
export type Adjustment = TargetVersion['adjustments'][number];
export type TargetsOverview = Infer<typeof targetsOverview>;
export type OwnHistoryEntry = NonNullable<TargetsOverview['ownHistory']>[number];
export type AdjustMode = Infer<typeof adjustPreview>['mode'];
export type AdjustPreview = Infer<typeof adjustPreview>;
export type CompareResult = Infer<typeof compareResponse>;
export type CityTargets = Infer<typeof cityTargetsResponse>;
export type CityDistrict = CityTargets['districts'][number];
export type DistrictTargets = Infer<typeof districtTargetsResponse>;
export type Graduates = Infer<typeof graduatesResponse>;
export type GraduatesRow = Graduates['rows'][number];
export type TargetsImportResult = Infer<typeof targetsImportResult>;
export type ImportRowError = TargetsImportResult['errors'][number];

export type AdjustInput = { organizationId: number; target: number; mode: AdjustMode; reason: string };
export type Bound = { organizationId: number; min: number | null; max: number | null };
export type CreateDraftInput = { method: AllocationMethod; bounds: Bound[]; note: string };
