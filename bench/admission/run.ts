/**
 * Admission benchmark (R15): `npx tsx bench/admission/run.ts [--quick]`.
 *
 * For N = 10k, 100k, 1M (--quick: 10k, 100k) and M = 2,000 and 20,000 it reports
 *  - a baseline: native sort of a Float64Array of N random numbers, in-process;
 *  - engine time in-process (median of 3 after a warm-up), common ranking and with
 *    programme-specific scores (10 % of programmes);
 *  - CLI wall time (`node apps/cli/bin/zhizhao.mjs admit …`, CSV in and out) and its peak
 *    RSS from /usr/bin/time; plus the CLI's start-up time on a 1-row input.
 * Prints a markdown table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { admit, type AdmissionResult } from '@zhizhao/domain/admission/index';
import { generate, mulberry32, writeCsv } from './generate';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'apps/cli/bin/zhizhao.mjs');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const PROGRAMS = [2_000, 20_000];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Timing {
  best: number;
  median: number;
  /** CPU time (user + system) of the best run: excludes time spent waiting for a core. */
  cpu: number;
}

/** Best and median wall time of `runs` calls after a warm-up (JIT); best is the least disturbed by other load. */
function time(runs: number, f: () => void): Timing {
  f();
  const t: number[] = [];
  let best = Infinity;
  let cpu = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    t.push(wall);
    if (wall < best) {
      best = wall;
      cpu = (c.user + c.system) / 1000;
    }
  }
  return { best, median: median(t), cpu };
}

function baseline(n: number): Timing {
  const rnd = mulberry32(7);
  const data = Float64Array.from({ length: n }, () => rnd());
  return time(5, () => data.slice().sort());
}

interface CliRun {
  wall: number;
  cpu: number;
  rssMb: number;
  phases: string;
}

function cli(args: string[]): CliRun {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const full = useTime ? ['-f', 'TIME %e %M %U %S', process.execPath, BIN, 'admit', ...args, '--timing'] : [BIN, 'admit', ...args, '--timing'];
  const t0 = performance.now();
  const r = spawnSync(cmd, full, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  const m = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const phases = [...r.stderr.matchAll(/admit: (\w+)[^\n]*? (\d+) ms/g)].map((x) => `${x[1]} ${x[2]}`).join(', ');
  return { wall, cpu: m ? Number(m[3]) + Number(m[4]) : NaN, rssMb: m ? Number(m[2]) / 1024 : NaN, phases };
}

function placedShare(res: AdmissionResult, n: number): string {
  let main = 0;
  let adj = 0;
  for (let a = 0; a < n; a++) {
    if (res.choice[a] >= 0) main++;
    else if (res.choice[a] === -2) adj++;
  }
  return `${((main / n) * 100).toFixed(1)} % + ${((adj / n) * 100).toFixed(1)} % adj`;
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const t2 = (x: Timing) => `${ms(x.best)} / ${ms(x.cpu)} / ${ms(x.median)}`;
const s = (x: number) => `${x.toFixed(2)} s`;

function startup(dir: string): number {
  writeFileSync(join(dir, 'p1.csv'), 'program_id,capacity\nP1,1\n');
  writeFileSync(join(dir, 'a1.csv'), 'applicant_id,score,choice_1\nA,1,P1\n');
  const runs = [0, 1, 2].map(() => cli(['--programs', join(dir, 'p1.csv'), '--applicants', join(dir, 'a1.csv'), '--out', join(dir, 'r1.csv')]).wall);
  return median(runs);
}

const dir = mkdtempSync(join(tmpdir(), 'zhizhao-bench-'));
try {
  const rows: string[] = [];
  const notes: string[] = [];
  for (const n of SIZES) {
    for (const m of PROGRAMS) {
      process.stderr.write(`N=${n} M=${m}: generating…\n`);
      const inst = generate({ n, m });
      const base = baseline(n);
      const runs = n >= 1_000_000 ? 5 : 7;
      let res!: AdmissionResult;
      const common = time(runs, () => (res = admit(inst.input)));
      const share = placedShare(res, n);
      const withOwn = { ...inst.input, programScores: inst.programScores };
      const own = time(runs, () => (res = admit(withOwn)));
      if (res.method !== 'deferred-acceptance') throw new Error('expected deferred acceptance');
      const files = writeCsv(inst, dir);
      const mb = (readFileSync(files.applicants).length / 1e6).toFixed(0);
      process.stderr.write(`N=${n} M=${m}: CLI…\n`);
      const out = ['--out', join(dir, 'result.csv')];
      const c1 = cli(['--programs', files.programs, '--applicants', files.applicants, ...out]);
      const c2 = cli(['--programs', files.programs, '--applicants', files.applicants, '--program-scores', files.scores, ...out]);
      const lines = readFileSync(join(dir, 'result.csv'), 'utf8').split('\n').length - 2;
      if (lines !== n) throw new Error(`result.csv has ${lines} rows, expected ${n}`);
      rows.push(
        `| ${n.toLocaleString('en')} | ${m.toLocaleString('en')} | ${t2(base)} | ${t2(common)} | ${(common.best / base.best).toFixed(1)}× | ${t2(own)} | ${(own.best / base.best).toFixed(1)}× | ${inst.programScores.count.toLocaleString('en')} | ${s(c1.wall)} / ${s(c1.cpu)} | ${s(c2.wall)} / ${s(c2.cpu)} | ${Math.max(c1.rssMb, c2.rssMb).toFixed(0)} MB | ${share} | ${loadavg()[0].toFixed(1)} |`,
      );
      notes.push(`- N=${n.toLocaleString('en')}, M=${m.toLocaleString('en')} (A.csv ${mb} MB) CLI phases, cumulative: common [${c1.phases}]; own scores [${c2.phases}]`);
    }
  }
  const up = startup(dir);
  const date = new Date().toISOString().slice(0, 10);
  console.log(`Admission benchmark, ${date}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}\n`);
  console.log('In-process figures (baseline, engine): best wall / CPU time of that run / median wall, over several runs after a warm-up; ratios = best engine ÷ best baseline. CLI: one cold run, wall / CPU (user + sys) seconds, including node + tsx start-up and CSV in and out. Load avg: 1-minute load average of the machine when the row was measured.\n');
  console.log('| N | M | baseline: sort Float64Array(N) | engine, common ranking | ratio | engine, programme scores | ratio | S.csv rows | CLI, common | CLI, programme scores | CLI peak RSS | placed (main + adjustment) | load avg |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const r of rows) console.log(r);
  console.log(`\nCLI start-up on a 1-row input (node + tsx + imports): ${s(up)}.\n`);
  for (const note of notes) console.log(note);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
