import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, idRankOf } from './records';
import { codeOf, codeThreshold, planDimension } from './keys';
import { defaultRanking, dimensionCodes, radixSortPairs, sortByWords } from './ranking';
import type { ApplicantTable } from './types';

function table(score: number[], tiebreaks: number[][], lottery: number[] | null, idRank?: number[]): ApplicantTable {
  const n = score.length;
  return {
    count: n,
    score: Float64Array.from(score),
    tiebreaks: tiebreaks.map((t) => Float64Array.from(t)),
    lottery: lottery ? Float64Array.from(lottery) : null,
    idRank: Int32Array.from(idRank ?? score.map((_, i) => i)),
    choiceSlots: 0,
    choices: new Int32Array(0),
    acceptAdjustment: new Uint8Array(n),
  };
}

/** The ranking by a plain comparator sort, for comparison. */
function slowOrder(t: ApplicantTable): number[] {
  return Array.from({ length: t.count }, (_, i) => i).sort((a, b) => {
    if (t.score[a] !== t.score[b]) return t.score[b] - t.score[a];
    for (const x of t.tiebreaks) if (x[a] !== x[b]) return x[b] - x[a];
    if (t.lottery && t.lottery[a] !== t.lottery[b]) return t.lottery[a] - t.lottery[b];
    return t.idRank[a] - t.idRank[b];
  });
}

describe('ranking keys', () => {
  it('turns exact decimals into integer codes without sorting (smaller code ranks first)', () => {
    expect(dimensionCodes(Float64Array.from([612.5, 600, 612]), true)).toEqual({ code: Uint32Array.from([0, 25, 1]), span: 26 });
    expect(dimensionCodes(Float64Array.from([3, 1, 2]), false)).toEqual({ code: Uint32Array.from([2, 0, 1]), span: 3 });
    expect(dimensionCodes(Float64Array.from([0.3, 0.1 + 0.2, NaN]), true)).toEqual({ code: Uint32Array.from([1, 0, 2]), span: 3 });
  });

  it('radix-sorts (key, value) pairs stably, up to full 32-bit keys', () => {
    const keys = Uint32Array.from([0xffffffff, 7, 5_000_000, 65_536, 0, 7, 0xffffffff]);
    const { keys: k, values: v } = radixSortPairs(keys, Int32Array.from([0, 1, 2, 3, 4, 5, 6]), 2 ** 32);
    expect(Array.from(v)).toEqual([4, 1, 5, 3, 2, 0, 6]);
    expect(Array.from(k)).toEqual([0, 7, 7, 65_536, 5_000_000, 0xffffffff, 0xffffffff]);
  });

  it('sorts by several words, least significant first, from a given start order', () => {
    const lo = { code: Uint32Array.from([1, 0, 1, 0]), span: 2 };
    const hi = { code: Uint32Array.from([3, 3, 0, 0]), span: 2 ** 32 };
    expect(Array.from(sortByWords([lo, hi], 4, Int32Array.from([3, 2, 1, 0])).order)).toEqual([3, 2, 1, 0]);
    expect(Array.from(sortByWords([lo, hi], 4, null).order)).toEqual([3, 2, 1, 0]);
    expect(Array.from(sortByWords([hi], 4, Int32Array.from([1, 0, 3, 2])).order)).toEqual([3, 2, 1, 0]);
  });

  it('equals a comparator sort over score, tie-breaks, lottery and id, on every code path', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: -3_000_000, max: 3_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }).chain((n) =>
          fc.tuple(
            fc.array(value, { minLength: n, maxLength: n }),
            fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 70_000 })), { minLength: n, maxLength: n }), { maxLength: 3 }),
            fc.option(fc.array(value, { minLength: n, maxLength: n })),
            fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n }),
          ),
        ),
        ([score, tbs, lottery, ids]) => {
          const t = table(score, tbs, lottery, ids);
          const { order, rank } = defaultRanking(t);
          expect(Array.from(order)).toEqual(slowOrder(t));
          order.forEach((a, i) => expect(rank[a]).toBe(i));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('orders ids by code point (= UTF-8 bytes), not by UTF-16 units', () => {
    // U+FF5A (ｚ) < U+20000 (𠀀) by code point, though '𠀀' < 'ｚ' by UTF-16 units.
    expect(compareCodePoints('ｚ', '𠀀')).toBeLessThan(0);
    expect('𠀀' < 'ｚ').toBe(true);
    const ids = ['𠀀', 'ｚ', '乙', '甲', 'b', 'a', 'ab'];
    const utf8 = (s: string) => Array.from(new TextEncoder().encode(s));
    const byteCompare = (x: string, y: string) => {
      const a = utf8(x);
      const b = utf8(y);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
      return a.length - b.length;
    };
    const bytes = [...ids].sort(byteCompare);
    const rank = idRankOf(ids);
    expect(ids.map((_, i) => i).sort((x, y) => rank[x] - rank[y]).map((i) => ids[i])).toEqual(bytes);
  });
});

describe('minimum score thresholds on codes', () => {
  it('agree with value >= min for integer, decimal and dense plans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 20 }).map((x) => x / 10), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 20 }),
        fc.oneof(fc.integer({ min: -6, max: 6 }), fc.integer({ min: 0, max: 20 }).map((x) => x / 10 + 0.05), fc.double({ noNaN: true }), fc.constant(-Infinity)),
        (values, min) => {
          const plan = planDimension(Float64Array.from(values), true);
          const thr = codeThreshold(plan, min);
          for (const v of values) expect(codeOf(plan, v) <= thr).toBe(v >= min);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
