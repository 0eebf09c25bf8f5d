/**
 * Explanations, computed afterwards and only on demand (never on the hot path).
 *
 * For each applicant, for each choice above the one they got (all choices when unplaced or
 * placed by adjustment): why not, in zh-CN and en-US. “Full” shows the cutoff — the last
 * admitted applicant's ranking key — down to the first component in which it differs from
 * the applicant, so the reader sees exactly where they fell behind.
 */
import { programsBySchool } from './adjustment';
import { ADJUSTMENT, type AdmissionInput, type AdmissionResult } from './types';

export interface ExplainLabels {
  /** Names of the tie-break scores in order (e.g. 语文, 数学, 外语); default 同分科目1… / tie-break 1… */
  tiebreakNames?: string[];
  /** The id of applicant a (shown only when a tie goes down to the id). */
  applicantId?: (a: number) => string;
}

export type Outcome = 'admitted' | 'admitted-adjustment' | 'full' | 'no-seats' | 'below-minimum' | 'adjustment-failed';

export interface ChoiceExplanation {
  /** 1-based choice rank, or 'adj' for the adjustment round. */
  choiceRank: number | 'adj';
  /** Programme index; -1 for a failed adjustment. */
  program: number;
  outcome: Outcome;
  zh: string;
  en: string;
}

interface Component {
  value: number | string;
  zh: string;
  en: string;
}

const num = (v: number): string => (v !== v ? '—' : String(v));

/** The ranking key of applicant a at programme p, most significant first. */
export function rankingKey(input: AdmissionInput, result: AdmissionResult, a: number, p: number, labels: ExplainLabels = {}): Component[] {
  const ap = input.applicants;
  const out: Component[] = [];
  if (result.own && result.own.hasOwn[p]) {
    const v = result.own.scoreAt(a, p);
    out.push({ value: v, zh: `专业分 ${num(v)}`, en: `programme score ${num(v)}` });
  }
  const s = ap.score[a];
  out.push({ value: s, zh: num(s), en: num(s) });
  ap.tiebreaks.forEach((t, i) => {
    const name = labels.tiebreakNames?.[i];
    out.push({ value: t[a], zh: `${name ?? `同分科目${i + 1}`} ${num(t[a])}`, en: `${name ?? `tie-break ${i + 1}`} ${num(t[a])}` });
  });
  if (ap.lottery) out.push({ value: ap.lottery[a], zh: `抽签号 ${num(ap.lottery[a])}`, en: `lottery ${num(ap.lottery[a])}` });
  const id = labels.applicantId ? labels.applicantId(a) : `#${a}`;
  out.push({ value: id, zh: `编号 ${id}`, en: `id ${id}` });
  return out;
}

const same = (x: number | string, y: number | string): boolean => x === y || (x !== x && y !== y);

/** The cutoff of programme p as seen by applicant a: the key of the last admitted, to the first difference. */
export function cutoffFor(input: AdmissionInput, result: AdmissionResult, a: number, p: number, labels: ExplainLabels = {}): { zh: string; en: string } {
  const last = result.lastAdmitted[p];
  const theirs = rankingKey(input, result, last, p, labels);
  const mine = rankingKey(input, result, a, p, labels);
  let d = 0;
  while (d < theirs.length - 1 && same(theirs[d].value, mine[d].value)) d++;
  const shown = theirs.slice(0, d + 1);
  return { zh: shown.map((c) => c.zh).join(' / '), en: shown.map((c) => c.en).join(' / ') };
}

