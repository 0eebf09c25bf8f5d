import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { admitRecords } from './admit-records';
import { batchInput, checkReturn, effectiveLine, explainPlacement, lotteryNumber, residualSeats, resultsVisible, type BatchDefinition, type RoundApplicant, type StoredProgramme } from './round';

const all: BatchDefinition = { kind: 'exam', programmeIds: null, minScore: null, programmeLines: {} };
const progs = [
  { id: 1, schoolId: 10, seatsForAdmission: 2 },
  { id: 2, schoolId: 10, seatsForAdmission: 1 },
  { id: 3, schoolId: 20, seatsForAdmission: 3 },
];
const app = (studentId: number, score: number, choices: number[], acceptAdjustment = false): RoundApplicant => ({ studentId, examNo: `E${String(studentId).padStart(3, '0')}`, score, tiebreaks: [score % 7], choices, acceptAdjustment });

describe('batches', () => {
  it('offers seats net of early transfer and of earlier batches; a returned seat comes back', () => {
    expect(residualSeats(5, 2)).toBe(3);
    expect(residualSeats(2, 5)).toBe(0);
    const b = batchInput(all, progs, [app(1, 500, [1])], new Map([[1, 1], [2, 1]]), new Set(), 's');
    // Programme 2 is full from earlier batches: not offered; programme 1 has 1 seat left.
    expect(b.programs.map((p) => [p.id, p.capacity])).toEqual([['1', 1], ['3', 3]]);
    const back = batchInput(all, progs, [], new Map([[1, 0]]), new Set(), 's');
    expect(back.programs.find((p) => p.id === '1')!.capacity).toBe(2);
  });

  it('does not consider applicants admitted in an earlier batch, nor those without a choice in the batch', () => {
    const def: BatchDefinition = { ...all, programmeIds: [3] };
    const b = batchInput(def, progs, [app(1, 500, [1, 3]), app(2, 480, [1]), app(3, 470, [3])], new Map(), new Set([3]), 's');
    expect(b.applicants.map((a) => [a.id, a.choices])).toEqual([['E001', ['3']]]);
    expect(b.skipped).toEqual({ admittedBefore: 1, noChoiceInBatch: 1 });
  });

  it('applies the higher of the batch line and the programme line', () => {
    expect(effectiveLine({ minScore: 400, programmeLines: { '1': 450 } }, 1)).toBe(450);
    expect(effectiveLine({ minScore: 400, programmeLines: { '1': 350 } }, 1)).toBe(400);
    expect(effectiveLine({ minScore: null, programmeLines: {} }, 1)).toBeNull();
  });

  it('lists applicants by exam number and draws the same lottery for the same seed', () => {
    const b = batchInput(all, progs, [app(3, 1, [1]), app(1, 1, [1]), app(2, 1, [1])], new Map(), new Set(), 'seed');
    expect(b.applicants.map((a) => a.id)).toEqual(['E001', 'E002', 'E003']);
    expect(lotteryNumber('seed', 'E001')).toBe(lotteryNumber('seed', 'E001'));
    expect(lotteryNumber('seed', 'E001')).not.toBe(lotteryNumber('other', 'E001'));
    expect(lotteryNumber('seed', 'E001')).toBeGreaterThanOrEqual(0);
    expect(lotteryNumber('seed', 'E001')).toBeLessThan(2 ** 31);
  });

  it('admits once across batches: the second batch sees the first one’s admitted as taken', () => {
    const apps = [app(1, 600, [1, 3]), app(2, 590, [1]), app(3, 580, [1, 3]), app(4, 570, [3])];
    const first = batchInput({ ...all, programmeIds: [1] }, progs, apps, new Map(), new Set(), 's');
    const r1 = admitRecords(first.programs, first.applicants);
    const admitted = new Set(r1.placements.filter((p) => p.programId).map((p) => first.studentOf.get(p.applicantId)!));
    expect([...admitted].sort()).toEqual([1, 2]);
    const taken = new Map([[1, admitted.size]]);
    const second = batchInput(all, progs, apps, taken, admitted, 's');
    expect(second.applicants.map((a) => a.id)).toEqual(['E003', 'E004']);
    expect(second.programs.map((p) => p.id)).toEqual(['2', '3']);
  });
});

