/** Properties of the split over random districts (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateTargets } from './allocate';
import { referenceHamilton, referenceWebster } from './allocate.reference';
import type { AllocationMethod, SchoolInput } from './types';

const methods: AllocationMethod[] = ['hamilton', 'webster'];

const id = fc.oneof(fc.stringMatching(/^JH[0-9]{1,3}$/), fc.string({ minLength: 1, maxLength: 3, unit: 'grapheme-ascii' }), fc.constantFrom('示例区一中', '示例区二中', '示例区实验中学'));
const graduates = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 400 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }) });
const bound = fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined, freq: 3 });

/** Schools with unique ids; min ≤ max whenever both are given. */
const schools = (withBounds: boolean, maxLength = 24) =>
  fc.uniqueArray(
    fc.record({ id, graduates, min: withBounds ? bound : fc.constant(undefined), max: withBounds ? bound : fc.constant(undefined) }),
    { minLength: 1, maxLength, selector: (s) => s.id },
  ).map((list): SchoolInput[] =>
    list.map((s) => (s.min !== undefined && s.max !== undefined && s.min > s.max ? { ...s, min: s.max, max: s.min } : s)),
  );

/** The range of totals the bounds allow (schools without graduates count their floor only). */
function feasibleRange(list: readonly SchoolInput[]): [number, number] {
  const lo = list.reduce((a, s) => a + (s.min ?? 0), 0);
  const hi = list.reduce((a, s) => a + (s.graduates === 0 ? (s.min ?? 0) : (s.max ?? Infinity)), 0);
  return [lo, hi];
}

/** A district with a total its bounds allow (and graduates to split it over). */
const feasible = (withBounds: boolean, span = 1500) =>
  schools(withBounds)
    .filter((list) => list.some((s) => s.graduates > 0))
    .chain((list) => {
      const [lo, hi] = feasibleRange(list);
      return fc.record({ schools: fc.constant(list), total: fc.integer({ min: lo, max: Math.min(hi, lo + span) }) });
    });

function targetsOf(total: number, list: readonly SchoolInput[], method: AllocationMethod): number[] {
  const result = allocateTargets({ total, schools: list, method });
  if (!result.ok) throw new Error(`${result.code}: ${result.message['en-US']}`);
  return result.targets.map((t) => t.target);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(methods)('%s', (method) => {
  it('adds up exactly to the total and respects every bound', () => {
    fc.assert(
      fc.property(feasible(true), ({ schools: list, total }) => {
        const t = targetsOf(total, list, method);
        expect(sum(t)).toBe(total);
        list.forEach((s, i) => {
          expect(t[i]).toBeGreaterThanOrEqual(s.min ?? 0);
          if (s.max != null) expect(t[i]).toBeLessThanOrEqual(s.max);
          if (s.graduates === 0) expect(t[i]).toBe(s.min ?? 0);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic and keeps the input order', () => {
    fc.assert(
      fc.property(feasible(true), ({ schools: list, total }) => {
        const a = allocateTargets({ total, schools: list, method });
        expect(allocateTargets({ total, schools: list, method })).toEqual(a);
        if (a.ok) expect(a.targets.map((t) => t.id)).toEqual(list.map((s) => s.id));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives every school the same target whatever the order of the rows', () => {
    const withOrder = feasible(true).chain((d) =>
      fc.record({ district: fc.constant(d), keys: fc.array(fc.integer(), { minLength: d.schools.length, maxLength: d.schools.length }) }),
    );
    fc.assert(
      fc.property(withOrder, ({ district: { schools: list, total }, keys }) => {
        const permuted = list.map((s, i) => ({ s, k: keys[i]! })).sort((a, b) => a.k - b.k).map((x) => x.s);
        const original = targetsOf(total, list, method);
        const shuffled = targetsOf(total, permuted, method);
        const expected = new Map(list.map((s, i) => [s.id, original[i]]));
        permuted.forEach((s, i) => expect(shuffled[i]).toBe(expected.get(s.id)));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses exactly the impossible inputs, with the reason', () => {
    const any = fc.record({ schools: schools(true, 8), total: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(any, ({ schools: list, total }) => {
        const [lo, hi] = feasibleRange(list);
        const noGraduates = total > 0 && list.every((s) => s.graduates === 0);
        const result = allocateTargets({ total, schools: list, method });
        if (lo > total) expect(result).toMatchObject({ ok: false, code: 'TARGETS_MIN_SUM_ABOVE_TOTAL' });
        else if (noGraduates) expect(result).toMatchObject({ ok: false, code: 'TARGETS_NO_GRADUATES' });
        else if (hi < total) expect(result).toMatchObject({ ok: false, code: 'TARGETS_MAX_SUM_BELOW_TOTAL' });
        else expect(result.ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hamilton', () => {
  it('without bounds gives every school the floor or the ceiling of its exact quota', () => {
    fc.assert(
      fc.property(feasible(false, 5000), ({ schools: list, total }) => {
        const G = sum(list.map((s) => s.graduates));
        targetsOf(total, list, 'hamilton').forEach((t, i) => {
          const share = total * list[i]!.graduates; // quota = share / G
          expect(t).toBeGreaterThanOrEqual(Math.floor(share / G));
          expect(t).toBeLessThanOrEqual(Math.ceil(share / G));
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the breakpoint-scanning reference with bounds', () => {
    fc.assert(
      fc.property(feasible(true), ({ schools: list, total }) => {
        expect(targetsOf(total, list, 'hamilton')).toEqual(referenceHamilton(total, list));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('webster', () => {
  it('matches seat-by-seat Sainte-Laguë with bounds', () => {
    fc.assert(
      fc.property(feasible(true, 600), ({ schools: list, total }) => {
        expect(targetsOf(total, list, 'webster')).toEqual(referenceWebster(total, list));
      }),
      { numRuns: 1500 },
    );
  });

  it('is house-monotone: raising the total never lowers a school, with or without bounds', () => {
    fc.assert(
      fc.property(feasible(true), fc.integer({ min: 1, max: 12 }), ({ schools: list, total }, steps) => {
        const [, hi] = feasibleRange(list);
        let previous = targetsOf(total, list, 'webster');
        for (let t = total + 1; t <= Math.min(hi, total + steps); t++) {
          const next = targetsOf(t, list, 'webster');
          next.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(previous[i]!));
          previous = next;
        }
      }),
      { numRuns: 1500 },
    );
  });
});
