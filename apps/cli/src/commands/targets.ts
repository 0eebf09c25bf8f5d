/**
 * `zhizhao targets allocate --total N --schools FILE.csv [--method hamilton|webster] [--out FILE.csv]`
 *
 * Splits N_total across junior highs (R2) with the domain's allocateTargets.
 * Input columns: school_id, graduates, optional min and max (blank = no bound).
 * Output: school_id,graduates,target in input order, to --out or stdout.
 * Bad input: `FILE:LINE: reason` on stderr, exit 1, and no output file (it is
 * written to a temporary file and renamed only when complete). An error about
 * the file as a whole (the bounds cannot add up) names the row where its sum is
 * decided. Usage errors exit 2.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { allocateTargets, ALLOCATION_METHODS, type AllocationMethod, type SchoolInput, type TargetsError } from '@zhizhao/domain';
import { parseArgs, requireString, runCommand, UsageError } from '../lib/args';
import { CsvError, headerIndex, parseCsv, toCsv } from '../lib/csv';

const USAGE = 'zhizhao targets allocate --total N --schools FILE.csv [--method hamilton|webster] [--out FILE.csv]';

type Row = SchoolInput & { line: number };

/** A bad input file: where and why. */
class InputError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export async function run(args: string[]): Promise<number> {
  return runCommand('targets', USAGE, async () => {
    const parsed = parseArgs(args, { total: 'string', schools: 'string', method: 'string', out: 'string', help: 'boolean' });
    if (parsed.options.help) {
      process.stdout.write(`usage: ${USAGE}\n`);
      return 0;
    }
    const [sub, ...extra] = parsed.positionals;
    if (sub !== 'allocate') throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand allocate');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const total = parseTotal(requireString(parsed, 'total'));
    const method = parseMethod(parsed.options.method);
    const file = requireString(parsed, 'schools');
    const out = parsed.options.out === undefined ? undefined : requireString(parsed, 'out');

    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      process.stderr.write(`zhizhao targets: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      return 1;
    }
    let csv: string;
    try {
      const rows = readSchools(text);
      const result = allocateTargets({ total, schools: rows, method });
      if (!result.ok) throw new InputError(lineOf(result, rows, total), result.message['en-US']);
      csv = toCsv(['school_id', 'graduates', 'target'], result.targets.map((t) => [t.id, t.graduates, t.target]));
    } catch (err) {
      if (!(err instanceof InputError || err instanceof CsvError)) throw err;
      process.stderr.write(`${file}:${err.line}: ${err.message}\n`);
      return 1;
    }
    if (out === undefined) {
      process.stdout.write(csv);
      return 0;
    }
    try {
      await writeAtomically(out, csv);
    } catch (err) {
      process.stderr.write(`zhizhao targets: cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      return 1;
    }
    return 0;
  });
}

function parseTotal(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`--total must be a non-negative whole number, got "${value}"`);
  return n;
}

function parseMethod(value: string | boolean | undefined): AllocationMethod {
  if (value === undefined) return 'hamilton';
  if (typeof value === 'string' && (ALLOCATION_METHODS as readonly string[]).includes(value)) return value as AllocationMethod;
  throw new UsageError(`--method must be ${ALLOCATION_METHODS.join(' or ')}, got "${String(value)}"`);
}

/** Reads and checks every row; the first problem is thrown with its line. */
function readSchools(text: string): Row[] {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new InputError(1, 'the file is empty (expected a header school_id,graduates[,min,max])');
  const index = headerIndex(header.fields, ['school_id', 'graduates']);
  if (records.length === 0) throw new InputError(header.line, 'no schools: the file has only a header');
  const firstLine = new Map<string, number>();
  return records.map(({ line, fields }) => {
    if (fields.length !== header.fields.length) {
      throw new InputError(line, `expected ${header.fields.length} fields as in the header, found ${fields.length}`);
    }
    const cell = (name: string) => {
      const i = index.get(name);
      return i === undefined ? '' : fields[i]!.trim();
    };
    const id = cell('school_id');
    if (id === '') throw new InputError(line, 'school_id is empty');
    const seen = firstLine.get(id);
    if (seen !== undefined) throw new InputError(line, `duplicate school_id "${id}" (first on line ${seen})`);
    firstLine.set(id, line);
    const graduates = count(cell('graduates'), 'graduates', line);
    const min = cell('min') === '' ? undefined : count(cell('min'), 'min', line);
    const max = cell('max') === '' ? undefined : count(cell('max'), 'max', line);
    if (min !== undefined && max !== undefined && min > max) throw new InputError(line, `min ${min} is above max ${max}`);
    return { line, id, graduates, min, max };
  });
}

function count(value: string, column: string, line: number): number {
  if (value === '') throw new InputError(line, `${column} is empty`);
  if (/^-\d+$/.test(value)) throw new InputError(line, `${column} must not be negative, got ${value}`);
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InputError(line, `${column} must be a whole number, got "${value}"`);
  return n;
}

/**
 * The line a refusal of the split points at: the school's own row, or for the
 * sums the row where the sum is decided (floors: where they first pass the
 * total; ceilings and graduates: the last row).
 */
function lineOf(error: TargetsError, rows: Row[], total: number): number {
  const own = rows.find((r) => r.id === error.details.schoolId);
  if (own) return own.line;
  if (error.code === 'TARGETS_MIN_SUM_ABOVE_TOTAL') {
    let sum = 0;
    for (const r of rows) {
      sum += r.min ?? 0;
      if (sum > total) return r.line;
    }
  }
  return rows[rows.length - 1]!.line;
}

/** Writes beside the target and renames, so a failed run never leaves a partial file. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
