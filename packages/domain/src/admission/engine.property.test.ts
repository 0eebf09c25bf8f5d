/**
 * Properties over random small instances (fast-check): feasibility, minimum scores, no
 * justified envy, independence from row order, and equality with the slow reference.
 * Scores are drawn from tiny ranges so that ties (down to the lottery and the id) are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitRecords, type ApplicantRecord, type ProgramRecord, type ProgramScoreRecord } from './index';
import { referenceAdmit, referenceCompare } from './reference.test-helper';

interface Instance {
  programs: ProgramRecord[];
  applicants: ApplicantRecord[];
  scores: ProgramScoreRecord[];
}

// Ids mix ASCII, CJK, full-width and astral characters: code-point order ≠ UTF-16 order.
const idArb = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '甲', '乙', 'ｚ', '𠀀'), minLength: 1, maxLength: 3 });
const scoreArb = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 }).map((x) => x / 2), fc.constantFrom(0.1 + 0.2, 0.3, 1e-9));

const instanceArb: fc.Arbitrary<Instance> = fc
  .record({
    m: fc.integer({ min: 1, max: 6 }),
    n: fc.integer({ min: 0, max: 14 }),
    t: fc.integer({ min: 0, max: 2 }),
    lottery: fc.boolean(),
  })
  .chain(({ m, n, t, lottery }) =>
    fc.record({
      programIds: fc.uniqueArray(idArb, { minLength: m, maxLength: m }),
      programs: fc.array(
        fc.record({ capacity: fc.integer({ min: 0, max: 3 }), school: fc.integer({ min: 0, max: 3 }), min: fc.option(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9 }).map((x) => x / 2), fc.constantFrom(0.3, 0.1 + 0.2)), { freq: 3 }) }),
        { minLength: m, maxLength: m },
      ),
      applicantIds: fc.uniqueArray(idArb, { minLength: n, maxLength: n }),
      applicants: fc.array(
        fc.record({
          score: scoreArb,
          tiebreaks: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: t, maxLength: t }),
          lottery: fc.integer({ min: 0, max: 3 }),
          choices: fc.shuffledSubarray(Array.from({ length: m }, (_, i) => i)),
          adj: fc.boolean(),
        }),
        { minLength: n, maxLength: n },
      ),
      own: fc.array(fc.record({ p: fc.nat(m - 1), a: fc.nat(Math.max(0, n - 1)), s: fc.integer({ min: 0, max: 3 }) }), { maxLength: n ? 12 : 0 }),
    }).map((r): Instance => {
      const programs = r.programIds.map((id, i) => {
        const p = r.programs[i];
        // School 0 means “no school_id”: the programme is its own school.
        return { id, capacity: p.capacity, schoolId: p.school === 0 ? null : `S${p.school}`, minScore: p.min };
      });
      const applicants = r.applicantIds.map((id, i) => {
        const a = r.applicants[i];
        return {
          id,
          score: a.score,
          tiebreaks: a.tiebreaks,
          lottery: lottery ? a.lottery : null,
          choices: a.choices.map((c) => programs[c].id),
          acceptAdjustment: a.adj,
        };
      });
      const seen = new Set<string>();
      const scores = r.own
        .filter((o) => !seen.has(`${o.p}:${o.a}`) && seen.add(`${o.p}:${o.a}`))
        .map((o) => ({ programId: programs[o.p].id, applicantId: applicants[o.a].id, score: o.s }));
      return { programs, applicants, scores };
    }),
  );

const byId = (o: ReturnType<typeof admitRecords>) => new Map(o.placements.map((p) => [p.applicantId, { programId: p.programId, choiceRank: p.choiceRank }]));

/** The programme's ranking, as a comparator, for the envy check. */
function programCompare(inst: Instance, pid: string) {
  const own = new Map(inst.scores.filter((s) => s.programId === pid).map((s) => [s.applicantId, s.score]));
  return (x: ApplicantRecord, y: ApplicantRecord) => {
    if (own.size) {
      const sx = own.get(x.id) ?? -Infinity;
      const sy = own.get(y.id) ?? -Infinity;
      if (sx !== sy) return sy > sx ? 1 : -1;
    }
    return referenceCompare(x, y);
  };
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const RUNS = 1000;

describe('admission properties', () => {
  it('feasible: no programme over capacity, one seat per applicant from their choices or chosen schools, nobody below a minimum', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const o = admitRecords(inst.programs, inst.applicants, inst.scores);
        const prog = new Map(inst.programs.map((p) => [p.id, p]));
        const school = (id: string) => prog.get(id)!.schoolId ?? `own:${id}`;
        const count = new Map<string, number>();
        inst.applicants.forEach((a, i) => {
          const pl = o.placements[i];
          expect(pl.applicantId).toBe(a.id);
          if (pl.programId === null) return expect(pl.choiceRank).toBeNull();
          count.set(pl.programId, (count.get(pl.programId) ?? 0) + 1);
          const p = prog.get(pl.programId)!;
          expect(a.score >= (p.minScore ?? -Infinity)).toBe(true);
          if (pl.choiceRank === 'adj') {
            expect(a.acceptAdjustment).toBe(true);
            expect(a.choices.map(school)).toContain(school(p.id));
          } else expect(a.choices[pl.choiceRank! - 1]).toBe(p.id);
        });
        inst.programs.forEach((p, i) => {
          const c = count.get(p.id) ?? 0;
          expect(c).toBeLessThanOrEqual(p.capacity);
          expect(o.result.admittedMain[i] + o.result.admittedAdjustment[i]).toBe(c);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('no justified envy in the main round, and every rejection is explained truthfully', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const o = admitRecords(inst.programs, inst.applicants, inst.scores);
        const main = inst.applicants.map((_, i) => o.placements[i]).map((p) => (typeof p.choiceRank === 'number' ? p.programId : null));
        inst.applicants.forEach((a, i) => {
          const got = typeof o.placements[i].choiceRank === 'number' ? (o.placements[i].choiceRank as number) - 1 : a.choices.length;
          const reasons = o.explain(a.id);
          for (let j = 0; j < got; j++) {
            const p = inst.programs.find((q) => q.id === a.choices[j])!;
            expect(reasons[j].programId).toBe(p.id);
            if (a.score < (p.minScore ?? -Infinity)) {
              expect(reasons[j].outcome).toBe('below-minimum');
              continue;
            }
            const holders = inst.applicants.filter((_, b) => main[b] === p.id);
            expect(holders.length).toBe(p.capacity); // no free seat it was entitled to
            const cmp = programCompare(inst, p.id);
            for (const h of holders) expect(cmp(h, a)).toBeLessThan(0); // nobody ranked lower holds it
            expect(reasons[j].outcome).toBe(p.capacity === 0 ? 'no-seats' : 'full');
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('equals the slow reference implementation (main round and adjustment)', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const o = admitRecords(inst.programs, inst.applicants, inst.scores);
        expect(byId(o)).toEqual(referenceAdmit(inst.programs, inst.applicants, inst.scores));
      }),
      { numRuns: RUNS },
    );
  });

  it('does not depend on the order of input rows (applicants, programmes, programme scores)', () => {
    fc.assert(
      fc.property(instanceArb, fc.integer(), (inst, seed) => {
        const a = admitRecords(inst.programs, inst.applicants, inst.scores);
        const b = admitRecords(shuffle(inst.programs, seed), shuffle(inst.applicants, seed + 1), shuffle(inst.scores, seed + 2));
        expect(byId(b)).toEqual(byId(a));
      }),
      { numRuns: RUNS },
    );
  });

  it('deferred acceptance equals serial dictatorship under the common ranking', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const sd = admitRecords(inst.programs, inst.applicants);
        const da = admitRecords(inst.programs, inst.applicants, [], { forceDeferredAcceptance: true });
        expect(da.placements).toEqual(sd.placements);
        expect(Array.from(da.result.lastAdmitted)).toEqual(Array.from(sd.result.lastAdmitted));
      }),
      { numRuns: RUNS },
    );
  });
});
