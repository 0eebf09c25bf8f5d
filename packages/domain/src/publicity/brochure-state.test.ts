import { describe, expect, it } from 'vitest';
import { brochureActions, brochureStates, brochureTransition, formatFilingNumber, type BrochureAction, type BrochureActor, type BrochureState } from './brochure-state';

/** The whole table: every state × action, with the one actor allowed and the outcome. */
const legal: Record<string, [BrochureActor, BrochureState | 'new_version']> = {
  'draft/edit': ['school', 'draft'],
  'draft/submit': ['school', 'submitted'],
  'returned/edit': ['school', 'draft'],
  'returned/submit': ['school', 'submitted'],
  'submitted/return': ['reviewer', 'returned'],
  'submitted/approve': ['reviewer', 'approved'],
  'approved/file': ['city', 'filed'],
  'approved/revise': ['school', 'new_version'],
  'filed/withdraw': ['city', 'withdrawn'],
  'filed/revise': ['school', 'new_version'],
  'filed/supersede': ['system', 'superseded'],
  'withdrawn/revise': ['school', 'new_version'],
};

describe('brochure state machine (R7)', () => {
  for (const state of brochureStates) {
    for (const action of brochureActions) {
      const key = `${state}/${action}`;
      it(`${key}: ${legal[key] ? `only ${legal[key]![0]} → ${legal[key]![1]}` : 'illegal'}`, () => {
        for (const actor of ['school', 'reviewer', 'city', 'system'] as BrochureActor[]) {
          const r = brochureTransition(state as BrochureState, action as BrochureAction, actor);
          if (!legal[key]) expect(r).toMatchObject({ ok: false, code: 'BROCHURE_ILLEGAL_TRANSITION' });
          else if (legal[key]![0] === actor) expect(r).toEqual({ ok: true, to: legal[key]![1] });
          else expect(r).toMatchObject({ ok: false, code: 'BROCHURE_NOT_YOUR_STEP' });
        }
      });
    }
  }

  it('freezes a filed version: editing it is refused, revising starts a new version', () => {
    expect(brochureTransition('filed', 'edit', 'school')).toMatchObject({ ok: false, code: 'BROCHURE_ILLEGAL_TRANSITION' });
    expect(brochureTransition('filed', 'revise', 'school')).toEqual({ ok: true, to: 'new_version' });
  });

  it('names the rule in a refusal', () => {
    const r = brochureTransition('draft', 'file', 'city');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.zh).toContain('R7');
  });
});

describe('filing numbers', () => {
  it('fills the year and the zero-padded sequence', () => {
    expect(formatFilingNumber('示教职招备〔{year}〕{seq:3}号', 2023, 12)).toBe('示教职招备〔2023〕012号');
    expect(formatFilingNumber('BA-{year}-{seq}', 2027, 7)).toBe('BA-2027-7');
  });
});
