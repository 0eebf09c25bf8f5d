/**
 * `zhizhao admit` in-process on temp files: good files (BOM, CRLF, quoted fields, Chinese and
 * astral ids, programme scores) and every kind of bad file — each must print FILE:LINE: reason,
 * exit non-zero and leave no output file behind.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admitRecords, type ApplicantRecord, type ProgramRecord } from '@zhizhao/domain/admission/index';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/admit';
import { ByteCsvReader, ByteKeyIndex } from '../src/lib/fast-csv';

let dir: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhizhao-admit-'));
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

const PROGRAMS = 'program_id,capacity,school_id,min_score,note\nP1,1,S1,,popular\nP2,2,S1,450,\n"机电,一班",1,,,quoted id\n';
const APPLICANTS = [
  'applicant_id,score,tiebreak_1,tiebreak_2,lottery,choice_1,choice_2,choice_3,accept_adjustment',
  '张三,600,90,80,5,P1,P2,,1',
  '李四,600,91,70,9,P1,"机电,一班",,0',
  '王五,440,99,99,1,P2,P1,,1',
  '赵六,600,90,80,2,P1,P2,"机电,一班",1',
].join('\n');

async function admitFiles(extra: string[] = [], programs = PROGRAMS, applicants = APPLICANTS): Promise<number> {
  const p = file('p.csv', programs);
  const a = file('a.csv', applicants);
  return run(['--programs', p, '--applicants', a, '--out', join(dir, 'r.csv'), ...extra]);
}

describe('zhizhao admit: good input', () => {
  it('writes results in input order, explanations and a summary', async () => {
    const code = await admitFiles(['--explain', join(dir, 'e.csv'), '--summary', join(dir, 's.csv'), '--tiebreak-names', '语文,数学']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // 李四 (600/91) > 赵六 (600/90/80, lottery 2) > 张三 (600/90/80, lottery 5) > 王五 (440).
    expect(read('r.csv')).toBe('applicant_id,program_id,choice_rank\n张三,P2,2\n李四,P1,1\n王五,,\n赵六,P2,2\n');
    expect(read('e.csv')).toBe(
      [
        'applicant_id,choice_rank,program_id,outcome,reason_zh,reason_en',
        '张三,1,P1,full,已满：最后录取者排名在你之前，分数线 600 / 语文 91,"full: the last admitted ranks above you, cutoff 600 / 语文 91"',
        '张三,2,P2,admitted,录取（第 2 志愿）,admitted (choice 2)',
        '李四,1,P1,admitted,录取（第 1 志愿）,admitted (choice 1)',
        '王五,1,P2,below-minimum,低于最低分数线 450,below the minimum score 450',
        '王五,2,P1,full,已满：最后录取者排名在你之前，分数线 600,"full: the last admitted ranks above you, cutoff 600"',
        '王五,adj,,adjustment-failed,服从调剂，但所报学校已无符合条件的剩余计划,"accepts adjustment, but no school chosen has a remaining seat the applicant qualifies for"',
        '赵六,1,P1,full,已满：最后录取者排名在你之前，分数线 600 / 语文 91,"full: the last admitted ranks above you, cutoff 600 / 语文 91"',
        '赵六,2,P2,admitted,录取（第 2 志愿）,admitted (choice 2)',
        '',
      ].join('\n'),
    );
    expect(read('s.csv')).toBe(
      [
        'program_id,school_id,capacity,admitted_main,admitted_adjustment,cutoff_score,cutoff_key,first_choice_count,min_score',
        'P1,S1,1,1,0,600,600/91/70/9/李四,3,',
        'P2,S1,2,2,0,600,600/90/80/5/张三,1,450',
        '"机电,一班",,1,0,0,,,0,',
        '',
      ].join('\n'),
    );
  });

  it('reads UTF-8 with BOM and CRLF the same as plain LF', async () => {
    await admitFiles();
    const plain = read('r.csv');
    const crlf = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s.replace(/\n/g, '\r\n'))]);
    const p = file('p.csv', crlf(PROGRAMS));
    const a = file('a.csv', crlf(APPLICANTS + '\r\n\r\n'));
    expect(await run(['--programs', p, '--applicants', a, '--out', join(dir, 'r2.csv')])).toBe(0);
    expect(read('r2.csv')).toBe(plain);
  });

  it('keeps ids byte-exact: escaped quotes, commas, long ids out of order (tie broken by code-point order)', async () => {
    const long = 'Z'.repeat(70);
    const programs = 'program_id,capacity\nP1,2\n';
    const applicants = `applicant_id,score,choice_1\n"x""y",9,P1\n"逗,号",9,P1\n${long},9,P1\n`;
    expect(await admitFiles([], programs, applicants)).toBe(0);
    // Byte order: 'Z…' (0x5A) < 'x' (0x78) < '逗' (0xE9…): the two seats go to Z… and x"y.
    expect(read('r.csv')).toBe(`applicant_id,program_id,choice_rank\n"x""y",P1,1\n"逗,号",,\n${long},P1,1\n`);
  });

  it('adjustment and programme-specific scores reach the output (adj, a changed outcome)', async () => {
    const programs = 'program_id,capacity,school_id\nART,1,S1\nGEN,1,S1\nOTHER,1,S1\n';
    const applicants = 'applicant_id,score,choice_1,choice_2,accept_adjustment\nA,600,ART,GEN,0\nB,550,ART,,1\nC,560,GEN,,1\n';
    const scores = file('s.csv', 'program_id,applicant_id,score\nART,A,70\nART,B,90\n');
    expect(await admitFiles(['--program-scores', scores], programs, applicants)).toBe(0);
    // B wins ART on the art score; A displaces C at GEN; C is adjusted into OTHER (school S1).
    expect(read('r.csv')).toBe('applicant_id,program_id,choice_rank\nA,GEN,2\nB,ART,1\nC,OTHER,adj\n');
  });

  it('matches the domain engine on a shuffled instance with Chinese and astral ids of varying length', async () => {
    const alphabet = ['a', 'Z', '0', '甲', '乙', 'ｚ', '𠀀', '-'];
    let seed = 42;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    const ids = new Set<string>();
    while (ids.size < 400) ids.add(Array.from({ length: 1 + rnd(5) }, () => alphabet[rnd(alphabet.length)]).join(''));
    const programs: ProgramRecord[] = Array.from({ length: 12 }, (_, i) => ({ id: `专业${i}`, capacity: rnd(40), schoolId: `S${i % 4}`, minScore: i % 5 === 0 ? 5 : null }));
    const applicants: ApplicantRecord[] = [...ids].map((id) => ({
      id,
      score: rnd(10),
      tiebreaks: [rnd(3)],
      choices: [...new Set(Array.from({ length: 4 }, () => programs[rnd(12)].id))],
      acceptAdjustment: rnd(2) === 1,
    }));
    const want = admitRecords(programs, applicants).placements;
    const pCsv = 'program_id,capacity,school_id,min_score\n' + programs.map((p) => `${p.id},${p.capacity},${p.schoolId},${p.minScore ?? ''}`).join('\n');
    const aCsv =
      'applicant_id,score,tiebreak_1,choice_1,choice_2,choice_3,choice_4,accept_adjustment\n' +
      applicants.map((a) => [a.id, a.score, a.tiebreaks![0], ...[0, 1, 2, 3].map((j) => a.choices[j] ?? ''), a.acceptAdjustment ? 1 : 0].join(',')).join('\n');
    expect(await admitFiles([], pCsv, aCsv)).toBe(0);
    const got = read('r.csv').trim().split('\n').slice(1);
    expect(got).toEqual(want.map((p) => `${p.applicantId},${p.programId ?? ''},${p.choiceRank ?? ''}`));
  });
});

describe('zhizhao admit: bad input stops with FILE:LINE: reason and writes nothing', () => {
  const A_HEAD = 'applicant_id,score,choice_1,choice_2';
  const cases: Array<[string, { p?: string; a?: string; s?: string }, string, number]> = [
    ['an unknown programme in a choice', { a: `${A_HEAD}\nX,500,P1,\nY,500,P9,P1` }, 'a.csv:3: unknown programme "P9" in choice_1', 3],
    ['a duplicate applicant id', { a: `${A_HEAD}\n甲,500,P1,\n乙,500,P1,\n甲,400,P2,` }, 'a.csv:4: duplicate applicant_id "甲" (first on line 2)', 4],
    ['a duplicate programme id', { p: 'program_id,capacity\nP1,1\nP2,1\nP1,3\n' }, 'p.csv:4: duplicate program_id "P1" (first on line 2)', 4],
    ['a repeated choice', { a: `${A_HEAD}\nX,500,P1,P1` }, 'a.csv:2: programme "P1" repeated in choice_1 and choice_2', 2],
    ['a non-numeric score', { a: `${A_HEAD}\nX,5OO,P1,` }, 'a.csv:2: score is not a number: "5OO"', 2],
    ['an empty score', { a: `${A_HEAD}\nX,,P1,` }, 'a.csv:2: missing score', 2],
    ['a non-numeric tie-break', { a: 'applicant_id,score,tiebreak_1,choice_1\nX,500,abc,P1' }, 'a.csv:2: tiebreak_1 is not a number: "abc"', 2],
    ['a negative capacity', { p: 'program_id,capacity\nP1,1\nP2,-3\n' }, 'p.csv:3: negative capacity -3', 3],
    ['a fractional capacity', { p: 'program_id,capacity\nP1,1.5\nP2,1\n' }, 'p.csv:2: capacity is not a whole number: "1.5"', 2],
    ['a non-numeric min_score', { p: 'program_id,capacity,min_score\nP1,1,high\nP2,1,\n' }, 'p.csv:2: min_score is not a number: "high"', 2],
    ['a missing column in P.csv', { p: 'program_id,seats\nP1,1\n' }, 'p.csv:1: missing column capacity', 1],
    ['a missing column in A.csv', { a: 'applicant_id,choice_1\nX,P1' }, 'a.csv:1: missing column score', 1],
    ['no choice columns', { a: 'applicant_id,score\nX,1' }, 'a.csv:1: missing column choice_1', 1],
    ['a gap in tie-break columns', { a: 'applicant_id,score,tiebreak_2,choice_1\nX,1,1,P1' }, 'a.csv:1: missing column tiebreak_1', 1],
    ['a row with too few fields', { a: `${A_HEAD}\nX,500,P1` }, 'a.csv:2: expected 4 fields, found 3', 2],
    ['a choice after an empty one', { a: `${A_HEAD}\nX,500,,P1` }, 'a.csv:2: choice_2 given after an empty choice_1', 2],
    ['a bad accept_adjustment', { a: 'applicant_id,score,choice_1,accept_adjustment\nX,1,P1,yes' }, 'a.csv:2: accept_adjustment must be 1 or 0, not "yes"', 2],
    ['an unterminated quote (line counted across CRLF)', { a: `${A_HEAD}\r\nX,1,P1,\r\n"Y,1,P1,\r\n` }, 'a.csv:3: unterminated quoted field', 3],
    ['an empty applicants file', { a: '' }, 'a.csv:1: empty file: no header', 1],
    ['an unknown programme in S.csv', { s: 'program_id,applicant_id,score\nP1,X,80\nPX,X,80\n' }, 's.csv:3: unknown programme "PX"', 3],
    ['an unknown applicant in S.csv', { s: 'program_id,applicant_id,score\nP1,Q,80\n' }, 's.csv:2: unknown applicant "Q"', 2],
    ['two scores for one pair in S.csv', { s: 'program_id,applicant_id,score\nP1,X,80\nP1,X,81\n' }, 's.csv:3: second score of applicant "X" for programme "P1" (first on line 2)', 3],
    ['a non-numeric programme score', { s: 'program_id,applicant_id,score\nP1,X,八十\n' }, 's.csv:2: score is not a number: "八十"', 2],
    ['a missing column in S.csv', { s: 'program_id,applicant_id\nP1,X\n' }, 's.csv:1: missing column score', 1],
  ];

  for (const [what, files, message] of cases) {
    it(what, async () => {
      const p = file('p.csv', files.p ?? 'program_id,capacity\nP1,1\nP2,1\n');
      const a = file('a.csv', files.a ?? `${A_HEAD}\nX,500,P1,P2\n`);
      const extra = files.s !== undefined ? ['--program-scores', file('s.csv', files.s)] : [];
      const outs = ['--out', join(dir, 'r.csv'), '--explain', join(dir, 'e.csv'), '--summary', join(dir, 'sum.csv')];
      const code = await run(['--programs', p, '--applicants', a, ...outs, ...extra]);
      expect(code).toBe(1);
      expect(stderr).toBe(`${join(dir, message.split(':')[0])}:${message.split(':').slice(1).join(':')}\n`);
      expect(readdirSync(dir).sort()).toEqual(['a.csv', 'p.csv', ...(extra.length ? ['s.csv'] : [])].sort());
    });
  }

  it('a missing input file', async () => {
    const code = await run(['--programs', join(dir, 'none.csv'), '--applicants', join(dir, 'none.csv'), '--out', join(dir, 'r.csv')]);
    expect(code).toBe(1);
    expect(stderr).toBe(`${join(dir, 'none.csv')}: cannot read (ENOENT)\n`);
    expect(existsSync(join(dir, 'r.csv'))).toBe(false);
  });

  it('an output directory that does not exist leaves no temp file', async () => {
    const code = await admitFiles(['--summary', join(dir, 'missing', 'sum.csv')]);
    expect(code).toBe(1);
    expect(stderr).toBe(`${join(dir, 'missing', 'sum.csv')}: cannot write (ENOENT)\n`);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'p.csv']);
  });

  it('usage errors exit 2: a missing --out, an unknown option, an output over an input', async () => {
    const p = file('p.csv', PROGRAMS);
    const a = file('a.csv', APPLICANTS);
    expect(await run(['--programs', p, '--applicants', a])).toBe(2);
    expect(stderr).toContain('missing required option --out');
    expect(await run(['--programs', p, '--applicants', a, '--out', join(dir, 'r.csv'), '--fast'])).toBe(2);
    expect(stderr).toContain('unknown option --fast');
    expect(await run(['--programs', p, '--applicants', a, '--out', a])).toBe(2);
    expect(stderr).toContain('would overwrite an input file');
    expect(readFileSync(a, 'utf8')).toBe(APPLICANTS);
  });
});

describe('fast-csv byte index', () => {
  it('finds every key of a large ascending index in any lookup order (galloping, then hashing), and misses absent keys', () => {
    const n = 70_000;
    const text = Array.from({ length: n }, (_, i) => `A${String(i * 2).padStart(6, '0')}`).join('\n') + '\n';
    const buf = new TextEncoder().encode(text);
    const r = new ByteCsvReader(buf, 'ids');
    const index = new ByteKeyIndex(buf, n);
    const pos: Array<[number, number]> = [];
    while (r.next()) {
      pos.push([r.starts[0], r.ends[0]]);
      expect(index.add(r.starts[0], r.ends[0])).toBe(pos.length - 1);
    }
    expect(index.ascending).toBe(true);
    const probe = (key: string) => {
      const b = new TextEncoder().encode(key);
      return index.get(b, 0, b.length);
    };
    const id = (i: number) => `A${String(i).padStart(6, '0')}`;
    const wrong: string[] = [];
    const check = (key: string, want: number) => probe(key) !== want && wrong.push(`${key}→${probe(key)}≠${want}`);
    for (let i = 0; i < n; i += 7) check(id(i * 2), i); // forward: galloping
    for (let i = n - 1; i >= 0; i -= 5) check(id(i * 2), i); // backward
    for (let i = 0; i < 3000; i++) {
      const j = (i * 7919) % n; // scattered: galloping gives way to the hash table
      check(id(j * 2), j);
      check(id(j * 2 + 1), -1);
    }
    expect(wrong).toEqual([]);
    expect(probe('A')).toBe(-1);
    expect(probe('Z')).toBe(-1);
    expect(index.get(buf, pos[5][0], pos[5][1])).toBe(5);
  });

  it('detects a repeated key after keys stopped arriving in order', () => {
    const buf = new TextEncoder().encode('b\na\nc\na\n');
    const index = new ByteKeyIndex(buf, 4);
    expect([index.add(0, 1), index.add(2, 3), index.add(4, 5), index.add(6, 7)]).toEqual([0, 1, 2, -2]);
    expect(index.ascending).toBe(false);
  });
});
