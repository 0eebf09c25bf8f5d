/**
 * `zhizhao admit --programs P.csv --applicants A.csv --out R.csv [--program-scores S.csv]
 *   [--explain E.csv] [--summary SUM.csv] [--tiebreak-names 语文,数学,外语] [--timing]`
 *
 * Central admission (R15) from CSV files. Inputs are parsed from bytes into typed arrays (ids
 * stay byte ranges of the input), the pure engine runs, outputs are written to temp files and
 * renamed only when everything succeeded: bad input prints `FILE:LINE: reason`, exits 1 and
 * leaves no output file. Columns: see docs/admission-benchmark.md and the contract.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ADJUSTMENT,
  admit,
  radixSortPairs,
  explainApplicant,
  summarizePrograms,
  type AdmissionInput,
  type AdmissionResult,
  type ExplainLabels,
  type ProgramScoreTable,
} from '@zhizhao/domain/admission/index';
import { parseArgs, requireString, runCommand, UsageError } from '../lib/args';
import { ByteCsvReader, ByteCsvWriter, ByteKeyIndex, byteOrderRank, CsvInputError, compareBytes } from '../lib/fast-csv';

const USAGE =
  'zhizhao admit --programs P.csv --applicants A.csv --out R.csv [--program-scores S.csv] [--explain E.csv] [--summary SUM.csv] [--tiebreak-names 语文,数学,外语] [--timing]';

interface Programs {
  ids: ByteKeyIndex;
  schoolIds: ByteKeyIndex;
  /** Per programme: index into schoolIds, or -1 without school_id. */
  schoolOf: Int32Array;
  table: AdmissionInput['programs'];
}

interface Applicants {
  ids: ByteKeyIndex;
  table: AdmissionInput['applicants'];
}

/** Header names (trimmed, lower-case) → column; a repeated name is an error. */
function header(r: ByteCsvReader): { cols: Map<string, number>; width: number } {
  const cols = new Map<string, number>();
  for (let i = 0; i < r.fieldCount; i++) {
    const name = r.text(i).trim().toLowerCase();
    if (name && cols.has(name)) throw r.error(`column ${name} appears twice`);
    cols.set(name, i);
  }
  return { cols, width: r.fieldCount };
}

function need(r: ByteCsvReader, cols: Map<string, number>, name: string): number {
  const c = cols.get(name);
  if (c === undefined) throw r.error(`missing column ${name}`);
  return c;
}

/** Columns prefix_1 … prefix_k in number order; a gap is a missing column. */
function numbered(r: ByteCsvReader, cols: Map<string, number>, prefix: string): number[] {
  const found = [...cols.keys()].filter((k) => new RegExp(`^${prefix}_\\d+$`).test(k)).length;
  return Array.from({ length: found }, (_, i) => need(r, cols, `${prefix}_${i + 1}`));
}

function open(buf: Uint8Array, file: string): ByteCsvReader {
  const r = new ByteCsvReader(buf, file);
  if (!r.next()) throw new CsvInputError(file, 1, 'empty file: no header');
  return r;
}

function checkWidth(r: ByteCsvReader, width: number): void {
  if (r.fieldCount !== width) throw r.error(`expected ${width} fields, found ${r.fieldCount}`);
}

function num(r: ByteCsvReader, col: number, name: string): number {
  const v = r.number(col);
  if (!Number.isFinite(v)) throw r.error(r.isEmpty(col) ? `missing ${name}` : `${name} is not a number: "${r.text(col)}"`);
  return v;
}

