/** `zhizhao targets allocate`, in-process: temp files in, stdout/stderr captured. */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/targets';
import { demoJuniorHighs } from '@zhizhao/domain/targets/index';

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zhizhao-targets-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content, 'utf8');
  return path;
}

const demoCsv = ['school_id,graduates', ...demoJuniorHighs.map((s) => `${s.code},${s.graduates}`)].join('\n') + '\n';

describe('good files', () => {
  it('splits the demo district with Hamilton by default, to stdout', async () => {
    const schools = await file('demo.csv', demoCsv);
    expect(await run(['allocate', '--total', '2000', '--schools', schools])).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('school_id,graduates,target');
    expect(lines.slice(1, 8)).toEqual(['JH01,312,140', 'JH02,286,129', 'JH03,265,119', 'JH04,248,112', 'JH05,231,104', 'JH06,219,98', 'JH07,357,160']);
    expect(lines).toHaveLength(25);
    expect(lines.slice(1).reduce((a, l) => a + Number(l.split(',')[2]), 0)).toBe(2000);
    expect(stderr).toBe('');
  });

  it('uses Webster when asked, and writes --out', async () => {
    const schools = await file('demo.csv', demoCsv);
    const out = join(dir, 'targets.csv');
    expect(await run(['allocate', '--total=2000', '--schools', schools, '--method', 'webster', '--out', out])).toBe(0);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[4]).toBe('JH04,248,111');
    expect(lines[7]).toBe('JH07,357,161');
    expect(stdout).toBe('');
    expect(await readdir(dir)).toEqual(['demo.csv', 'targets.csv']); // no temporary file left
  });

  it('reads a BOM, CRLF, extra columns in any order, case and spaces in headers, min and max', async () => {
    const schools = await file('excel.csv', '\uFEFFName, MAX ,Graduates,School_ID,min\r\n"第一中学, 本部",30,100,A,\r\nB中学,,100,B,\r\n"C",,10,C,30\r\n');
    expect(await run(['allocate', '--total', '100', '--schools', schools])).toBe(0);
    expect(stdout).toBe('school_id,graduates,target\nA,100,30\nB,100,40\nC,10,30\n');
  });

  it('keeps the input order and quotes ids that need it', async () => {
    const schools = await file('order.csv', 'school_id,graduates\n"Z, north",10\nA,10\n');
    expect(await run(['allocate', '--total', '3', '--schools', schools])).toBe(0);
    expect(stdout).toBe('school_id,graduates,target\n"Z, north",10,1\nA,10,2\n');
  });
});

describe('bad input: FILE:LINE: reason, exit 1, no output file', () => {
  const cases: Array<[string, string, string, number]> = [
    ['a missing column', 'school_id,pupils\nA,10\n', 'missing column graduates', 1],
    ['non-integer graduates', 'school_id,graduates\nA,10\nB,12.5\n', 'graduates must be a whole number, got "12.5"', 3],
    ['negative graduates', 'school_id,graduates\nA,10\nB,-4\n', 'graduates must not be negative, got -4', 3],
    ['empty graduates', 'school_id,graduates\nA,\n', 'graduates is empty', 2],
    ['a negative min', 'school_id,graduates,min\nA,10,-1\n', 'min must not be negative, got -1', 2],
    ['a duplicate school_id', 'school_id,graduates\nA,10\nB,10\nA,5\n', 'duplicate school_id "A" (first on line 2)', 4],
    ['an empty school_id', 'school_id,graduates\nA,10\n ,5\n', 'school_id is empty', 3],
    ['a missing field', 'school_id,graduates,max\nA,10,5\nB,10\n', 'expected 3 fields as in the header, found 2', 3],
    ['min above max', 'school_id,graduates,min,max\nA,10,5,3\n', 'min 5 is above max 3', 2],
    ['floors above the total', 'school_id,graduates,min\nA,10,40\nB,10,50\nC,10,20\n', "The schools' minimums add up to 110, more than the total of 100.", 4],
    ['floors above the total, decided early', 'school_id,graduates,min\nA,10,70\nB,10,50\nC,10,\n', "The schools' minimums add up to 120, more than the total of 100.", 3],
    ['ceilings below the total', 'school_id,graduates,max\nA,10,40\nB,10,50\n', "The schools' maximums add up to 90, less than the total of 100.", 3],
    ['no graduates anywhere', 'school_id,graduates\nA,0\nB,0\n', 'No school has any graduates, so a total of 100 cannot be split in proportion.', 3],
    ['only a header', 'school_id,graduates\n', 'no schools: the file has only a header', 1],
    ['an empty file', '', 'the file is empty (expected a header school_id,graduates[,min,max])', 1],
    ['an unterminated quote', 'school_id,graduates\nA,10\n"B,10\n', 'unterminated quoted field', 3],
  ];
  it.each(cases)('%s', async (_name, content, reason, line) => {
    const schools = await file('schools.csv', content);
    const out = join(dir, 'out.csv');
    expect(await run(['allocate', '--total', '100', '--schools', schools, '--out', out])).toBe(1);
    expect(stderr).toBe(`${schools}:${line}: ${reason}\n`);
    expect(existsSync(out)).toBe(false);
    expect(await readdir(dir)).toEqual(['schools.csv']);
    expect(stdout).toBe('');
  });

  it('leaves an existing output file as it was', async () => {
    const schools = await file('schools.csv', 'school_id,graduates\nA,x\n');
    const out = await file('out.csv', 'previous\n');
    expect(await run(['allocate', '--total', '100', '--schools', schools, '--out', out])).toBe(1);
    expect(await readFile(out, 'utf8')).toBe('previous\n');
  });

  it('reports a file it cannot read', async () => {
    const missing = join(dir, 'missing.csv');
    expect(await run(['allocate', '--total', '100', '--schools', missing])).toBe(1);
    expect(stderr).toBe(`zhizhao targets: cannot read ${missing}: ENOENT\n`);
  });
});

describe('bad options: usage, exit 2, no output file', () => {
  it.each([
    ['a non-numeric total', ['--total', 'abc'], '--total must be a non-negative whole number, got "abc"'],
    ['a negative total', ['--total=-5'], '--total must be a non-negative whole number, got "-5"'],
    ['a fractional total', ['--total', '12.5'], '--total must be a non-negative whole number, got "12.5"'],
    ['no total', [], 'missing required option --total'],
    ['an unknown method', ['--total', '100', '--method', 'dhondt'], '--method must be hamilton or webster, got "dhondt"'],
    ['an unknown option', ['--total', '100', '--metod', 'webster'], 'unknown option --metod'],
  ])('%s', async (_name, options, message) => {
    const schools = await file('schools.csv', 'school_id,graduates\nA,10\n');
    const out = join(dir, 'out.csv');
    expect(await run(['allocate', '--schools', schools, '--out', out, ...options])).toBe(2);
    expect(stderr).toBe(`zhizhao targets: ${message}\nusage: zhizhao targets allocate --total N --schools FILE.csv [--method hamilton|webster] [--out FILE.csv]\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('needs the allocate subcommand', async () => {
    expect(await run(['--total', '100'])).toBe(2);
    expect(stderr).toMatch(/^zhizhao targets: missing subcommand allocate\n/);
    expect(await run(['split', '--total', '100'])).toBe(2);
    expect(stderr).toMatch(/unknown subcommand "split"/);
  });

  it('prints its usage on --help', async () => {
    expect(await run(['--help'])).toBe(0);
    expect(stdout).toMatch(/^usage: zhizhao targets allocate/);
  });
});
