/**
 * Object-shaped input for callers that are not on a hot path (the server, tests):
 * validates records and builds the typed-array `AdmissionInput`.
 */
import type { AdmissionInput, ProgramScoreTable } from './types';

export interface ProgramRecord {
  id: string;
  capacity: number;
  schoolId?: string | null;
  minScore?: number | null;
}

export interface ApplicantRecord {
  id: string;
  score: number;
  tiebreaks?: number[];
  lottery?: number | null;
  /** Programme ids, most wanted first. */
  choices: string[];
  acceptAdjustment?: boolean;
}

export interface ProgramScoreRecord {
  programId: string;
  applicantId: string;
  score: number;
}

export type AdmissionInputErrorCode =
  | 'DUPLICATE_PROGRAM'
  | 'DUPLICATE_APPLICANT'
  | 'BAD_CAPACITY'
  | 'BAD_NUMBER'
  | 'UNKNOWN_PROGRAM'
  | 'UNKNOWN_APPLICANT'
  | 'REPEATED_CHOICE'
  | 'TIEBREAK_COUNT'
  | 'LOTTERY_MIXED'
  | 'DUPLICATE_PROGRAM_SCORE';

export class AdmissionInputError extends Error {
  constructor(
    readonly code: AdmissionInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Code-point order of two strings (= UTF-8 byte order). Plain `<` on JS strings compares
 * UTF-16 code units, which puts U+10000.. (surrogates) before U+E000..U+FFFF.
 */
export function compareCodePoints(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    let a = x.charCodeAt(i);
    let b = y.charCodeAt(i);
    if (a === b) continue;
    if (a >= 0xd800 && b >= 0xd800) {
      a += a >= 0xe000 ? -0x800 : 0x2000;
      b += b >= 0xe000 ? -0x800 : 0x2000;
    }
    return a - b;
  }
  return x.length - y.length;
}

/** Position of each id in code-point order (ids must be distinct). */
export function idRankOf(ids: readonly string[]): Int32Array {
  const idx = Array.from(ids.keys()).sort((a, b) => compareCodePoints(ids[a], ids[b]));
  const rank = new Int32Array(ids.length);
  idx.forEach((a, i) => (rank[a] = i));
  return rank;
}

function finite(v: number, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new AdmissionInputError('BAD_NUMBER', `${what} is not a number`);
  return v;
}

export interface BuiltInput {
  input: AdmissionInput;
  programIndex: Map<string, number>;
  applicantIndex: Map<string, number>;
}

export function fromRecords(
  programs: readonly ProgramRecord[],
  applicants: readonly ApplicantRecord[],
  programScores: readonly ProgramScoreRecord[] = [],
): BuiltInput {
  const m = programs.length;
  const programIndex = new Map<string, number>();
  const capacity = new Int32Array(m);
  const minScore = new Float64Array(m);
  const school = new Int32Array(m);
  const schoolIndex = new Map<string, number>();
  programs.forEach((p, i) => {
    if (programIndex.has(p.id)) throw new AdmissionInputError('DUPLICATE_PROGRAM', `duplicate programme ${p.id}`);
    programIndex.set(p.id, i);
    if (!Number.isInteger(p.capacity) || p.capacity < 0) throw new AdmissionInputError('BAD_CAPACITY', `programme ${p.id}: capacity must be an integer ≥ 0`);
    capacity[i] = p.capacity;
    minScore[i] = p.minScore == null ? -Infinity : finite(p.minScore, `programme ${p.id}: min score`);
  });
  // A programme without school is its own school: key it apart from every real school id.
  programs.forEach((p, i) => {
    const key = p.schoolId ? `s:${p.schoolId}` : `p:${p.id}`;
    if (!schoolIndex.has(key)) schoolIndex.set(key, schoolIndex.size);
    school[i] = schoolIndex.get(key)!;
  });

  const n = applicants.length;
  const k = applicants.reduce((x, a) => Math.max(x, a.choices.length), 0);
  const t = n ? (applicants[0].tiebreaks?.length ?? 0) : 0;
  const hasLottery = n > 0 && applicants[0].lottery != null;
  const applicantIndex = new Map<string, number>();
  const score = new Float64Array(n);
  const tiebreaks = Array.from({ length: t }, () => new Float64Array(n));
  const lottery = hasLottery ? new Float64Array(n) : null;
  const choices = new Int32Array(n * k).fill(-1);
  const acceptAdjustment = new Uint8Array(n);
  applicants.forEach((a, i) => {
    if (applicantIndex.has(a.id)) throw new AdmissionInputError('DUPLICATE_APPLICANT', `duplicate applicant ${a.id}`);
    applicantIndex.set(a.id, i);
    score[i] = finite(a.score, `applicant ${a.id}: score`);
    if ((a.tiebreaks?.length ?? 0) !== t) throw new AdmissionInputError('TIEBREAK_COUNT', `applicant ${a.id}: expected ${t} tie-break scores`);
    a.tiebreaks?.forEach((v, x) => (tiebreaks[x][i] = finite(v, `applicant ${a.id}: tie-break ${x + 1}`)));
    if ((a.lottery != null) !== hasLottery) throw new AdmissionInputError('LOTTERY_MIXED', `applicant ${a.id}: lottery given for some applicants only`);
    if (lottery) lottery[i] = finite(a.lottery!, `applicant ${a.id}: lottery`);
    const seen = new Set<number>();
    a.choices.forEach((c, j) => {
      const p = programIndex.get(c);
      if (p === undefined) throw new AdmissionInputError('UNKNOWN_PROGRAM', `applicant ${a.id}: unknown programme ${c}`);
      if (seen.has(p)) throw new AdmissionInputError('REPEATED_CHOICE', `applicant ${a.id}: programme ${c} chosen twice`);
      seen.add(p);
      choices[i * k + j] = p;
    });
    acceptAdjustment[i] = a.acceptAdjustment ? 1 : 0;
  });

  return {
    input: {
      programs: { count: m, capacity, minScore, school, schoolCount: schoolIndex.size, idRank: idRankOf(programs.map((p) => p.id)) },
      applicants: { count: n, score, tiebreaks, lottery, idRank: idRankOf(applicants.map((a) => a.id)), choiceSlots: k, choices, acceptAdjustment },
      programScores: buildProgramScores(programScores, programIndex, applicantIndex),
    },
    programIndex,
    applicantIndex,
  };
}

function buildProgramScores(rows: readonly ProgramScoreRecord[], programIndex: Map<string, number>, applicantIndex: Map<string, number>): ProgramScoreTable | null {
  if (rows.length === 0) return null;
  const table: ProgramScoreTable = {
    count: rows.length,
    program: new Int32Array(rows.length),
    applicant: new Int32Array(rows.length),
    score: new Float64Array(rows.length),
  };
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const p = programIndex.get(r.programId);
    if (p === undefined) throw new AdmissionInputError('UNKNOWN_PROGRAM', `programme score: unknown programme ${r.programId}`);
    const a = applicantIndex.get(r.applicantId);
    if (a === undefined) throw new AdmissionInputError('UNKNOWN_APPLICANT', `programme score: unknown applicant ${r.applicantId}`);
    const key = `${p}:${a}`;
    if (seen.has(key)) throw new AdmissionInputError('DUPLICATE_PROGRAM_SCORE', `programme ${r.programId}: two scores for applicant ${r.applicantId}`);
    seen.add(key);
    table.program[i] = p;
    table.applicant[i] = a;
    table.score[i] = finite(r.score, `programme ${r.programId}, applicant ${r.applicantId}: score`);
  });
  return table;
}
