/**
 * Golden cases of the split (R2), small enough to check by hand. The quota of a
 * school is total × graduates ÷ Σ graduates; "remainder" is its fractional part.
 */
import { describe, expect, it } from 'vitest';
import { allocateTargets } from './allocate';
import { demoJuniorHighs } from './demo-district';
import type { AllocationResult, SchoolInput } from './types';

const demo: SchoolInput[] = demoJuniorHighs.map((s) => ({ id: s.code, graduates: s.graduates }));

function targets(result: AllocationResult): number[] {
  if (!result.ok) throw new Error(`expected a split, got ${result.code}: ${result.message['en-US']}`);
  return result.targets.map((t) => t.target);
}

function byId(result: AllocationResult): Record<string, number> {
  if (!result.ok) throw new Error(result.code);
  return Object.fromEntries(result.targets.map((t) => [t.id, t.target]));
}

describe('the demo district (24 junior highs, 4,450 graduates), N_total 2000', () => {
  it('has 24 schools JH01..JH24 and 4,450 graduates', () => {
    expect(demoJuniorHighs.map((s) => s.code)).toEqual(Array.from({ length: 24 }, (_, i) => `JH${String(i + 1).padStart(2, '0')}`));
    expect(demoJuniorHighs.reduce((a, s) => a + s.graduates, 0)).toBe(4450);
    expect(new Set(demoJuniorHighs.map((s) => s.name)).size).toBe(24);
  });

  it('Hamilton: floors add to 1990; the 10 seats left go to the 10 largest remainders', () => {
    // quota = graduates × 2000 / 4450 = graduates × 40 / 89.
    // +1 (remainder): JH08 .989, JH23 .910, JH15 .854, JH05 .820, JH20 .742,
    // JH09 .685, JH18 .629, JH19 .584, JH02 .539, JH04 .461 — the next, JH07 .449, misses.
    // prettier-ignore
    expect(targets(allocateTargets({ total: 2000, schools: demo }))).toEqual([
      140, 129, 119, 112, 104, 98, 160, 89, 92, 109, 84, 79,
      74, 68, 77, 64, 62, 57, 53, 47, 43, 37, 32, 71,
    ]);
  });

  it('Webster: rounding at ½ with divisor 2.225 gives 1999; the divisor is lowered until JH07 crosses 160.5', () => {
    // Nine remainders are ≥ .5 (JH02 05 08 09 15 18 19 20 23): 1990 + 9 = 1999.
    // The next school to reach k + ½ as the divisor falls: JH07 (160.449 → 160.5,
    // 0.032% lower) before JH04 (111.461 → 111.5, 0.035% lower). So JH07 has 161
    // and JH04 111, where Hamilton gives JH07 160 and JH04 112.
    // prettier-ignore
    expect(targets(allocateTargets({ total: 2000, schools: demo, method: 'webster' }))).toEqual([
      140, 129, 119, 111, 104, 98, 161, 89, 92, 109, 84, 79,
      74, 68, 77, 64, 62, 57, 53, 47, 43, 37, 32, 71,
    ]);
  });

  it('reports the exact quota and no binding bound', () => {
    const result = allocateTargets({ total: 2000, schools: demo });
    if (!result.ok) throw new Error(result.code);
    expect(result.targets[6]).toEqual({ id: 'JH07', graduates: 357, target: 160, quota: (357 * 2000) / 4450, bound: null });
  });

  it('with bounds that bind (JH07 at most 150, JH23 at least 40), both methods agree', () => {
    const schools = demo.map((s) => (s.id === 'JH07' ? { ...s, max: 150 } : s.id === 'JH23' ? { ...s, min: 40 } : s));
    // JH07's share (160.4) is above 150 and JH23's (31.9) below 40: both are fixed,
    // and 2000 − 150 − 40 = 1810 is split over the other 4022 graduates.
    // prettier-ignore
    const expected = [
      141, 129, 119, 112, 104, 99, 150, 89, 92, 109, 84, 79,
      74, 68, 77, 64, 62, 57, 53, 47, 43, 37, 40, 71,
    ];
    const hamilton = allocateTargets({ total: 2000, schools });
    expect(targets(hamilton)).toEqual(expected);
    expect(targets(allocateTargets({ total: 2000, schools, method: 'webster' }))).toEqual(expected);
    if (!hamilton.ok) throw new Error();
    expect(hamilton.targets.filter((t) => t.bound).map((t) => [t.id, t.bound])).toEqual([
      ['JH07', 'max'],
      ['JH23', 'min'],
    ]);
    expect(hamilton.targets[0]!.quota).toBeCloseTo((1810 * 312) / 4022, 12);
  });
});