describe('returns (退档)', () => {
  const base = { status: 'admitted', reason: '报名信息不实', today: '2027-07-10', returnUntil: '2027-07-12', reasons: ['报名信息不实'] };
  it('accepts a listed reason inside the window', () => expect(checkReturn(base)).toEqual({ ok: true }));
  it('refuses an unlisted reason', () => expect(checkReturn({ ...base, reason: '学校不想要' })).toEqual({ ok: false, rule: 'RETURN_REASON_NOT_LISTED' }));
  it('refuses after the window', () => expect(checkReturn({ ...base, today: '2027-07-13' })).toEqual({ ok: false, rule: 'RETURN_WINDOW_CLOSED' }));
  it('refuses a student no longer admitted', () => expect(checkReturn({ ...base, status: 'returned' })).toEqual({ ok: false, rule: 'RETURN_NOT_ADMITTED' }));
  it('shows results from the publication date', () => {
    expect(resultsVisible('2027-07-10', '2027-07-09')).toBe(false);
    expect(resultsVisible('2027-07-10', '2027-07-10')).toBe(true);
  });
});

describe('explainPlacement', () => {
  it('says why each earlier choice did not admit, in plain Chinese', () => {
    const programmes = new Map<number, StoredProgramme>([
      [1, { id: 1, name: '数控', capacity: 1, minScore: null, last: { score: 600, tiebreaks: [90], lottery: 5, examNo: 'E9' } }],
      [2, { id: 2, name: '护理', capacity: 2, minScore: 560, last: null }],
      [3, { id: 3, name: '烹饪', capacity: 3, minScore: null, last: { score: 550, tiebreaks: [80], lottery: 1, examNo: 'E1' } }],
    ]);
    const me = { score: 600, tiebreaks: [85], lottery: 3, examNo: 'E5', choices: [1, 2, 3], acceptAdjustment: false };
    const e = explainPlacement(me, { programmeId: 3, choiceRank: 3 }, programmes, ['语文']);
    expect(e.map((x) => x.outcome)).toEqual(['full', 'no-seats', 'admitted']);
    expect(e[0].zh).toContain('语文 90');
    expect(e[0].zh).toContain('同分科目');
    const low = explainPlacement({ ...me, score: 500 }, { programmeId: null, choiceRank: null }, programmes);
    expect(low.map((x) => x.outcome)).toEqual(['full', 'below-minimum', 'full']);
    expect(low[1].zh).toContain('低于该专业最低录取控制线 560');
  });

  it('gives the engine’s outcomes for every applicant of random rounds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 300, max: 310 }), t: fc.integer({ min: 0, max: 2 }), choices: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), adj: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
        fc.option(fc.integer({ min: 300, max: 310 })),
        (rows, seats, line) => {
          const programmes = seats.map((s, i) => ({ id: i + 1, schoolId: 1 + (i % 2), seatsForAdmission: s }));
          const def: BatchDefinition = { kind: 'exam', programmeIds: [1, 2, 3, 4], minScore: null, programmeLines: line === null ? {} : { '2': line } };
          const apps = rows.map((r, i) => ({ studentId: i + 1, examNo: `E${i}`, score: r.score, tiebreaks: [r.t], choices: r.choices, acceptAdjustment: r.adj }));
          const b = batchInput(def, programmes, apps, new Map(), new Set(), 'seed');
          const out = admitRecords(b.programs, b.applicants);
          const byId = new Map(b.applicants.map((a) => [a.id, a]));
          const summary = out.summary();
          const lastOf = new Map<number, string>();
          // The last admitted of the main round per programme, by the engine's ranking.
          out.placements.forEach((pl) => {
            if (!pl.programId || pl.choiceRank === 'adj') return;
            const p = Number(pl.programId);
            const prev = lastOf.get(p);
            if (prev === undefined || out.result.rank[b.applicants.findIndex((a) => a.id === pl.applicantId)] > out.result.rank[b.applicants.findIndex((a) => a.id === prev)]) lastOf.set(p, pl.applicantId);
          });
          const stored = new Map<number, StoredProgramme>(
            b.programs.map((p, i) => {
              const last = lastOf.get(Number(p.id));
              const a = last ? byId.get(last)! : null;
              return [Number(p.id), { id: Number(p.id), name: p.id, capacity: summary[i].capacity, minScore: summary[i].minScore, last: a ? { score: a.score, tiebreaks: a.tiebreaks!, lottery: a.lottery!, examNo: a.id } : null }];
            }),
          );
          for (const pl of out.placements) {
            const a = byId.get(pl.applicantId)!;
            const mine = explainPlacement({ score: a.score, tiebreaks: a.tiebreaks!, lottery: a.lottery!, examNo: a.id, choices: a.choices.map(Number), acceptAdjustment: !!a.acceptAdjustment }, { programmeId: pl.programId === null ? null : Number(pl.programId), choiceRank: pl.choiceRank }, stored);
            const engine = out.explain(pl.applicantId);
            expect(mine.map((m) => m.outcome)).toEqual(engine.map((e) => e.outcome));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
