/**
 * A campaign's settings: every number of the plan is one campaign's configuration,
 * with the plan's value as the default (RULES.md, "Numbers in the plan").
 * Dates are calendar days `YYYY-MM-DD` in the campaign's local calendar.
 */
import { DEFAULT_FILING_PATTERN } from '../publicity/brochure-state';
import { DEFAULT_TRANSFER_LIST_PATTERN } from '../transfers/early-transfer';
import { DEFAULT_RETURN_REASONS } from '../admission/round';

export type DateRange = { from: string; to: string };

export const phaseKeys = ['publicity', 'visits', 'application', 'earlyTransfer', 'admission', 'registration', 'statistics'] as const;
export type PhaseKey = (typeof phaseKeys)[number];

export type CampaignSettings = {
  /** R1: students the district-run vocational schools must enroll. */
  nDistrict: number;
  /** R1: graduates the district sends to city- and district-run vocational schools. */
  nTotal: number;
  /** R9: campus visit windows, by who runs the school. */
  visitWindowDistrictRun: DateRange;
  visitWindowCityRun: DateRange;
  /** R10: longest campus visit, minutes. */
  maxVisitMinutes: number;
  /** R12: vocational share of graduates entering vocational or general high: at least this (45:55 → 0.45). */
  vocationalRatio: number;
  /** R13: first day an early transfer may start. */
  earlyTransferFrom: string;
  /** R18: sending statistics due (10月上旬 → October 10). */
  statisticsDeadline: string;
  /** The plan's phase calendar. */
  phases: Record<PhaseKey, DateRange>;
  /**
   * R7: the city's filing numbers, `{year}` and `{seq}` / `{seq:3}` (zero-padded). Optional:
   * campaigns stored before it existed read the default (`withSettingDefaults`).
   */
  filingNumberPattern?: string;
  /** R11: how many ranked vocational choices an applicant may make (default 6). Optional like the pattern. */
  maxChoices?: number;
  /** R10: the school day a campus visit must fall in (HH:MM). Optional: read as 07:30–18:00. */
  schoolDay?: { start: string; end: string };
  /** R14: the district's filing numbers of early-transfer lists (汇总名单), like the brochure pattern. Optional like the pattern. */
  earlyTransferListPattern?: string;
  /** R15: the subjects that break ties in the admission, in order (default 语文, 数学, 外语). Optional like the pattern. */
  tiebreakSubjects?: string[];
  /** R15: the reasons for which a school may return an admitted student (退档). Optional like the pattern. */
  admissionReturnReasons?: string[];
  /** R16: whether a no-show's seat goes back to 补录 (late admission). Optional: read as true. */
  refillNoShowSeats?: boolean;
};

export const phaseLabels: Record<PhaseKey, { zh: string; en: string }> = {
  publicity: { zh: '宣传阶段', en: 'Publicity' },
  visits: { zh: '进校宣传', en: 'Campus visits' },
  application: { zh: '志愿填报', en: 'Applications' },
  earlyTransfer: { zh: '提前到中职学习', en: 'Early transfer' },
  admission: { zh: '统一录取', en: 'Admission' },
  registration: { zh: '报到', en: 'Registration' },
  statistics: { zh: '送培统计', en: 'Sending statistics' },
};

const d = (year: number, mmdd: string) => `${year}-${mmdd}`;

/** The plan's values for a given year. */
export function defaultCampaignSettings(year: number): CampaignSettings {
  return {
    nDistrict: 1100,
    nTotal: 2000,
    visitWindowDistrictRun: { from: d(year, '04-20'), to: d(year, '04-26') },
    visitWindowCityRun: { from: d(year, '04-27'), to: d(year, '04-30') },
    maxVisitMinutes: 120,
    vocationalRatio: 0.45,
    earlyTransferFrom: d(year, '05-01'),
    statisticsDeadline: d(year, '10-10'),
    phases: {
      publicity: { from: d(year, '03-01'), to: d(year, '04-30') },
      visits: { from: d(year, '04-20'), to: d(year, '04-30') },
      application: { from: d(year, '04-01'), to: d(year, '05-31') },
      earlyTransfer: { from: d(year, '05-01'), to: d(year, '06-30') },
      admission: { from: d(year, '06-01'), to: d(year, '08-31') },
      registration: { from: d(year, '08-15'), to: d(year, '09-30') },
      statistics: { from: d(year, '09-01'), to: d(year, '10-10') },
    },
    filingNumberPattern: DEFAULT_FILING_PATTERN,
    maxChoices: 6,
    earlyTransferListPattern: DEFAULT_TRANSFER_LIST_PATTERN,
    schoolDay: { ...DEFAULT_SCHOOL_DAY },
    tiebreakSubjects: [...DEFAULT_TIEBREAK_SUBJECTS],
    admissionReturnReasons: [...DEFAULT_RETURN_REASONS],
    refillNoShowSeats: true,
  };
}