describe('ties are broken by graduates, then school id — never by input order', () => {
  it('three equal schools, 10 seats: 3⅓ each, the one seat left goes to the smallest id', () => {
    const schools = [
      { id: 'C', graduates: 100 },
      { id: 'A', graduates: 100 },
      { id: 'B', graduates: 100 },
    ];
    for (const method of ['hamilton', 'webster'] as const) {
      expect(byId(allocateTargets({ total: 10, schools, method }))).toEqual({ A: 4, B: 3, C: 3 });
      expect(byId(allocateTargets({ total: 10, schools: [...schools].reverse(), method }))).toEqual({ A: 4, B: 3, C: 3 });
    }
  });

  it('equal remainders (0.5 and 1.5), the seat goes to the school with more graduates', () => {
    // 5 seats over 1 + 3 + 6 = 10 graduates: quotas 0.5, 1.5, 3. Floors 0 + 1 + 3 = 4.
    const schools = [
      { id: 'A', graduates: 1 },
      { id: 'B', graduates: 3 },
      { id: 'C', graduates: 6 },
    ];
    expect(targets(allocateTargets({ total: 5, schools }))).toEqual([0, 2, 3]);
    // Webster: priorities g/(k+½): the 5th seat is a tie of A's first (1/0.5 = 2) and B's second (3/1.5 = 2).
    expect(targets(allocateTargets({ total: 5, schools, method: 'webster' }))).toEqual([0, 2, 3]);
  });

  it('code-point order, not locale order, decides among equal schools', () => {
    const schools = ['示例区二中', 'b', 'B', '𠀀'].map((id) => ({ id, graduates: 10 }));
    // 1 seat for four equal schools: 'B' (U+0042) < 'b' < 示 (U+793A) < 𠀀 (U+20000).
    expect(byId(allocateTargets({ total: 1, schools }))).toEqual({ 示例区二中: 0, b: 0, B: 1, '𠀀': 0 });
    // 𠀀 is a surrogate pair in UTF-16 (0xD840…), which sorts below 示 by code unit but above it by code point.
    expect(byId(allocateTargets({ total: 3, schools }))).toEqual({ 示例区二中: 1, b: 1, B: 1, '𠀀': 0 });
  });
});

describe('the Alabama paradox, and why Webster exists', () => {
  // A 29, B 11, C 32 graduates (72). Hamilton at 3 seats: quotas 1.21, 0.46, 1.33 →
  // 1 + 0 + 1, the last seat to B (.46) → 1,1,1. At 4 seats: 1.61, 0.61, 1.78 →
  // 1 + 0 + 1, seats to C (.78) and then A or B (both .61, exactly 44/72: A has
  // more graduates) → 2,0,2. Raising the total took B's seat away.
  const schools = [
    { id: 'A', graduates: 29 },
    { id: 'B', graduates: 11 },
    { id: 'C', graduates: 32 },
  ];
  it('Hamilton loses a seat for B when the total grows from 3 to 4', () => {
    expect(targets(allocateTargets({ total: 3, schools }))).toEqual([1, 1, 1]);
    expect(targets(allocateTargets({ total: 4, schools }))).toEqual([2, 0, 2]);
  });
  it('Webster only adds: 1,1,1 then 1,1,2', () => {
    expect(targets(allocateTargets({ total: 3, schools, method: 'webster' }))).toEqual([1, 1, 1]);
    expect(targets(allocateTargets({ total: 4, schools, method: 'webster' }))).toEqual([1, 1, 2]);
  });
});

