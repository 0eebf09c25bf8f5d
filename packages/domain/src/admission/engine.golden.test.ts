/**
 * Golden cases a bureau clerk can check by hand (R15): each names the rule it shows and
 * asserts the outcome and the explanation text the applicant would read.
 */
import { describe, expect, it } from 'vitest';
import { admitRecords, type ApplicantRecord, type ProgramRecord } from './index';

const names = { tiebreakNames: ['语文', '数学'] };
const why = (o: ReturnType<typeof admitRecords>, id: string) => o.explain(id).map((e) => [e.choiceRank, e.programId, e.outcome, e.zh, e.en]);
const placed = (o: ReturnType<typeof admitRecords>) => Object.fromEntries(o.placements.map((p) => [p.applicantId, [p.programId, p.choiceRank]]));

describe('admission golden cases', () => {
  it('a tie on score is broken by the first tie-break (语文)', () => {
    const programs: ProgramRecord[] = [
      { id: 'P1', capacity: 1 },
      { id: 'P2', capacity: 5 },
    ];
    const applicants: ApplicantRecord[] = [
      { id: 'B', score: 612.5, tiebreaks: [97, 150], choices: ['P1', 'P2'] },
      { id: 'A', score: 612.5, tiebreaks: [98, 60], choices: ['P1', 'P2'] },
    ];
    const o = admitRecords(programs, applicants, [], names);
    expect(placed(o)).toEqual({ A: ['P1', 1], B: ['P2', 2] });
    expect(why(o, 'B')).toEqual([
      [1, 'P1', 'full', '已满：最后录取者排名在你之前，分数线 612.5 / 语文 98', 'full: the last admitted ranks above you, cutoff 612.5 / 语文 98'],
      [2, 'P2', 'admitted', '录取（第 2 志愿）', 'admitted (choice 2)'],
    ]);
    expect(why(o, 'A')).toEqual([[1, 'P1', 'admitted', '录取（第 1 志愿）', 'admitted (choice 1)']]);
  });

  it('a tie on score and every tie-break is broken by the lottery (lower first)', () => {
    const programs: ProgramRecord[] = [
      { id: 'P1', capacity: 1 },
      { id: 'P2', capacity: 1 },
    ];
    const applicants: ApplicantRecord[] = [
      { id: 'A', score: 580, tiebreaks: [90, 88], lottery: 7, choices: ['P1', 'P2'] },
      { id: 'B', score: 580, tiebreaks: [90, 88], lottery: 3, choices: ['P1', 'P2'] },
    ];
    const o = admitRecords(programs, applicants, [], names);
    expect(placed(o)).toEqual({ A: ['P2', 2], B: ['P1', 1] });
    expect(why(o, 'A')[0]).toEqual([
      1,
      'P1',
      'full',
      '已满：最后录取者排名在你之前，分数线 580 / 语文 90 / 数学 88 / 抽签号 3',
      'full: the last admitted ranks above you, cutoff 580 / 语文 90 / 数学 88 / lottery 3',
    ]);
  });

  it('a complete tie without lottery goes to the applicant id in code-point order (乙 U+4E59 before 甲 U+7532)', () => {
    const programs: ProgramRecord[] = [{ id: '机电', capacity: 1 }];
    const applicants: ApplicantRecord[] = [
      { id: '甲', score: 500, choices: ['机电'] },
      { id: '乙', score: 500, choices: ['机电'] },
    ];
    const o = admitRecords(programs, applicants);
    expect(placed(o)).toEqual({ 甲: [null, null], 乙: ['机电', 1] });
    expect(why(o, '甲')).toEqual([[1, '机电', 'full', '已满：最后录取者排名在你之前，分数线 500 / 编号 乙', 'full: the last admitted ranks above you, cutoff 500 / id 乙']]);
  });

  it('an applicant below a minimum score passes over that programme even with free seats', () => {
    const programs: ProgramRecord[] = [
      { id: 'NURSE', capacity: 10, minScore: 450 },
      { id: 'COOK', capacity: 10 },
    ];
    const applicants: ApplicantRecord[] = [
      { id: 'C', score: 440, choices: ['NURSE', 'COOK'] },
      { id: 'D', score: 450, choices: ['NURSE', 'COOK'] },
    ];
    const o = admitRecords(programs, applicants);
    expect(placed(o)).toEqual({ C: ['COOK', 2], D: ['NURSE', 1] });
    expect(why(o, 'C')[0]).toEqual([1, 'NURSE', 'below-minimum', '低于最低分数线 450', 'below the minimum score 450']);
    expect(o.summary()[0]).toMatchObject({ programId: 'NURSE', capacity: 10, admittedMain: 1, minScore: 450, cutoffScore: 450, firstChoiceCount: 2 });
  });

  it('a full programme: the third applicant goes to the next choice, and the summary shows the cutoff', () => {
    const programs: ProgramRecord[] = [
      { id: 'P1', capacity: 2 },
      { id: 'P2', capacity: 2 },
      { id: 'EMPTY', capacity: 0 },
    ];
    const applicants: ApplicantRecord[] = [
      { id: 'X', score: 580, tiebreaks: [70, 70], choices: ['EMPTY', 'P1', 'P2'] },
      { id: 'Y', score: 600, tiebreaks: [70, 70], choices: ['P1', 'P2'] },
      { id: 'Z', score: 590, tiebreaks: [60, 70], choices: ['P1', 'P2'] },
    ];
    const o = admitRecords(programs, applicants, [], names);
    expect(placed(o)).toEqual({ X: ['P2', 3], Y: ['P1', 1], Z: ['P1', 1] });
    expect(why(o, 'X')).toEqual([
      [1, 'EMPTY', 'no-seats', '无招生计划（计划数 0）', 'no seats (capacity 0)'],
      [2, 'P1', 'full', '已满：最后录取者排名在你之前，分数线 590', 'full: the last admitted ranks above you, cutoff 590'],
      [3, 'P2', 'admitted', '录取（第 3 志愿）', 'admitted (choice 3)'],
    ]);
    const p1 = o.summary()[0];
    expect(p1).toMatchObject({ capacity: 2, admittedMain: 2, admittedAdjustment: 0, cutoffScore: 590, cutoffKey: '590/60/70/Z', firstChoiceCount: 2, minScore: null });
  });

  it('a programme-specific score changes the outcome (deferred acceptance with an eviction chain)', () => {
    const programs: ProgramRecord[] = [
      { id: 'ART', capacity: 1, minScore: 500 },
      { id: 'GEN', capacity: 1 },
      { id: 'LAST', capacity: 5 },
    ];
    const applicants: ApplicantRecord[] = [
      { id: 'A', score: 600, choices: ['ART', 'GEN', 'LAST'] },
      { id: 'B', score: 550, choices: ['ART', 'GEN', 'LAST'] },
      { id: 'C', score: 560, choices: ['GEN', 'LAST'] },
      { id: 'D', score: 499, choices: ['ART', 'LAST'] },
    ];
    const scores = [
      { programId: 'ART', applicantId: 'A', score: 70 },
      { programId: 'ART', applicantId: 'B', score: 90 },
      { programId: 'ART', applicantId: 'D', score: 99 },
    ];
    // Common ranking only: A takes ART, C takes GEN, B falls to LAST.
    expect(placed(admitRecords(programs, applicants))).toEqual({ A: ['ART', 1], B: ['LAST', 3], C: ['GEN', 1], D: ['LAST', 2] });
    // ART ranks by its own test: B (90) beats A (70); A then displaces C at GEN (600 > 560).
    // D has the best art score but is below ART's minimum total 500.
    const o = admitRecords(programs, applicants, scores, names);
    expect(o.result.method).toBe('deferred-acceptance');
    expect(placed(o)).toEqual({ A: ['GEN', 2], B: ['ART', 1], C: ['LAST', 2], D: ['LAST', 2] });
    expect(why(o, 'A')[0]).toEqual([1, 'ART', 'full', '已满：最后录取者排名在你之前，分数线 专业分 90', 'full: the last admitted ranks above you, cutoff programme score 90']);
    expect(why(o, 'C')[0]).toEqual([1, 'GEN', 'full', '已满：最后录取者排名在你之前，分数线 600', 'full: the last admitted ranks above you, cutoff 600']);
    expect(why(o, 'D')[0]).toEqual([1, 'ART', 'below-minimum', '低于最低分数线 500', 'below the minimum score 500']);
    expect(o.summary()[0]).toMatchObject({ programId: 'ART', cutoffScore: 90, cutoffKey: '90/550/B' });
  });

  it('adjustment: unplaced applicants who accept it get the remaining seats of the schools they chose, in ranking order', () => {
    const programs: ProgramRecord[] = [
      { id: 'S1-B', capacity: 1, schoolId: 'S1', minScore: 575 },
      { id: 'S1-A', capacity: 1, schoolId: 'S1' },
      { id: 'S1-C', capacity: 1, schoolId: 'S1' },
      { id: 'S2-X', capacity: 1, schoolId: 'S2' },
    ];
    const applicants: ApplicantRecord[] = [
      { id: 'A', score: 600, choices: ['S1-A'] },
      { id: 'E', score: 570, choices: ['S1-A'], acceptAdjustment: true },
      { id: 'B', score: 590, choices: ['S1-A'], acceptAdjustment: true },
      { id: 'C', score: 580, choices: ['S1-A'] },
      { id: 'D', score: 575, choices: ['S1-A'], acceptAdjustment: true },
    ];
    const o = admitRecords(programs, applicants);
    // S1's programmes are offered in id order: S1-A (full), S1-B (min 575), S1-C.
    // B (590) takes S1-B, D (575) takes S1-C, E (570) finds nothing left; C did not accept adjustment.
    expect(placed(o)).toEqual({ A: ['S1-A', 1], B: ['S1-B', 'adj'], C: [null, null], D: ['S1-C', 'adj'], E: [null, null] });
    expect(why(o, 'B')).toEqual([
      [1, 'S1-A', 'full', '已满：最后录取者排名在你之前，分数线 600', 'full: the last admitted ranks above you, cutoff 600'],
      ['adj', 'S1-B', 'admitted-adjustment', '服从调剂录取', 'admitted by adjustment'],
    ]);
    expect(why(o, 'E')[1]).toEqual([
      'adj',
      null,
      'adjustment-failed',
      '服从调剂，但所报学校已无符合条件的剩余计划',
      'accepts adjustment, but no school chosen has a remaining seat the applicant qualifies for',
    ]);
    expect(why(o, 'C')).toHaveLength(1);
    const sum = Object.fromEntries(o.summary().map((s) => [s.programId, [s.admittedMain, s.admittedAdjustment]]));
    expect(sum).toEqual({ 'S1-A': [1, 0], 'S1-B': [0, 1], 'S1-C': [0, 1], 'S2-X': [0, 0] });
  });

  it('serial dictatorship and deferred acceptance agree when every programme uses the common ranking', () => {
    const programs: ProgramRecord[] = [
      { id: 'P1', capacity: 1 },
      { id: 'P2', capacity: 1 },
    ];
    const applicants: ApplicantRecord[] = [
      { id: 'A', score: 1, choices: ['P1', 'P2'] },
      { id: 'B', score: 2, choices: ['P2', 'P1'] },
      { id: 'C', score: 3, choices: ['P2'] },
    ];
    const sd = admitRecords(programs, applicants);
    const da = admitRecords(programs, applicants, [], { forceDeferredAcceptance: true });
    expect(sd.result.method).toBe('serial-dictatorship');
    expect(da.result.method).toBe('deferred-acceptance');
    expect(da.placements).toEqual(sd.placements);
    expect(placed(sd)).toEqual({ A: [null, null], B: ['P1', 2], C: ['P2', 1] });
  });
});
