/**
 * Seeded instance generator for the admission benchmark (R15).
 *
 * N applicants, M programmes (8 per school), 6 distinct choices each drawn with Zipf-like
 * popularity (weight 1/rank), capacities adding up to exactly 90 % of N (∝ weight^0.7, so
 * popular programmes are oversubscribed), 20 % of programmes with a minimum score, integer
 * subject scores (语文/数学/外语 0–150, others 0–300: ties are common), 70 % accept adjustment.
 * Programme-specific scores: 10 % of programmes rank by an own integer score 0–100, with a row
 * for every applicant who chose them. Ids are A0000001… in order; no lottery.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdmissionInput, ProgramScoreTable } from '@zhizhao/domain/admission/index';

export interface GenOptions {
  n: number;
  m: number;
  seed?: number;
  choices?: number;
}

export interface Instance {
  input: AdmissionInput;
  programScores: ProgramScoreTable;
  applicantId: (a: number) => string;
  programId: (p: number) => string;
}

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subject = (rnd: () => number, max: number) => Math.round(((rnd() + rnd() + rnd()) / 3) * max);

/** Zipf-like popularity (weight 1/rank) over a random permutation of m programmes, with its running sum for `pick`. */
export function zipfPopularity(rnd: () => number, m: number): { weight: Float64Array; cumulative: Float64Array; total: number } {
  const weight = new Float64Array(m);
  const perm = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  perm.forEach((p, r) => (weight[p] = 1 / (r + 1)));
  const cumulative = new Float64Array(m);
  let total = 0;
  for (let p = 0; p < m; p++) cumulative[p] = total += weight[p];
  return { weight, cumulative, total };
}

export function generate({ n, m, seed = 20240615, choices: k = 6 }: GenOptions): Instance {
  const rnd = mulberry32(seed);
  const { weight, cumulative, total } = zipfPopularity(rnd, m);

  const capacity = largestRemainder(weight.map((w) => w ** 0.7), Math.floor(0.9 * n));
  const minScore = new Float64Array(m).fill(-Infinity);
  const school = new Int32Array(m);
  const idRank = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    if (rnd() < 0.2) minScore[p] = 300 + Math.floor(rnd() * 200);
    school[p] = Math.floor(p / 8);
    idRank[p] = p;
  }

  const score = new Float64Array(n);
  const tiebreaks = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const choices = new Int32Array(n * k);
  const acceptAdjustment = new Uint8Array(n);
  const applicantRank = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    let sum = subject(rnd, 300);
    for (const t of tiebreaks) sum += t[a] = subject(rnd, 150);
    score[a] = sum;
    applicantRank[a] = a;
    acceptAdjustment[a] = rnd() < 0.7 ? 1 : 0;
    for (let j = 0; j < k; j++) {
      let p: number;
      do p = pick(cumulative, rnd() * total);
      while (taken(choices, a * k, j, p));
      choices[a * k + j] = p;
    }
  }

  const own = new Uint8Array(m);
  for (let p = 0; p < m; p++) own[p] = rnd() < 0.1 ? 1 : 0;
  let rows = 0;
  for (let i = 0; i < n * k; i++) rows += own[choices[i]];
  const programScores: ProgramScoreTable = { count: rows, program: new Int32Array(rows), applicant: new Int32Array(rows), score: new Float64Array(rows) };
  for (let i = 0, r = 0; i < n * k; i++) {
    if (!own[choices[i]]) continue;
    programScores.program[r] = choices[i];
    programScores.applicant[r] = Math.floor(i / k);
    programScores.score[r++] = Math.floor(rnd() * 101);
  }

  return {
    input: {
      programs: { count: m, capacity, minScore, school, schoolCount: Math.ceil(m / 8), idRank },
      applicants: { count: n, score, tiebreaks, lottery: null, idRank: applicantRank, choiceSlots: k, choices, acceptAdjustment },
    },
    programScores,
    applicantId: (a) => `A${String(a + 1).padStart(7, '0')}`,
    programId: (p) => `P${String(p + 1).padStart(5, '0')}`,
  };
}

/** The index whose running-sum interval holds x (binary search). */
export function pick(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function taken(choices: Int32Array, base: number, j: number, p: number): boolean {
  for (let i = 0; i < j; i++) if (choices[base + i] === p) return true;
  return false;
}

/** Integer capacities ∝ weights summing exactly to total (Hamilton's method). */
export function largestRemainder(weights: Float64Array, total: number): Int32Array {
  const sum = weights.reduce((x, y) => x + y, 0);
  const cap = new Int32Array(weights.length);
  const rest = Array.from(weights, (w, p) => {
    const q = (w / sum) * total;
    cap[p] = Math.floor(q);
    return [q - cap[p], p] as const;
  });
  let left = total - cap.reduce((x, y) => x + y, 0);
  rest.sort((x, y) => y[0] - x[0]);
  for (let i = 0; left > 0; i++, left--) cap[rest[i][1]]++;
  return cap;
}

/** Writes P.csv, A.csv and S.csv of the contract into dir. */
export function writeCsv(inst: Instance, dir: string): { programs: string; applicants: string; scores: string } {
  const { programs: P, applicants: A } = inst.input;
  const k = A.choiceSlots;
  const lines: string[] = ['program_id,capacity,school_id,min_score'];
  for (let p = 0; p < P.count; p++) lines.push(`${inst.programId(p)},${P.capacity[p]},S${P.school[p] + 1},${P.minScore[p] === -Infinity ? '' : P.minScore[p]}`);
  const programs = join(dir, 'programs.csv');
  writeFileSync(programs, lines.join('\n') + '\n');

  const applicants = join(dir, 'applicants.csv');
  const head = ['applicant_id,score,tiebreak_1,tiebreak_2,tiebreak_3', ...Array.from({ length: k }, (_, j) => `choice_${j + 1}`), 'accept_adjustment'].join(',');
  writeChunks(applicants, head, A.count, (a) => {
    let line = `${inst.applicantId(a)},${A.score[a]},${A.tiebreaks[0][a]},${A.tiebreaks[1][a]},${A.tiebreaks[2][a]}`;
    for (let j = 0; j < k; j++) line += ',' + inst.programId(A.choices[a * k + j]);
    return line + ',' + A.acceptAdjustment[a];
  });

  const S = inst.programScores;
  const scores = join(dir, 'scores.csv');
  writeChunks(scores, 'program_id,applicant_id,score', S.count, (r) => `${inst.programId(S.program[r])},${inst.applicantId(S.applicant[r])},${S.score[r]}`);
  return { programs, applicants, scores };
}

function writeChunks(file: string, head: string, count: number, line: (i: number) => string): void {
  const parts: Buffer[] = [Buffer.from(head + '\n')];
  let chunk: string[] = [];
  for (let i = 0; i < count; i++) {
    chunk.push(line(i));
    if (chunk.length === 50_000) {
      parts.push(Buffer.from(chunk.join('\n') + '\n'));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(Buffer.from(chunk.join('\n') + '\n'));
  writeFileSync(file, Buffer.concat(parts));
}
