/** R12 helpers: the target as a share of graduates against the campaign ratio. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateTargets } from './allocate';
import { demoJuniorHighs } from './demo-district';
import { districtRatio, exactRatio, requiredForRatio, schoolRatios, trackSplit } from './ratio';

const RATIO = 0.45; // the plan's 45:55, passed in as the campaign's setting would be

describe('exactRatio', () => {
  it('reads a decimal ratio as an exact fraction', () => {
    expect(exactRatio(0.45)).toEqual({ num: 45, den: 100 });
    expect(exactRatio(0.5)).toEqual({ num: 5, den: 10 });
    expect(exactRatio(1)).toEqual({ num: 1, den: 1 });
    expect(exactRatio(0.4725)).toEqual({ num: 4725, den: 10000 });
  });
  it('refuses a ratio outside [0, 1]', () => {
    expect(() => exactRatio(1.2)).toThrow(RangeError);
    expect(() => exactRatio(Number.NaN)).toThrow(RangeError);
  });
});

describe('schoolRatios', () => {
  it('45 of 100 meets 45%', () => {
    expect(schoolRatios([{ id: 'A', graduates: 100, target: 45 }], RATIO)[0]).toEqual({
      id: 'A',
      graduates: 100,
      target: 45,
      share: 0.45,
      required: 45,
      shortfall: 0,
      flagged: false,
    });
  });
  it('is exact where floats are not: 55 of 100 meets 55% (0.55 × 100 = 55.00000000000001)', () => {
    expect(0.55 * 100).toBeGreaterThan(55);
    expect(schoolRatios([{ id: 'A', graduates: 100, target: 55 }], 0.55)[0]).toMatchObject({ required: 55, flagged: false });
    expect(0.35 * 180).toBeLessThan(63);
    expect(schoolRatios([{ id: 'A', graduates: 180, target: 62 }], 0.35)[0]).toMatchObject({ required: 63, flagged: true });
  });
  it('flags a school that falls short, with how many it would take', () => {
    const [a, b] = schoolRatios(
      [
        { id: 'A', graduates: 101, target: 45 }, // 45% of 101 is 45.45 → 46 needed
        { id: 'B', graduates: 0, target: 0 },
      ],
      RATIO,
    );
    expect(a).toMatchObject({ required: 46, shortfall: 1, flagged: true });
    expect(b).toMatchObject({ share: null, required: 0, shortfall: 0, flagged: false });
  });
  it('uses the ratio it is given', () => {
    expect(schoolRatios([{ id: 'A', graduates: 100, target: 45 }], 0.5)[0]).toMatchObject({ required: 50, flagged: true });
  });
  it('flagged ⇔ target ÷ graduates < ratio, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 100 }), (g, t, pct) => {
        const [r] = schoolRatios([{ id: 'A', graduates: g, target: t }], pct / 100);
        expect(r!.flagged).toBe(t * 100 < pct * g);
        expect(r!.required).toBe(Math.floor((pct * g + 99) / 100)); // ceil(pct·g / 100) in integers
      }),
      { numRuns: 2000 },
    );
  });
});

describe('districtRatio on the demo district', () => {
  const split = allocateTargets({ total: 2000, schools: demoJuniorHighs.map((s) => ({ id: s.code, graduates: s.graduates })) });
  if (!split.ok) throw new Error(split.code);

  it('2000 of 4450 graduates is 44.94%: three short of 45% (2002.5 → 2003)', () => {
    const d = districtRatio(split.targets, { ratio: RATIO, nTotal: 2000 });
    expect(d).toMatchObject({ schools: 24, graduates: 4450, target: 2000, required: 2003, shortfall: 3, flagged: true, nTotal: 2000, unallocated: 0 });
    expect(d.share).toBeCloseTo(0.4494, 4);
    // Schools rounded up reach 45% or more; most of those rounded down fall short.
    expect(d.flaggedSchools).toBe(schoolRatios(split.targets, RATIO).filter((r) => r.flagged).length);
    expect(schoolRatios(split.targets, RATIO).find((r) => r.id === 'JH08')).toMatchObject({ target: 89, required: 90, flagged: true });
  });

  it('without N_total there is nothing to compare against', () => {
    expect(districtRatio(split.targets, { ratio: RATIO })).toMatchObject({ nTotal: null, unallocated: null });
  });
});

describe('trackSplit (vocational : general, R12)', () => {
  it('45:55 meets the ratio, 44:56 does not', () => {
    expect(trackSplit({ vocational: 45, general: 55 }, RATIO)).toMatchObject({ total: 100, meetsRatio: true, shortfall: 0, vocationalShare: 0.45, generalShare: 0.55 });
    expect(trackSplit({ vocational: 44, general: 56 }, RATIO)).toMatchObject({ meetsRatio: false, shortfall: 1 });
  });
  it('with nobody counted yet the ratio is trivially met', () => {
    expect(trackSplit({ vocational: 0, general: 0 }, RATIO)).toEqual({
      vocational: 0,
      general: 0,
      total: 0,
      vocationalShare: null,
      generalShare: null,
      meetsRatio: true,
      shortfall: 0,
    });
  });
  it('the shortfall is how many must move from general to vocational', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (v, g) => {
        const r = trackSplit({ vocational: v, general: g }, RATIO);
        expect(trackSplit({ vocational: v + r.shortfall, general: g - r.shortfall }, RATIO).meetsRatio).toBe(true);
        if (r.shortfall > 0) expect(trackSplit({ vocational: v + r.shortfall - 1, general: g - r.shortfall + 1 }, RATIO).meetsRatio).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
  it('refuses counts that are not whole numbers', () => {
    expect(() => trackSplit({ vocational: -1, general: 5 }, RATIO)).toThrow(RangeError);
    expect(() => requiredForRatio(10, 2)).toThrow(RangeError);
  });
});
