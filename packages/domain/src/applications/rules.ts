/**
 * The application (志愿) rules, pure: the exclusive track (普职不兼报, R11), the ranked
 * vocational choices among qualified (R4) schools with a filed brochure (R7), the window,
 * and the confirmation of each version by the student and the guardian (自愿, R11, R21).
 */
import type { CampaignSettings } from '../campaign/settings';

export const tracks = ['vocational', 'general'] as const;
export type Track = (typeof tracks)[number];
/** Who entered a version: the family itself, or junior-high staff on its behalf. */
export type EnteredBy = 'student' | 'guardian' | 'staff';

/** The plan leaves the number of choices to the campaign; 6 is the default. */
export const DEFAULT_MAX_CHOICES = 6;

export type ApplicationInput = { track: Track | null; programmeIds: number[]; acceptAdjustment: boolean };

/** What the rules need to know of a programme (planned seats of a school's major on a campus). */
export type ProgrammeFacts = { programmeId: number; schoolId: number; qualified: boolean; filed: boolean; seats: number };

export type ApplicationRefusalCode =
  | 'APPLICATION_BOTH_TRACKS'
  | 'APPLICATION_TOO_MANY_CHOICES'
  | 'APPLICATION_NO_CHOICES'
  | 'APPLICATION_DUPLICATE_CHOICE'
  | 'APPLICATION_UNKNOWN_PROGRAMME'
  | 'APPLICATION_PROGRAMME_NOT_QUALIFIED'
  | 'APPLICATION_PROGRAMME_NOT_FILED'
  | 'APPLICATION_NOT_FOR_SOCIAL';

export type ApplicationRefusal = { code: ApplicationRefusalCode; rule: string; zh: string; en: string; programmeIds?: number[] };

const refusal = (code: ApplicationRefusalCode, rule: string, zh: string, en: string, programmeIds?: number[]): ApplicationRefusal => ({ code, rule, zh, en, ...(programmeIds ? { programmeIds } : {}) });

export type ApplicationRuleContext = { maxChoices: number; programmes: ReadonlyMap<number, ProgrammeFacts>; social: boolean };

/** Every rule the input breaks (empty: it may be saved). */
export function checkApplication(input: ApplicationInput, ctx: ApplicationRuleContext): ApplicationRefusal[] {
  const out: ApplicationRefusal[] = [];
  const ids = input.programmeIds;
  if (input.track === 'general' && ctx.social) out.push(refusal('APPLICATION_NOT_FOR_SOCIAL', 'R5', '社会人员只能报读中职（注册入学）', 'Social applicants apply to vocational programmes only'));
  if (input.track !== 'vocational') {
    if (ids.length) out.push(refusal('APPLICATION_BOTH_TRACKS', 'R11', '普职不兼报：选择普通高中（或尚未选择方向）时不能填报中职志愿', 'General or vocational, never both: without the vocational track there are no vocational choices'));
    return out;
  }
  if (!ids.length) out.push(refusal('APPLICATION_NO_CHOICES', 'R11', '选择中职须至少填报一个志愿', 'The vocational track needs at least one choice'));
  if (ids.length > ctx.maxChoices) out.push(refusal('APPLICATION_TOO_MANY_CHOICES', 'R11', `最多可填报 ${ctx.maxChoices} 个中职志愿`, `At most ${ctx.maxChoices} vocational choices`));
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dup.length) out.push(refusal('APPLICATION_DUPLICATE_CHOICE', 'R11', '同一专业不能重复填报', 'The same programme is chosen twice', [...new Set(dup)]));
  const unique = [...new Set(ids)];
  const unknown = unique.filter((id) => !ctx.programmes.has(id) || ctx.programmes.get(id)!.seats <= 0);
  if (unknown.length) out.push(refusal('APPLICATION_UNKNOWN_PROGRAMME', 'R11', '所选专业不在本招生活动的招生计划内', 'A chosen programme is not in this campaign\'s plan', unknown));
  const known = unique.map((id) => ctx.programmes.get(id)).filter((p): p is ProgrammeFacts => p !== undefined);
  const unqualified = known.filter((p) => !p.qualified).map((p) => p.programmeId);
  if (unqualified.length) out.push(refusal('APPLICATION_PROGRAMME_NOT_QUALIFIED', 'R4', '所选专业的学校不在本年度具备招生资格的学校名单内', 'The school is not on this year\'s list of qualified schools', unqualified));
  const unfiled = known.filter((p) => !p.filed).map((p) => p.programmeId);
  if (unfiled.length) out.push(refusal('APPLICATION_PROGRAMME_NOT_FILED', 'R7', '所选专业的学校没有经审查备案的招生简章', 'The school has no reviewed and filed brochure', unfiled));
  return out;
}