function loadPrograms(buf: Uint8Array, file: string): Programs {
  const r = open(buf, file);
  const { cols, width } = header(r);
  const cId = need(r, cols, 'program_id');
  const cCap = need(r, cols, 'capacity');
  const cSchool = cols.get('school_id') ?? -1;
  const cMin = cols.get('min_score') ?? -1;
  const ids = new ByteKeyIndex(buf, 1024);
  const schoolIds = new ByteKeyIndex(buf, 256);
  const lines: number[] = [];
  const capacity: number[] = [];
  const minScore: number[] = [];
  const schoolOf: number[] = [];
  while (r.next()) {
    checkWidth(r, width);
    if (r.isEmpty(cId)) throw r.error('empty program_id');
    const p = ids.add(r.starts[cId], r.ends[cId]);
    if (p < 0) throw r.error(`duplicate program_id "${r.text(cId)}" (first on line ${lines[-p - 1]})`);
    lines.push(r.line);
    const cap = num(r, cCap, 'capacity');
    if (cap < 0) throw r.error(`negative capacity ${cap}`);
    if (!Number.isInteger(cap) || cap > 0x7fffffff) throw r.error(`capacity is not a whole number: "${r.text(cCap)}"`);
    capacity.push(cap);
    minScore.push(cMin < 0 || r.isEmpty(cMin) ? -Infinity : num(r, cMin, 'min_score'));
    if (cSchool < 0 || r.isEmpty(cSchool)) schoolOf.push(-1);
    else {
      const s = schoolIds.add(r.starts[cSchool], r.ends[cSchool]);
      schoolOf.push(s < 0 ? -s - 1 : s);
    }
  }
  const m = ids.count;
  // A programme without school_id is its own school (indexes after the named schools).
  let schoolCount = schoolIds.count;
  const school = Int32Array.from(schoolOf, (s) => (s >= 0 ? s : schoolCount++));
  const byId = Array.from({ length: m }, (_, i) => i).sort((a, b) => compareBytes(buf, ids.starts[a], ids.ends[a], buf, ids.starts[b], ids.ends[b]));
  const idRank = new Int32Array(m);
  byId.forEach((p, i) => (idRank[p] = i));
  return {
    ids,
    schoolIds,
    schoolOf: Int32Array.from(schoolOf),
    table: { count: m, capacity: Int32Array.from(capacity), minScore: Float64Array.from(minScore), school, schoolCount, idRank },
  };
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Upper bound on records: lines in the file. */
function lineCount(buf: Uint8Array): number {
  let n = 1;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

function loadApplicants(buf: Uint8Array, file: string, programs: Programs): Applicants {
  const r = open(buf, file);
  const { cols, width } = header(r);
  const cId = need(r, cols, 'applicant_id');
  const cScore = need(r, cols, 'score');
  const cTie = numbered(r, cols, 'tiebreak');
  const cLot = cols.get('lottery') ?? -1;
  const cChoice = numbered(r, cols, 'choice');
  if (cChoice.length === 0) need(r, cols, 'choice_1');
  const cAdj = cols.get('accept_adjustment') ?? -1;
  const est = lineCount(buf);
  const k = cChoice.length;
  const ids = new ByteKeyIndex(buf, est);
  const lines = new Int32Array(est);
  const score = new Float64Array(est);
  const tiebreaks = cTie.map(() => new Float64Array(est));
  const lottery = cLot >= 0 ? new Float64Array(est) : null;
  const choices = new Int32Array(est * k);
  const accept = new Uint8Array(est);
  const pIds = programs.ids;
  while (r.next()) {
    checkWidth(r, width);
    if (r.isEmpty(cId)) throw r.error('empty applicant_id');
    const a = ids.add(r.starts[cId], r.ends[cId]);
    if (a < 0) throw r.error(`duplicate applicant_id "${r.text(cId)}" (first on line ${lines[-a - 1]})`);
    lines[a] = r.line;
    score[a] = num(r, cScore, 'score');
    for (let t = 0; t < cTie.length; t++) tiebreaks[t][a] = num(r, cTie[t], `tiebreak_${t + 1}`);
    if (lottery) lottery[a] = num(r, cLot, 'lottery');
    const base = a * k;
    let gap = -1;
    for (let j = 0; j < k; j++) {
      const c = cChoice[j];
      if (r.isEmpty(c)) {
        if (gap < 0) gap = j;
        choices[base + j] = -1;
        continue;
      }
      if (gap >= 0) throw r.error(`choice_${j + 1} given after an empty choice_${gap + 1}`);
      const p = pIds.get(buf, r.starts[c], r.ends[c]);
      if (p < 0) throw r.error(`unknown programme "${r.text(c)}" in choice_${j + 1}`);
      for (let jj = 0; jj < j; jj++) if (choices[base + jj] === p) throw r.error(`programme "${r.text(c)}" repeated in choice_${jj + 1} and choice_${j + 1}`);
      choices[base + j] = p;
    }
    if (cAdj >= 0 && !r.isEmpty(cAdj)) {
      const v = r.number(cAdj);
      if (v !== 0 && v !== 1) throw r.error(`accept_adjustment must be 1 or 0, not "${r.text(cAdj)}"`);
      accept[a] = v;
    }
  }
  const n = ids.count;
  return {
    ids,
    table: {
      count: n,
      score: score.subarray(0, n),
      tiebreaks: tiebreaks.map((t) => t.subarray(0, n)),
      lottery: lottery ? lottery.subarray(0, n) : null,
      idRank: ids.ascending ? identity(n) : byteOrderRank(buf, ids.starts, ids.ends, n),
      choiceSlots: k,
      choices: choices.subarray(0, n * k),
      acceptAdjustment: accept.subarray(0, n),
    },
  };
}

function loadProgramScores(buf: Uint8Array, file: string, programs: Programs, applicants: Applicants): ProgramScoreTable {
  const r = open(buf, file);
  const { cols, width } = header(r);
  const cP = need(r, cols, 'program_id');
  const cA = need(r, cols, 'applicant_id');
  const cS = need(r, cols, 'score');
  const est = lineCount(buf);
  const program = new Int32Array(est);
  const applicant = new Int32Array(est);
  const score = new Float64Array(est);
  const lines = new Int32Array(est);
  let rows = 0;
  while (r.next()) {
    checkWidth(r, width);
    const p = programs.ids.get(buf, r.starts[cP], r.ends[cP]);
    if (p < 0) throw r.error(`unknown programme "${r.text(cP)}"`);
    const a = applicants.ids.get(buf, r.starts[cA], r.ends[cA]);
    if (a < 0) throw r.error(`unknown applicant "${r.text(cA)}"`);
    program[rows] = p;
    applicant[rows] = a;
    score[rows] = num(r, cS, 'score');
    lines[rows++] = r.line;
  }
  const table = { count: rows, program: program.subarray(0, rows), applicant: applicant.subarray(0, rows), score: score.subarray(0, rows) };
  const dup = firstDuplicatePair(table, applicants.table.count, programs.table.count, lines);
  if (dup) throw new CsvInputError(file, dup.line, `second score of applicant "${applicants.ids.text(dup.applicant)}" for programme "${programs.ids.text(dup.program)}" (first on line ${dup.first})`);
  return table;
}

/** A (programme, applicant) pair given twice: radix-sort the rows by pair, compare neighbours; report the earliest repeat. */
function firstDuplicatePair(t: ProgramScoreTable, n: number, m: number, lines: Int32Array): { line: number; first: number; program: number; applicant: number } | null {
  const rows = t.count;
  let order: Int32Array = new Int32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i; // file order: the sort is stable
  order = radixSortPairs(Uint32Array.from(t.applicant), order, n).values;
  const byProgram = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) byProgram[i] = t.program[order[i]];
  order = radixSortPairs(byProgram, order, m).values;
  let best: { line: number; first: number; program: number; applicant: number } | null = null;
  for (let i = 1; i < rows; i++) {
    const x = order[i - 1];
    const y = order[i];
    if (t.program[x] === t.program[y] && t.applicant[x] === t.applicant[y] && (!best || lines[y] < best.line)) {
      best = { line: lines[y], first: lines[x], program: t.program[y], applicant: t.applicant[y] };
    }
  }
  return best;
}

function resultCsv(p: Programs, a: Applicants, res: AdmissionResult): Uint8Array {
  const w = new ByteCsvWriter(a.table.count * 24 + 64).ascii('applicant_id,program_id,choice_rank\n');
  for (let i = 0; i < a.table.count; i++) {
    w.field(a.ids.src, a.ids.starts[i], a.ids.ends[i]).comma();
    const prog = res.program[i];
    if (prog >= 0) w.field(p.ids.src, p.ids.starts[prog], p.ids.ends[prog]);
    w.comma();
    const c = res.choice[i];
    if (c === ADJUSTMENT) w.ascii('adj');
    else if (c >= 0) w.int(c + 1);
    w.newline();
  }
  return w.bytes();
}

function explainCsv(input: AdmissionInput, p: Programs, a: Applicants, res: AdmissionResult, labels: ExplainLabels): Uint8Array {
  const w = new ByteCsvWriter(1 << 20).ascii('applicant_id,choice_rank,program_id,outcome,reason_zh,reason_en\n');
  for (let i = 0; i < a.table.count; i++) {
    for (const e of explainApplicant(input, res, i, labels)) {
      w.field(a.ids.src, a.ids.starts[i], a.ids.ends[i]).comma();
      w.ascii(String(e.choiceRank)).comma();
      if (e.program >= 0) w.field(p.ids.src, p.ids.starts[e.program], p.ids.ends[e.program]);
      w.comma().ascii(e.outcome).comma().text(e.zh).comma().text(e.en).newline();
    }
  }
  return w.bytes();
}

function summaryCsv(input: AdmissionInput, p: Programs, res: AdmissionResult, labels: ExplainLabels): Uint8Array {
  const w = new ByteCsvWriter().ascii('program_id,school_id,capacity,admitted_main,admitted_adjustment,cutoff_score,cutoff_key,first_choice_count,min_score\n');
  for (const s of summarizePrograms(input, res, labels)) {
    w.field(p.ids.src, p.ids.starts[s.program], p.ids.ends[s.program]).comma();
    const school = p.schoolOf[s.program];
    if (school >= 0) w.field(p.schoolIds.src, p.schoolIds.starts[school], p.schoolIds.ends[school]);
    w.comma().int(s.capacity).comma().int(s.admittedMain).comma().int(s.admittedAdjustment).comma();
    if (s.cutoffScore !== null && Number.isFinite(s.cutoffScore)) w.ascii(String(s.cutoffScore));
    w.comma().text(s.cutoffKey).comma().int(s.firstChoiceCount).comma();
    if (s.minScore !== null) w.ascii(String(s.minScore));
    w.newline();
  }
  return w.bytes();
}

/** Writes every output to a temp file beside it, then renames them all; on failure removes the temps. */
function writeAll(outputs: Array<[string, Uint8Array]>): void {
  const temps: Array<[string, string]> = [];
  let current = '';
  try {
    for (const [file, bytes] of outputs) {
      current = file;
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      temps.push([tmp, file]);
      writeFileSync(tmp, bytes);
    }
    for (const [tmp, file] of temps) {
      current = file;
      renameSync(tmp, file);
    }
  } catch (err) {
    (err as NodeJS.ErrnoException).path = current;
    for (const [tmp] of temps) {
      try {
        unlinkSync(tmp);
      } catch {
        // already renamed or never written
      }
    }
    throw err;
  }
}

function read(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new CsvInputError(file, 0, `cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

export async function run(args: string[]): Promise<number> {
  return runCommand('admit', USAGE, async () => {
    const parsed = parseArgs(args, {
      programs: 'string',
      applicants: 'string',
      out: 'string',
      'program-scores': 'string',
      explain: 'string',
      summary: 'string',
      'tiebreak-names': 'string',
      timing: 'boolean',
    });
    if (parsed.positionals.length) throw new UsageError(`unexpected argument ${parsed.positionals[0]}`);
    const pFile = requireString(parsed, 'programs');
    const aFile = requireString(parsed, 'applicants');
    const out = requireString(parsed, 'out');
    const opt = (name: string) => (typeof parsed.options[name] === 'string' ? (parsed.options[name] as string) : undefined);
    const sFile = opt('program-scores');
    const eFile = opt('explain');
    const sumFile = opt('summary');
    const inputs = [pFile, aFile, sFile].filter((f): f is string => !!f).map((f) => resolve(f));
    const outs = [out, eFile, sumFile].filter((f): f is string => !!f).map((f) => resolve(f));
    if (outs.some((o) => inputs.includes(o))) throw new UsageError('an output file would overwrite an input file');
    if (new Set(outs).size !== outs.length) throw new UsageError('two outputs name the same file');
    const timing = parsed.options.timing === true;
    const t0 = performance.now();
    const lap = (what: string) => timing && process.stderr.write(`admit: ${what} ${(performance.now() - t0).toFixed(0)} ms\n`);
    try {
      const programs = loadPrograms(read(pFile), pFile);
      const applicants = loadApplicants(read(aFile), aFile, programs);
      const scores = sFile ? loadProgramScores(read(sFile), sFile, programs, applicants) : null;
      lap('parsed');
      const input: AdmissionInput = { programs: programs.table, applicants: applicants.table, programScores: scores };
      const result = admit(input);
      lap(`admitted (${result.method})`);
      const names = opt('tiebreak-names')?.split(',').map((s) => s.trim());
      const labels: ExplainLabels = { tiebreakNames: names, applicantId: (a) => applicants.ids.text(a) };
      const outputs: Array<[string, Uint8Array]> = [[out, resultCsv(programs, applicants, result)]];
      if (eFile) outputs.push([eFile, explainCsv(input, programs, applicants, result, labels)]);
      if (sumFile) outputs.push([sumFile, summaryCsv(input, programs, result, labels)]);
      writeAll(outputs);
      lap('written');
      return 0;
    } catch (err) {
      if (err instanceof CsvInputError) {
        process.stderr.write(err.line > 0 ? `${err.message}\n` : `${err.file}: ${err.reason}\n`);
        return 1;
      }
      const e = err as NodeJS.ErrnoException;
      if (e && e.code && e.path) {
        process.stderr.write(`${e.path}: cannot write (${e.code})\n`);
        return 1;
      }
      throw err;
    }
  });
}
