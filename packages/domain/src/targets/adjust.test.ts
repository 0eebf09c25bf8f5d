/** Adjusting one school's target (R2): rebalance the others, or change N_total. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustTarget, type CurrentTarget } from './adjust';
import { allocateTargets } from './allocate';
import { demoJuniorHighs } from './demo-district';

const demoSplit = allocateTargets({ total: 2000, schools: demoJuniorHighs.map((s) => ({ id: s.code, graduates: s.graduates })) });
if (!demoSplit.ok) throw new Error(demoSplit.code);
const current: CurrentTarget[] = demoSplit.targets.map(({ id, graduates, target }) => ({ id, graduates, target }));

describe('rebalance', () => {
  it('fixes JH07 at 170 and re-splits the other 1830 seats, N_total unchanged', () => {
    const result = adjustTarget({ total: 2000, schools: current, schoolId: 'JH07', target: 170, mode: 'rebalance' });
    if (!result.ok) throw new Error(result.code);
    expect(result.total).toBe(2000);
    expect(result.previousTotal).toBe(2000);
    expect(result.targets.find((t) => t.id === 'JH07')!.target).toBe(170);
    // 1830 over the other 4093 graduates (0.4471 a graduate): ten schools give up one seat each.
    expect(result.diff.filter((d) => d.delta !== 0)).toEqual([
      { id: 'JH01', old: 140, new: 139, delta: -1 },
      { id: 'JH02', old: 129, new: 128, delta: -1 },
      { id: 'JH03', old: 119, new: 118, delta: -1 },
      { id: 'JH04', old: 112, new: 111, delta: -1 },
      { id: 'JH05', old: 104, new: 103, delta: -1 },
      { id: 'JH07', old: 160, new: 170, delta: 10 },
      { id: 'JH09', old: 92, new: 91, delta: -1 },
      { id: 'JH15', old: 77, new: 76, delta: -1 },
      { id: 'JH18', old: 57, new: 56, delta: -1 },
      { id: 'JH19', old: 53, new: 52, delta: -1 },
      { id: 'JH20', old: 47, new: 46, delta: -1 },
    ]);
    expect(result.diff.reduce((a, d) => a + d.delta, 0)).toBe(0);
  });

  it('re-runs the chosen method', () => {
    const result = adjustTarget({ total: 2000, method: 'webster', schools: current, schoolId: 'JH23', target: 32, mode: 'rebalance' });
    if (!result.ok) throw new Error(result.code);
    // JH23 keeps 32; the Webster split of the rest moves JH04's seat to JH07, as in the plain Webster split.
    expect(result.diff.filter((d) => d.delta !== 0).map((d) => [d.id, d.delta])).toEqual([
      ['JH04', -1],
      ['JH07', 1],
    ]);
  });

  it('explains when the rest cannot absorb the change', () => {
    const schools = current.map((s) => (s.id === 'JH01' ? { ...s, min: 140 } : s));
    const result = adjustTarget({ total: 2000, schools, schoolId: 'JH02', target: 1900, mode: 'rebalance' });
    expect(result).toMatchObject({ ok: false, code: 'TARGETS_MIN_SUM_ABOVE_TOTAL', details: { total: 2000, sum: 2040 } });
  });
});

describe('change_total', () => {
  it('gives JH07 170 and N_total 2010, every other school unchanged', () => {
    const result = adjustTarget({ total: 2000, schools: current, schoolId: 'JH07', target: 170, mode: 'change_total' });
    if (!result.ok) throw new Error(result.code);
    expect(result.total).toBe(2010);
    expect(result.diff.filter((d) => d.delta !== 0)).toEqual([{ id: 'JH07', old: 160, new: 170, delta: 10 }]);
    expect(result.targets.map((t) => t.target).filter((_, i) => i !== 6)).toEqual(current.map((s) => s.target).filter((_, i) => i !== 6));
  });

  it('can lower the total too', () => {
    const result = adjustTarget({ total: 2000, schools: current, schoolId: 'JH23', target: 20, mode: 'change_total' });
    expect(result).toMatchObject({ ok: true, total: 1988 });
  });
});

describe('refusals', () => {
  const base = { total: 2000, schools: current, schoolId: 'JH07', target: 170, mode: 'rebalance' as const };
  it.each([
    ['an unknown school', { schoolId: 'JH99' }, 'TARGETS_UNKNOWN_SCHOOL'],
    ['a negative target', { target: -1 }, 'TARGETS_INVALID_TARGET'],
    ['a fractional target', { target: 1.5 }, 'TARGETS_INVALID_TARGET'],
    ['an unknown mode', { mode: 'shrug' as 'rebalance' }, 'TARGETS_UNKNOWN_ADJUST_MODE'],
    ['targets that do not add up to the total', { total: 1999 }, 'TARGETS_CURRENT_SUM_MISMATCH'],
    ['a target above the school ceiling', { schools: current.map((s) => (s.id === 'JH07' ? { ...s, max: 165 } : s)) }, 'TARGETS_TARGET_OUTSIDE_BOUNDS'],
    ['a target below the school floor', { schools: current.map((s) => (s.id === 'JH07' ? { ...s, min: 175 } : s)) }, 'TARGETS_TARGET_OUTSIDE_BOUNDS'],
    ['duplicate schools', { schools: [...current, current[0]!] }, 'TARGETS_DUPLICATE_SCHOOL_ID'],
  ])('%s', (_name, change, code) => {
    for (const mode of ['rebalance', 'change_total'] as const) {
      const result = adjustTarget({ ...base, mode, ...change });
      expect(result).toMatchObject({ ok: false, code });
    }
  });
  it('names the bounds in the message', () => {
    const schools = current.map((s) => (s.id === 'JH07' ? { ...s, max: 165 } : s));
    const result = adjustTarget({ ...base, schools });
    expect(result).toMatchObject({ ok: false, message: { 'zh-CN': '学校 JH07 的新目标 170 超出其范围 [0, 165]，请先修改上下限。' } });
  });
});

describe('properties', () => {
  const district = fc
    .uniqueArray(fc.record({ id: fc.stringMatching(/^JH[0-9]{2}$/), graduates: fc.integer({ min: 1, max: 300 }) }), { minLength: 2, maxLength: 20, selector: (s) => s.id })
    .chain((schools) =>
      fc.record({
        schools: fc.constant(schools),
        total: fc.integer({ min: 0, max: 2000 }),
        pick: fc.nat({ max: schools.length - 1 }),
        target: fc.integer({ min: 0, max: 2000 }),
      }),
    );

  it('rebalance keeps N_total and sets the school; change_total moves only that school and N_total', () => {
    fc.assert(
      fc.property(district, ({ schools, total, pick, target }) => {
        const split = allocateTargets({ total, schools });
        if (!split.ok) throw new Error(split.code);
        const now = split.targets.map(({ id, graduates, target: t }) => ({ id, graduates, target: t }));
        const schoolId = schools[pick]!.id;

        const rebalanced = adjustTarget({ total, schools: now, schoolId, target: Math.min(target, total), mode: 'rebalance' });
        if (!rebalanced.ok) throw new Error(rebalanced.code);
        expect(rebalanced.total).toBe(total);
        expect(rebalanced.targets[pick]!.target).toBe(Math.min(target, total));
        expect(rebalanced.diff.reduce((a, d) => a + d.delta, 0)).toBe(0);

        const changed = adjustTarget({ total, schools: now, schoolId, target, mode: 'change_total' });
        if (!changed.ok) throw new Error(changed.code);
        expect(changed.total).toBe(total + target - now[pick]!.target);
        changed.diff.forEach((d, i) => expect(d.delta).toBe(i === pick ? target - now[pick]!.target : 0));
      }),
      { numRuns: 1000 },
    );
  });
});