/** A programme a family may choose now (the list it is offered). */
export const isChoosable = (p: ProgrammeFacts) => p.qualified && p.filed && p.seats > 0;

export function maxChoicesOf(settings: Pick<CampaignSettings, 'maxChoices'>): number {
  return settings.maxChoices ?? DEFAULT_MAX_CHOICES;
}

/** Inside the campaign's application phase (local calendar days, both ends included). */
export function inApplicationWindow(today: string, settings: Pick<CampaignSettings, 'phases'>): boolean {
  const w = settings.phases.application;
  return w.from <= today && today <= w.to;
}

/** Days left before the window closes (0 on the last day), or null when closed or not yet open. */
export function daysLeftInWindow(today: string, settings: Pick<CampaignSettings, 'phases'>): number | null {
  if (!inApplicationWindow(today, settings)) return null;
  return Math.round((Date.parse(`${settings.phases.application.to}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type ConfirmationFacts = {
  track: Track | null;
  /** Incremented by every saved change; a confirmation names the version it confirms. */
  version: number;
  studentConfirmedVersion: number | null;
  guardianConfirmedVersion: number | null;
  /** A social applicant (R5) is an adult: no guardian confirms. */
  social: boolean;
};

export const applicationStatuses = ['undecided', 'draft', 'awaiting_student', 'awaiting_guardian', 'confirmed'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/**
 * Final only when the student and the guardian have both confirmed the current version (an
 * entry by staff on the family's behalf included: it stays a draft until the family confirms).
 */
export function applicationStatus(f: ConfirmationFacts): ApplicationStatus {
  if (f.track === null) return 'undecided';
  const student = f.studentConfirmedVersion === f.version;
  const guardian = f.social || f.guardianConfirmedVersion === f.version;
  if (student && guardian) return 'confirmed';
  if (student) return 'awaiting_guardian';
  if (guardian && f.guardianConfirmedVersion === f.version) return 'awaiting_student';
  return 'draft';
}

export type Confirmer = 'student' | 'guardian';

/** Who may still confirm the current version (empty when confirmed or undecided). */
export function pendingConfirmers(f: ConfirmationFacts): Confirmer[] {
  if (f.track === null) return [];
  const out: Confirmer[] = [];
  if (f.studentConfirmedVersion !== f.version) out.push('student');
  if (!f.social && f.guardianConfirmedVersion !== f.version) out.push('guardian');
  return out;
}

/** R12: the vocational share of the decided (vocational : general ≥ 45 : 55 → 0.45). */
export function vocationalShare(vocational: number, general: number): number | null {
  return vocational + general === 0 ? null : vocational / (vocational + general);
}

export const applicationStatusLabels: Record<ApplicationStatus, { zh: string; en: string }> = {
  undecided: { zh: '未选择方向', en: 'Undecided' },
  draft: { zh: '未确认', en: 'Not confirmed' },
  awaiting_student: { zh: '待学生确认', en: 'Awaiting the student' },
  awaiting_guardian: { zh: '待家长确认', en: 'Awaiting the guardian' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
};
export const trackLabels: Record<Track, { zh: string; en: string }> = {
  vocational: { zh: '中职学校', en: 'Vocational school' },
  general: { zh: '普通高中', en: 'General senior high' },
};
export const enteredByLabels: Record<EnteredBy, { zh: string; en: string }> = {
  student: { zh: '学生本人', en: 'The student' },
  guardian: { zh: '家长', en: 'The guardian' },
  staff: { zh: '初中学校代填', en: 'Junior-high staff on the family\'s behalf' },
};