describe('bounds, done properly', () => {
  it('fixes only the side that must bind: a floor that binds can free a ceiling', () => {
    // 100 seats, A 10 / B 100 / C 100 graduates, A at least 30, B at most 40.
    // Plain shares: A 4.8 (below 30), B 47.6 (above 40). Fixing both would give
    // A 30, B 40, C 30. But A's floor costs 25.2 seats and B's excess is only 7.6,
    // so A is fixed first; the other 70 split 35/35 and B is within its ceiling.
    const schools = [
      { id: 'A', graduates: 10, min: 30 },
      { id: 'B', graduates: 100, max: 40 },
      { id: 'C', graduates: 100 },
    ];
    expect(targets(allocateTargets({ total: 100, schools }))).toEqual([30, 35, 35]);
    expect(targets(allocateTargets({ total: 100, schools, method: 'webster' }))).toEqual([30, 35, 35]);
  });

  it('a school without graduates gets its floor, 0 without one', () => {
    const schools = [
      { id: 'A', graduates: 0, min: 5 },
      { id: 'B', graduates: 0 },
      { id: 'C', graduates: 50 },
    ];
    expect(targets(allocateTargets({ total: 20, schools }))).toEqual([5, 0, 15]);
  });

  it('floors adding up exactly to the total leave nothing to split', () => {
    const schools = [
      { id: 'A', graduates: 10, min: 7 },
      { id: 'B', graduates: 90, min: 3 },
    ];
    expect(targets(allocateTargets({ total: 10, schools }))).toEqual([7, 3]);
    expect(targets(allocateTargets({ total: 10, schools, method: 'webster' }))).toEqual([7, 3]);
  });

  it('ceilings adding up exactly to the total', () => {
    const schools = [
      { id: 'A', graduates: 10, max: 2 },
      { id: 'B', graduates: 90, max: 8 },
    ];
    expect(targets(allocateTargets({ total: 10, schools }))).toEqual([2, 8]);
    expect(targets(allocateTargets({ total: 10, schools, method: 'webster' }))).toEqual([2, 8]);
  });
});

describe('edge cases', () => {
  it('a total of 0 gives every school 0, even without graduates', () => {
    expect(targets(allocateTargets({ total: 0, schools: [{ id: 'A', graduates: 0 }] }))).toEqual([0]);
    expect(targets(allocateTargets({ total: 0, schools: demo }))).toEqual(demo.map(() => 0));
    expect(allocateTargets({ total: 0, schools: [] })).toEqual({ ok: true, targets: [] });
  });

  it('is exact with products far beyond 2^53, where a tie is still a tie', () => {
    // Quotas 1333333333.518…, 1333333333.518…, 1333333333.963…: two seats left,
    // to C (.963) and to A over B (exactly equal remainders 4666666669/9000000004; id).
    // Webster rounds all three up and takes the last-ordered seat (B's) back.
    const schools = [
      { id: 'A', graduates: 3_000_000_001 },
      { id: 'B', graduates: 3_000_000_001 },
      { id: 'C', graduates: 3_000_000_002 },
    ];
    for (const method of ['hamilton', 'webster'] as const) {
      const r = targets(allocateTargets({ total: 4_000_000_001, schools, method }));
      expect(r.reduce((a, b) => a + b, 0)).toBe(4_000_000_001);
      expect(r).toEqual([1_333_333_334, 1_333_333_333, 1_333_333_334]);
    }
  });
});

