import { verifyAudit } from '@zhizhao/server/audit/verify-audit';
import { flushAuditQueue } from '@zhizhao/server/audit/write-audit';
import { parseArgs, runCommand, UsageError } from '../lib/args';
import { withDatabase } from '../lib/database';

export async function run(args: string[]): Promise<number> {
  return runCommand('audit', 'zhizhao audit verify', async () => {
    const { positionals } = parseArgs(args, {});
    if (positionals[0] !== 'verify' || positionals.length > 1) throw new UsageError('the audit command has one subcommand: verify');
    return withDatabase(async (db) => {
      // Events still queued (ADR 0006: applications saved in the last second) join the chain first.
      await flushAuditQueue(db.db);
      const r = await verifyAudit(db.db);
      if (r.ok) {
        process.stdout.write(`audit chain intact: ${r.count} events; head seq ${r.head?.seq ?? 0} hash ${r.head?.hash ?? '-'}\n`);
        return 0;
      }
      process.stderr.write(`audit chain BROKEN at seq ${r.break.seq}: ${r.break.reason} (${r.break.detail}); ${r.count} rows read\n`);
      return 1;
    });
  });
}
