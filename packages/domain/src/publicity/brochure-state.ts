/**
 * The brochure workflow (R6, R7) as a pure state machine:
 *
 *   draft ──submit──► submitted ──approve──► approved ──file──► filed ──withdraw──► withdrawn
 *     ▲                 │                                        │
 *     └──(edit)── returned ◄──return──┘                          └── a new version's filing ──► superseded
 *
 * A filed (or withdrawn) version is frozen: editing starts a new version (`revise`), which goes
 * through review again; the public always sees the latest filed version.
 * Who may act: the school edits and submits its own; the reviewing bureau (the district bureau
 * for a district-run school, the city bureau for a city-run one) returns or approves; the city
 * bureau files and withdraws.
 */
export const brochureStates = ['draft', 'submitted', 'returned', 'approved', 'filed', 'withdrawn', 'superseded'] as const;
export type BrochureState = (typeof brochureStates)[number];

export const brochureActions = ['edit', 'submit', 'return', 'approve', 'file', 'withdraw', 'revise', 'supersede'] as const;
export type BrochureAction = (typeof brochureActions)[number];

export type BrochureActor = 'school' | 'reviewer' | 'city' | 'system';

const transitions: Record<BrochureAction, { from: readonly BrochureState[]; to: BrochureState | 'new_version'; by: readonly BrochureActor[] }> = {
  edit: { from: ['draft', 'returned'], to: 'draft', by: ['school'] },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: ['school'] },
  return: { from: ['submitted'], to: 'returned', by: ['reviewer'] },
  approve: { from: ['submitted'], to: 'approved', by: ['reviewer'] },
  file: { from: ['approved'], to: 'filed', by: ['city'] },
  withdraw: { from: ['filed'], to: 'withdrawn', by: ['city'] },
  // Editing a frozen version starts the next version as a draft; the frozen one stays as it is.
  revise: { from: ['filed', 'withdrawn', 'approved'], to: 'new_version', by: ['school'] },
  // Filing version n+1 supersedes the filed version n.
  supersede: { from: ['filed'], to: 'superseded', by: ['system'] },
};

export type TransitionResult =
  | { ok: true; to: BrochureState | 'new_version' }
  | { ok: false; code: 'BROCHURE_ILLEGAL_TRANSITION' | 'BROCHURE_NOT_YOUR_STEP'; zh: string; en: string };

export const brochureStateLabels: Record<BrochureState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审查', en: 'Submitted' },
  returned: { zh: '已退回修改', en: 'Returned' },
  approved: { zh: '审查通过待备案', en: 'Approved' },
  filed: { zh: '已备案发布', en: 'Filed' },
  withdrawn: { zh: '已撤销', en: 'Withdrawn' },
  superseded: { zh: '已被新版本替代', en: 'Superseded' },
};

export function brochureTransition(state: BrochureState, action: BrochureAction, actor: BrochureActor): TransitionResult {
  const t = transitions[action];
  if (!t.from.includes(state)) {
    return {
      ok: false,
      code: 'BROCHURE_ILLEGAL_TRANSITION',
      zh: `“${brochureStateLabels[state].zh}”状态的招生简章不能执行此操作（R7）`,
      en: `a brochure in state "${state}" cannot be ${action === 'edit' ? 'edited' : `${action}ed`} (R7)`,
    };
  }
  if (!t.by.includes(actor)) {
    return { ok: false, code: 'BROCHURE_NOT_YOUR_STEP', zh: '此步骤不由您的机构办理（R7：区属学校由区教育局审查，市属学校由市教育局审查，市教育局备案）', en: 'this step is not yours (R7: the district reviews district-run schools, the city city-run ones; the city files)' };
  }
  return { ok: true, to: t.to };
}

/** R7: who reviews a school's brochure. */
export function reviewerOf(runBy: 'district' | 'city'): 'district_bureau' | 'city_bureau' {
  return runBy === 'district' ? 'district_bureau' : 'city_bureau';
}

/** Formats a filing number from a pattern: `{year}` and `{seq}` / `{seq:3}` (zero-padded). */
export function formatFilingNumber(pattern: string, year: number, seq: number): string {
  return pattern.replace(/\{year\}/g, String(year)).replace(/\{seq(?::(\d+))?\}/g, (_, width?: string) => String(seq).padStart(Number(width ?? 0), '0'));
}

export const DEFAULT_FILING_PATTERN = '示教职招备〔{year}〕{seq:3}号';
