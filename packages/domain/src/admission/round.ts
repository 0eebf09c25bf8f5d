/**
 * The admission round (R15, issue 11): what a batch (批次) puts in front of the engine, and how a
 * stored placement is explained to a family afterwards without re-running the engine.
 *
 *  - Batches run in order; an applicant admitted in an earlier batch (and not returned) is not
 *    considered again. A programme offers its seats for admission (planned seats less those
 *    held by filed early transfers, R13) less the seats already taken by earlier batches and by
 *    registration; a returned student's seat (退档) goes back.
 *  - A batch offers its own programmes (none named: every programme with seats left), with the
 *    minimum score of the batch and of each programme (the higher one applies).
 *  - An exam batch reads each applicant's confirmed ranked choices (R11) restricted to the
 *    batch's programmes, in their order; the 征集志愿 (solicitation) batch reads the new choices
 *    the unplaced made for it.
 *  - Ties: score, then the campaign's tie-break subjects, then a lottery number drawn from the
 *    campaign's seed and the exam number (reproducible), then the exam number (ADR 0101).
 * Applicants are listed in code-point order of their exam numbers and programmes by id, so the
 * engine's input — and the CSV files an auditor re-runs `admit` on — depend on nothing else.
 */
import { compareCodePoints, type ApplicantRecord, type ProgramRecord } from './records';

export const batchKinds = ['exam', 'solicitation'] as const;
export type BatchKind = (typeof batchKinds)[number];

export const batchKindLabels: Record<BatchKind, { zh: string; en: string }> = {
  exam: { zh: '按志愿录取', en: 'From the applications' },
  solicitation: { zh: '征集志愿', en: 'Solicitation round' },
};

export interface RoundProgramme {
  id: number;
  schoolId: number;
  /** Seats the central admission fills: planned seats less filed early transfers. */
  seatsForAdmission: number;
}

export interface BatchDefinition {
  kind: BatchKind;
  /** The batch's programmes; null = every programme with seats left. */
  programmeIds: number[] | null;
  /** The batch's minimum score line (null: none). */
  minScore: number | null;
  /** Per-programme lines (programme id → minimum score). */
  programmeLines: Record<string, number>;
}

export interface RoundApplicant {
  studentId: number;
  examNo: string;
  score: number;
  tiebreaks: number[];
  /** Ranked programme ids (the application's, or the solicitation's for that batch). */
  choices: number[];
  acceptAdjustment: boolean;
}

export interface BatchInput {
  programs: ProgramRecord[];
  applicants: ApplicantRecord[];
  /** Exam number → student id, for the applicants kept. */
  studentOf: Map<string, number>;
  /** Why the others are not in this batch (counts). */
  skipped: { admittedBefore: number; noChoiceInBatch: number };
}

/** Seats a programme still offers: for admission, less those taken (never below 0). */
export function residualSeats(seatsForAdmission: number, taken: number): number {
  return Math.max(0, seatsForAdmission - Math.max(0, taken));
}

/** The line a programme applies in a batch: the higher of the batch's and its own; null when none. */
export function effectiveLine(def: Pick<BatchDefinition, 'minScore' | 'programmeLines'>, programmeId: number): number | null {
  const own = def.programmeLines[String(programmeId)];
  const lines = [def.minScore, own].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return lines.length ? Math.max(...lines) : null;
}

/**
 * A lottery number in [0, 2^31) from a seed and an exam number (FNV-1a over the UTF-16 units,
 * then a murmur finaliser): the same seed gives the same draw on every server and in the export.
 */