describe('refusals explain why', () => {
  const cases: Array<[string, Parameters<typeof allocateTargets>[0], string, object]> = [
    ['floors above the total', { total: 100, schools: [{ id: 'A', graduates: 10, min: 80 }, { id: 'B', graduates: 100, min: 40 }] }, 'TARGETS_MIN_SUM_ABOVE_TOTAL', { total: 100, sum: 120 }],
    ['ceilings below the total', { total: 100, schools: [{ id: 'A', graduates: 10, max: 30 }, { id: 'B', graduates: 100, max: 40 }] }, 'TARGETS_MAX_SUM_BELOW_TOTAL', { total: 100, sum: 70 }],
    ['a school without graduates only counts its floor', { total: 50, schools: [{ id: 'A', graduates: 0, max: 30 }, { id: 'B', graduates: 100, max: 40 }] }, 'TARGETS_MAX_SUM_BELOW_TOTAL', { total: 50, sum: 40, schoolIds: ['A'] }],
    ['min above max', { total: 10, schools: [{ id: 'A', graduates: 10, min: 5, max: 4 }] }, 'TARGETS_MIN_ABOVE_MAX', { schoolId: 'A', min: 5, max: 4 }],
    ['negative graduates', { total: 10, schools: [{ id: 'A', graduates: -1 }] }, 'TARGETS_INVALID_GRADUATES', { schoolId: 'A', value: -1 }],
    ['fractional graduates', { total: 10, schools: [{ id: 'A', graduates: 1.5 }] }, 'TARGETS_INVALID_GRADUATES', { schoolId: 'A', value: 1.5 }],
    ['a negative floor', { total: 10, schools: [{ id: 'A', graduates: 10, min: -2 }] }, 'TARGETS_INVALID_BOUND', { schoolId: 'A', field: 'min', value: -2 }],
    ['a fractional ceiling', { total: 10, schools: [{ id: 'A', graduates: 10, max: 2.5 }] }, 'TARGETS_INVALID_BOUND', { schoolId: 'A', field: 'max', value: 2.5 }],
    ['duplicate ids', { total: 10, schools: [{ id: 'A', graduates: 1 }, { id: 'A', graduates: 2 }] }, 'TARGETS_DUPLICATE_SCHOOL_ID', { schoolId: 'A' }],
    ['an empty id', { total: 10, schools: [{ id: '', graduates: 1 }] }, 'TARGETS_INVALID_SCHOOL_ID', { value: '' }],
    ['no graduates at all', { total: 10, schools: [{ id: 'A', graduates: 0 }, { id: 'B', graduates: 0 }] }, 'TARGETS_NO_GRADUATES', { total: 10 }],
    ['no schools', { total: 10, schools: [] }, 'TARGETS_NO_GRADUATES', { total: 10 }],
    ['a negative total', { total: -5, schools: [{ id: 'A', graduates: 1 }] }, 'TARGETS_INVALID_TOTAL', { value: -5 }],
    ['a fractional total', { total: 2.5, schools: [{ id: 'A', graduates: 1 }] }, 'TARGETS_INVALID_TOTAL', { value: 2.5 }],
    ['an unknown method', { total: 5, schools: [{ id: 'A', graduates: 1 }], method: 'dhondt' as 'webster' }, 'TARGETS_UNKNOWN_METHOD', { value: 'dhondt' }],
  ];
  it.each(cases)('%s', (_name, input, code, details) => {
    const result = allocateTargets(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.details).toMatchObject(details);
    expect(result.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(result.message['en-US']).toMatch(/^[^\u4e00-\u9fff]+$/);
  });

  it('says it in words a clerk understands', () => {
    const result = allocateTargets({ total: 100, schools: [{ id: 'JH01', graduates: 10, min: 80 }, { id: 'JH02', graduates: 100, min: 40 }] });
    expect(result).toMatchObject({
      ok: false,
      message: { 'zh-CN': '各校下限之和为 120，超过总目标 100，无法分配。', 'en-US': "The schools' minimums add up to 120, more than the total of 100." },
    });
  });
});
