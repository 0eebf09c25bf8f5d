/**
 * The campaign settings as form values: date ranges as dayjs pairs for RangePicker,
 * the R12 ratio as a percentage. Field names mirror the API's, so a server error at
 * `settings.phases.visits.from` lands on the `settings.phases.visits` picker.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { canonicalJson, phaseKeys, type PhaseKey } from '@zhizhao/domain';
import type { CampaignSettingsValue } from '../../lib/types';

type Range = [Dayjs, Dayjs];
export type SettingsValues = {
  nDistrict: number;
  nTotal: number;
  visitWindowDistrictRun: Range;
  visitWindowCityRun: Range;
  maxVisitMinutes: number;
  /** Percent (45 for 45:55); the API holds a fraction. */
  vocationalRatio: number;
  earlyTransferFrom: Dayjs;
  statisticsDeadline: Dayjs;
  /** R16: read as true when the stored settings predate it. */
  refillNoShowSeats: boolean;
  phases: Record<PhaseKey, Range>;
};

const toRange = (r: { from: string; to: string }): Range => [dayjs(r.from), dayjs(r.to)];
const fromRange = (r: Range) => ({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') });

export function toFormValues(s: CampaignSettingsValue): SettingsValues {
  return {
    nDistrict: s.nDistrict,
    nTotal: s.nTotal,
    visitWindowDistrictRun: toRange(s.visitWindowDistrictRun),
    visitWindowCityRun: toRange(s.visitWindowCityRun),
    maxVisitMinutes: s.maxVisitMinutes,
    vocationalRatio: Math.round(s.vocationalRatio * 10000) / 100,
    earlyTransferFrom: dayjs(s.earlyTransferFrom),
    statisticsDeadline: dayjs(s.statisticsDeadline),
    refillNoShowSeats: s.refillNoShowSeats ?? true,
    phases: Object.fromEntries(phaseKeys.map((k) => [k, toRange(s.phases[k])])) as Record<PhaseKey, Range>,
  };
}

export function fromFormValues(v: SettingsValues): CampaignSettingsValue {
  return {
    nDistrict: v.nDistrict,
    nTotal: v.nTotal,
    visitWindowDistrictRun: fromRange(v.visitWindowDistrictRun),
    visitWindowCityRun: fromRange(v.visitWindowCityRun),
    maxVisitMinutes: v.maxVisitMinutes,
    vocationalRatio: Math.round(v.vocationalRatio * 100) / 10000,
    earlyTransferFrom: v.earlyTransferFrom.format('YYYY-MM-DD'),
    statisticsDeadline: v.statisticsDeadline.format('YYYY-MM-DD'),
    refillNoShowSeats: v.refillNoShowSeats,
    phases: Object.fromEntries(phaseKeys.map((k) => [k, fromRange(v.phases[k])])) as CampaignSettingsValue['phases'],
  };
}

/** Only the top-level settings that differ, so the audit log records what really changed. */
export function changedSettings(before: CampaignSettingsValue, after: CampaignSettingsValue): Partial<CampaignSettingsValue> {
  const out: Record<string, unknown> = {};
  // Settings added later are read with their default when a campaign predates them.
  const was = (k: keyof CampaignSettingsValue) => (k === 'refillNoShowSeats' ? (before[k] ?? true) : before[k]);
  for (const k of Object.keys(after) as (keyof CampaignSettingsValue)[]) {
    if (canonicalJson(was(k)) !== canonicalJson(after[k])) out[k] = after[k];
  }
  return out as Partial<CampaignSettingsValue>;
}