function whyNot(input: AdmissionInput, result: AdmissionResult, a: number, j: number, p: number, labels: ExplainLabels): ChoiceExplanation {
  const choiceRank = j + 1;
  const min = input.programs.minScore[p];
  if (input.applicants.score[a] < min) {
    return { choiceRank, program: p, outcome: 'below-minimum', zh: `低于最低分数线 ${num(min)}`, en: `below the minimum score ${num(min)}` };
  }
  if (input.programs.capacity[p] === 0 || result.lastAdmitted[p] < 0) {
    return { choiceRank, program: p, outcome: 'no-seats', zh: '无招生计划（计划数 0）', en: 'no seats (capacity 0)' };
  }
  const c = cutoffFor(input, result, a, p, labels);
  return {
    choiceRank,
    program: p,
    outcome: 'full',
    zh: `已满：最后录取者排名在你之前，分数线 ${c.zh}`,
    en: `full: the last admitted ranks above you, cutoff ${c.en}`,
  };
}

/** Why applicant a got what they got: one entry per choice down to the one that admitted them. */
export function explainApplicant(input: AdmissionInput, result: AdmissionResult, a: number, labels: ExplainLabels = {}): ChoiceExplanation[] {
  const { choices, choiceSlots: k } = input.applicants;
  const got = result.choice[a];
  const out: ChoiceExplanation[] = [];
  for (let j = 0; j < k; j++) {
    const p = choices[a * k + j];
    if (p < 0) break;
    if (j === got) {
      out.push({ choiceRank: j + 1, program: p, outcome: 'admitted', zh: `录取（第 ${j + 1} 志愿）`, en: `admitted (choice ${j + 1})` });
      return out;
    }
    out.push(whyNot(input, result, a, j, p, labels));
  }
  if (got === ADJUSTMENT) {
    out.push({ choiceRank: 'adj', program: result.program[a], outcome: 'admitted-adjustment', zh: '服从调剂录取', en: 'admitted by adjustment' });
  } else if (input.applicants.acceptAdjustment[a] === 1) {
    out.push({
      choiceRank: 'adj',
      program: -1,
      outcome: 'adjustment-failed',
      zh: '服从调剂，但所报学校已无符合条件的剩余计划',
      en: 'accepts adjustment, but no school chosen has a remaining seat the applicant qualifies for',
    });
  }
  return out;
}

export interface ProgramSummary {
  program: number;
  capacity: number;
  admittedMain: number;
  admittedAdjustment: number;
  /** Ranking score of the last admitted in the main round (own score at a programme with its own ranking). */
  cutoffScore: number | null;
  /** The last admitted's whole ranking key: [own score /] score / tie-breaks [/ lottery] / id. */
  cutoffKey: string;
  firstChoiceCount: number;
  minScore: number | null;
}

export function summarizePrograms(input: AdmissionInput, result: AdmissionResult, labels: ExplainLabels = {}): ProgramSummary[] {
  const out: ProgramSummary[] = [];
  for (let p = 0; p < input.programs.count; p++) {
    const last = result.lastAdmitted[p];
    const key = last >= 0 ? rankingKey(input, result, last, p, labels) : [];
    const min = input.programs.minScore[p];
    out.push({
      program: p,
      capacity: input.programs.capacity[p],
      admittedMain: result.admittedMain[p],
      admittedAdjustment: result.admittedAdjustment[p],
      cutoffScore: key.length ? (key[0].value as number) : null,
      cutoffKey: key.map((c) => (typeof c.value === 'number' ? num(c.value) : c.value)).join('/'),
      firstChoiceCount: result.firstChoiceCount[p],
      minScore: min === -Infinity ? null : min,
    });
  }
  return out;
}

/** The programmes an adjustment applicant could be offered, in offer order (for a clerk's check). */
export function adjustmentCandidates(input: AdmissionInput, a: number): number[] {
  const { choices, choiceSlots: k } = input.applicants;
  const { start, list } = programsBySchool(input);
  const seen = new Set<number>();
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const p = choices[a * k + j];
    if (p < 0) break;
    const s = input.programs.school[p];
    if (seen.has(s)) continue;
    seen.add(s);
    for (let x = start[s]; x < start[s + 1]; x++) out.push(list[x]);
  }
  return out;
}