export const DEFAULT_TIEBREAK_SUBJECTS = ['语文', '数学', '外语'] as const;

export const DEFAULT_SCHOOL_DAY = { start: '07:30', end: '18:00' } as const;

/** Stored settings with the defaults of settings added later filled in (applied on read). */
export function withSettingDefaults<T extends CampaignSettings>(s: T): T & Required<Pick<CampaignSettings, 'filingNumberPattern' | 'maxChoices' | 'earlyTransferListPattern' | 'schoolDay' | 'tiebreakSubjects' | 'admissionReturnReasons' | 'refillNoShowSeats'>> {
  return {
    ...s,
    filingNumberPattern: s.filingNumberPattern ?? DEFAULT_FILING_PATTERN,
    maxChoices: s.maxChoices ?? 6,
    earlyTransferListPattern: s.earlyTransferListPattern ?? DEFAULT_TRANSFER_LIST_PATTERN,
    schoolDay: s.schoolDay ?? { ...DEFAULT_SCHOOL_DAY },
    tiebreakSubjects: s.tiebreakSubjects ?? [...DEFAULT_TIEBREAK_SUBJECTS],
    admissionReturnReasons: s.admissionReturnReasons ?? [...DEFAULT_RETURN_REASONS],
    refillNoShowSeats: s.refillNoShowSeats ?? true,
  };
}

export type SettingsProblem = { path: string; zh: string; en: string };

/** Consistency checks beyond field types; an empty list means the settings are usable. */
export function checkCampaignSettings(year: number, s: CampaignSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const inYear = (path: string, date: string) => {
    if (!date.startsWith(`${year}-`)) problems.push({ path, zh: `日期须在 ${year} 年内`, en: `date must be in ${year}` });
  };
  const range = (path: string, r: DateRange) => {
    inYear(`${path}.from`, r.from);
    inYear(`${path}.to`, r.to);
    if (r.from > r.to) problems.push({ path, zh: '开始日期晚于结束日期', en: 'starts after it ends' });
  };
  if (s.nDistrict > s.nTotal) {
    problems.push({ path: 'nDistrict', zh: '区属学校招生目标不能大于送培总目标', en: 'N_district cannot exceed N_total' });
  }
  range('visitWindowDistrictRun', s.visitWindowDistrictRun);
  range('visitWindowCityRun', s.visitWindowCityRun);
  for (const key of phaseKeys) range(`phases.${key}`, s.phases[key]);
  inYear('earlyTransferFrom', s.earlyTransferFrom);
  inYear('statisticsDeadline', s.statisticsDeadline);
  if (s.filingNumberPattern !== undefined && !/\{seq(?::\d+)?\}/.test(s.filingNumberPattern)) {
    problems.push({ path: 'filingNumberPattern', zh: '备案号格式须包含序号 {seq}（如 {seq:3}）', en: 'the filing number pattern must contain {seq} (e.g. {seq:3})' });
  }
  if (s.schoolDay && s.schoolDay.start >= s.schoolDay.end) {
    problems.push({ path: 'schoolDay', zh: '作息时间的开始须早于结束', en: 'the school day must start before it ends' });
  }
  if (s.earlyTransferListPattern !== undefined && !/\{seq(?::\d+)?\}/.test(s.earlyTransferListPattern)) {
    problems.push({ path: 'earlyTransferListPattern', zh: '汇总名单备案号格式须包含序号 {seq}（如 {seq:3}）', en: 'the early-transfer list number pattern must contain {seq} (e.g. {seq:3})' });
  }
  if (s.earlyTransferFrom.startsWith(`${year}-`) && (s.earlyTransferFrom < s.phases.earlyTransfer.from || s.earlyTransferFrom > s.phases.earlyTransfer.to)) {
    problems.push({ path: 'earlyTransferFrom', zh: '提前到中职学习的开始日期须在"提前到中职学习"阶段内', en: 'the early-transfer start must fall inside the early-transfer phase' });
  }
  return problems;
}

/** The phases a day falls in (they overlap: applications open while visits run). */
export function phasesOn(date: string, s: CampaignSettings): PhaseKey[] {
  return phaseKeys.filter((k) => s.phases[k].from <= date && date <= s.phases[k].to);
}

/** Upcoming phase starts and deadlines after a day, soonest first. */
export function upcomingMilestones(date: string, s: CampaignSettings, limit = 5): Array<{ date: string; phase: PhaseKey; kind: 'start' | 'end' }> {
  const out: Array<{ date: string; phase: PhaseKey; kind: 'start' | 'end' }> = [];
  for (const k of phaseKeys) {
    if (s.phases[k].from > date) out.push({ date: s.phases[k].from, phase: k, kind: 'start' });
    if (s.phases[k].to >= date) out.push({ date: s.phases[k].to, phase: k, kind: 'end' });
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : phaseKeys.indexOf(a.phase) - phaseKeys.indexOf(b.phase)));
  return out.slice(0, limit);
}