export function lotteryNumber(seed: string, examNo: string): number {
  let h = 0x811c9dc5;
  const s = `${seed}\u0000${examNo}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 1;
}

/**
 * The engine's records for one batch. `taken` counts, per programme, the seats already taken
 * by earlier batches and registration (returned students excluded by the caller);
 * `admittedBefore` are the students those hold.
 */
export function batchInput(
  def: BatchDefinition,
  programmes: readonly RoundProgramme[],
  applicants: readonly RoundApplicant[],
  taken: ReadonlyMap<number, number>,
  admittedBefore: ReadonlySet<number>,
  lotterySeed: string,
): BatchInput {
  const named = def.programmeIds ? new Set(def.programmeIds) : null;
  const programs: ProgramRecord[] = [];
  const inBatch = new Set<number>();
  for (const p of [...programmes].sort((a, b) => a.id - b.id)) {
    if (named && !named.has(p.id)) continue;
    const capacity = residualSeats(p.seatsForAdmission, taken.get(p.id) ?? 0);
    if (!named && capacity === 0) continue;
    inBatch.add(p.id);
    programs.push({ id: String(p.id), capacity, schoolId: String(p.schoolId), minScore: effectiveLine(def, p.id) });
  }
  const out: ApplicantRecord[] = [];
  const studentOf = new Map<string, number>();
  const skipped = { admittedBefore: 0, noChoiceInBatch: 0 };
  for (const a of applicants) {
    if (admittedBefore.has(a.studentId)) {
      skipped.admittedBefore++;
      continue;
    }
    const choices = [...new Set(a.choices)].filter((c) => inBatch.has(c)).map(String);
    if (choices.length === 0) {
      skipped.noChoiceInBatch++;
      continue;
    }
    studentOf.set(a.examNo, a.studentId);
    out.push({ id: a.examNo, score: a.score, tiebreaks: a.tiebreaks, lottery: lotteryNumber(lotterySeed, a.examNo), choices, acceptAdjustment: a.acceptAdjustment });
  }
  out.sort((x, y) => compareCodePoints(x.id, y.id));
  return { programs, applicants: out, studentOf, skipped };
}

/** An applicant's ranking key as stored with a run: score, tie-breaks, lottery, exam number. */
export interface StoredKey {
  score: number;
  tiebreaks: number[];
  lottery: number;
  examNo: string;
}

export interface StoredProgramme {
  id: number;
  name: string;
  capacity: number;
  minScore: number | null;
  /** The last applicant admitted in the main round, or null when none was. */
  last: StoredKey | null;
}

export type StoredOutcome = 'admitted' | 'admitted-adjustment' | 'full' | 'no-seats' | 'below-minimum' | 'adjustment-failed';

export interface PlainExplanation {
  choiceRank: number | 'adj';
  programmeId: number | null;
  programmeName: string | null;
  outcome: StoredOutcome;
  zh: string;
  en: string;
}

const show = (v: number) => (Number.isFinite(v) ? String(v) : '—');

/** The key components, most significant first, with their names. */
function components(k: StoredKey, tiebreakNames: readonly string[]): Array<{ v: number | string; zh: string; en: string }> {
  return [
    { v: k.score, zh: `总分 ${show(k.score)}`, en: `score ${show(k.score)}` },
    ...k.tiebreaks.map((t, i) => ({ v: t, zh: `${tiebreakNames[i] ?? `同分科目${i + 1}`} ${show(t)}`, en: `${tiebreakNames[i] ?? `tie-break ${i + 1}`} ${show(t)}` })),
    { v: k.lottery, zh: `抽签号 ${k.lottery}`, en: `lottery ${k.lottery}` },
    { v: k.examNo, zh: `报名号 ${k.examNo}`, en: `exam number ${k.examNo}` },
  ];
}

/** Where the last admitted's key first differs from the reader's: the cutoff as the reader needs it. */
export function cutoffAgainst(last: StoredKey, mine: StoredKey, tiebreakNames: readonly string[] = []): { zh: string; en: string; decidedBy: string } {
  const theirs = components(last, tiebreakNames);
  const own = components(mine, tiebreakNames);
  let d = 0;
  while (d < theirs.length - 1 && theirs[d].v === own[d].v) d++;
  const shown = theirs.slice(0, d + 1);
  return { zh: shown.map((c) => c.zh).join('，'), en: shown.map((c) => c.en).join(', '), decidedBy: d === 0 ? 'score' : d <= last.tiebreaks.length ? 'tiebreak' : d === last.tiebreaks.length + 1 ? 'lottery' : 'examNo' };
}

/**
 * Why a stored placement is what it is, in plain words: one line per choice down to the one
 * that admitted the applicant (every choice when unplaced or adjusted), then the adjustment.
 * The same outcomes as the engine's explainApplicant for a run without programme scores (a
 * test checks it), computed from what a run stores instead of the engine's arrays.
 */
export function explainPlacement(
  me: StoredKey & { choices: number[]; acceptAdjustment: boolean },
  placed: { programmeId: number | null; choiceRank: number | 'adj' | null },
  programmes: ReadonlyMap<number, StoredProgramme>,
  tiebreakNames: readonly string[] = [],
): PlainExplanation[] {
  const out: PlainExplanation[] = [];
  for (let j = 0; j < me.choices.length; j++) {
    const id = me.choices[j];
    const p = programmes.get(id);
    const name = p?.name ?? null;
    if (placed.choiceRank === j + 1) {
      out.push({ choiceRank: j + 1, programmeId: id, programmeName: name, outcome: 'admitted', zh: `第 ${j + 1} 志愿「${name}」：录取`, en: `choice ${j + 1} "${name}": admitted` });
      return out;
    }
    if (!p) continue;
    if (p.minScore !== null && me.score < p.minScore) {
      out.push({ choiceRank: j + 1, programmeId: id, programmeName: name, outcome: 'below-minimum', zh: `第 ${j + 1} 志愿「${name}」：你的总分 ${show(me.score)} 低于该专业最低录取控制线 ${show(p.minScore)}`, en: `choice ${j + 1} "${name}": your score ${show(me.score)} is below its minimum ${show(p.minScore)}` });
    } else if (p.capacity === 0 || !p.last) {
      out.push({ choiceRank: j + 1, programmeId: id, programmeName: name, outcome: 'no-seats', zh: `第 ${j + 1} 志愿「${name}」：本批次没有剩余计划`, en: `choice ${j + 1} "${name}": no seats left in this batch` });
    } else {
      const c = cutoffAgainst(p.last, me, tiebreakNames);
      const why = c.decidedBy === 'score' ? `你的总分 ${show(me.score)}` : c.decidedBy === 'tiebreak' ? '与最后录取者同分，按同分科目比较后排在其后' : c.decidedBy === 'lottery' ? '与最后录取者同分且同分科目相同，按抽签号排在其后' : '与最后录取者完全相同，按报名号排在其后';
      out.push({
        choiceRank: j + 1, programmeId: id, programmeName: name, outcome: 'full',
        zh: `第 ${j + 1} 志愿「${name}」：计划已满（${p.capacity} 人），最后录取者 ${c.zh}；${why}`,
        en: `choice ${j + 1} "${name}": full (${p.capacity} seats); the last admitted has ${c.en}`,
      });
    }
  }
  if (placed.choiceRank === 'adj') {
    const name = placed.programmeId !== null ? (programmes.get(placed.programmeId)?.name ?? null) : null;
    out.push({ choiceRank: 'adj', programmeId: placed.programmeId, programmeName: name, outcome: 'admitted-adjustment', zh: `以上志愿均未录取；你选择了服从调剂，调剂录取到「${name}」`, en: `none of the choices admitted you; admitted by adjustment to "${name}"` });
  } else if (me.acceptAdjustment) {
    out.push({ choiceRank: 'adj', programmeId: null, programmeName: null, outcome: 'adjustment-failed', zh: '你选择了服从调剂，但所报学校已没有你符合条件的剩余计划', en: 'you accept adjustment, but no school you chose has a remaining seat you qualify for' });
  }
  return out;
}

/** A sentence for the top of a family's result. */
export function resultHeadline(placed: { programmeName: string | null; schoolName: string | null; choiceRank: number | 'adj' | null }): { zh: string; en: string } {
  if (!placed.programmeName) return { zh: '未被录取', en: 'Not admitted' };
  if (placed.choiceRank === 'adj') return { zh: `服从调剂录取：${placed.schoolName}「${placed.programmeName}」`, en: `Admitted by adjustment: ${placed.schoolName} "${placed.programmeName}"` };
  return { zh: `录取：${placed.schoolName}「${placed.programmeName}」（第 ${placed.choiceRank} 志愿）`, en: `Admitted: ${placed.schoolName} "${placed.programmeName}" (choice ${placed.choiceRank})` };
}

/** 退档: the reasons a campaign accepts by default (the campaign may list its own). */
export const DEFAULT_RETURN_REASONS = ['学生本人及监护人书面声明放弃录取', '体检结果不符合该专业要求', '报名信息不实'] as const;

export type ReturnCheck = { ok: true } | { ok: false; rule: 'RETURN_REASON_NOT_LISTED' | 'RETURN_WINDOW_CLOSED' | 'RETURN_NOT_ADMITTED' };

/** A school may return an admitted student only within the batch's window and for a listed reason. */
export function checkReturn(input: { status: string; reason: string; today: string; returnUntil: string | null; reasons: readonly string[] }): ReturnCheck {
  if (input.status !== 'admitted') return { ok: false, rule: 'RETURN_NOT_ADMITTED' };
  if (input.returnUntil !== null && input.today > input.returnUntil) return { ok: false, rule: 'RETURN_WINDOW_CLOSED' };
  if (!input.reasons.includes(input.reason)) return { ok: false, rule: 'RETURN_REASON_NOT_LISTED' };
  return { ok: true };
}

/** Results are shown to families from the batch's publication date (the campaign's calendar day). */
export const resultsVisible = (publishOn: string | null, today: string): boolean => publishOn === null || today >= publishOn;
