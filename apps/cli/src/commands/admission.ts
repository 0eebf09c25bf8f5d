/**
 * `zhizhao admission runs [--json]` — the admission runs of every campaign (R15).
 * `zhizhao admission export --run <id> --dir D` — the run's exact inputs and outputs in the
 * `admit` command's formats (programs.csv, applicants.csv, results.csv), so that anyone can
 * re-run `zhizhao admit --programs D/programs.csv --applicants D/applicants.csv --out R.csv`
 * and compare R.csv with D/results.csv byte for byte. The stored inputs are checked against the
 * run's recorded inputs hash first; the files are written only when all are ready.
 * Works on the database `npm start` uses (ZHIZHAO_DATA_DIR or DATABASE_URL).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '@zhizhao/server/db/client';
import { runFiles } from '@zhizhao/server/features/admission/runs';
import { parseArgs, requireString, runCommand, UsageError } from '../lib/args';
import { withDatabase } from '../lib/database';

const USAGE = 'zhizhao admission runs [--json] | zhizhao admission export --run <id> --dir D';

export async function run(args: string[]): Promise<number> {
  return runCommand('admission', USAGE, async () => {
    const parsed = parseArgs(args, { json: 'boolean', run: 'string', dir: 'string', help: 'boolean' });
    if (parsed.options.help) {
      process.stdout.write(`usage: ${USAGE}\n`);
      return 0;
    }
    const [sub, ...extra] = parsed.positionals;
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (sub === 'runs') {
      return withDatabase(async (database) => {
        const rows = await queryRows<{ id: number; campaign_id: number; batch: string; status: string; inputs_hash: string | null; results_hash: string | null; applicants: number; admitted: number; created_at: Date }>(database.db, sql`
          select r.id, r.campaign_id, b.name as batch, r.status, r.inputs_hash, r.results_hash, r.applicants, r.admitted, r.created_at
          from admission_runs r join admission_batches b on b.id = r.batch_id order by r.id`);
        if (parsed.options.json) {
          process.stdout.write(`${JSON.stringify(rows.map((r) => ({ id: Number(r.id), campaignId: Number(r.campaign_id), batch: r.batch, status: r.status, inputsHash: r.inputs_hash })))}\n`);
        } else if (rows.length === 0) {
          process.stdout.write('no admission runs\n');
        } else {
          for (const r of rows) process.stdout.write(`${r.id}\tcampaign ${r.campaign_id}\t${r.batch}\t${r.status}\t${r.applicants} applicants, ${r.admitted} admitted\tinputs ${r.inputs_hash ?? '-'}\n`);
        }
        return 0;
      });
    }
    if (sub === 'export') {
      const id = Number(requireString(parsed, 'run'));
      if (!Number.isInteger(id) || id <= 0) throw new UsageError('--run must be a run id (see `zhizhao admission runs`)');
      const dir = requireString(parsed, 'dir');
      return withDatabase(async (database) => {
        const [exists] = await queryRows<{ id: number; status: string }>(database.db, sql`select id, status from admission_runs where id = ${id}`);
        if (!exists) {
          process.stderr.write(`admission: no run ${id}\n`);
          return 1;
        }
        let out;
        try {
          out = await runFiles(database.db, id);
        } catch (err) {
          process.stderr.write(`admission: run ${id} (${exists.status}) cannot be exported: ${err instanceof Error ? err.message : String(err)}\n`);
          return 1;
        }
        mkdirSync(dir, { recursive: true });
        const temps = Object.entries(out.files).map(([name, body]) => {
          const tmp = join(dir, `.${name}.${process.pid}.tmp`);
          writeFileSync(tmp, body);
          return [tmp, join(dir, name)] as const;
        });
        for (const [tmp, file] of temps) renameSync(tmp, file);
        process.stdout.write(`run ${id} (${out.run.status}): wrote ${temps.map(([, f]) => f).join(', ')}\ninputs hash ${out.run.inputsHash}\nresults hash ${out.run.resultsHash}\n`);
        return 0;
      });
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand: runs or export');
  });
}
