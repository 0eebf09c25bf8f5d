import fs from 'node:fs';
import { BackupError, readBackup, restoreBackup } from '@zhizhao/server/ops/backup';
import { verifyAudit } from '@zhizhao/server/audit/verify-audit';
import { organizations } from '@zhizhao/server/db/schema';
import { parseArgs, runCommand, UsageError } from '../lib/args';
import { withDatabase } from '../lib/database';

export async function run(args: string[]): Promise<number> {
  return runCommand('restore', 'zhizhao restore FILE [--yes]', async () => {
    const parsed = parseArgs(args, { yes: 'boolean' });
    if (parsed.positionals.length !== 1) throw new UsageError('give the backup file to restore');
    const file = parsed.positionals[0]!;
    if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
    const data = fs.readFileSync(file);
    try {
      readBackup(data);
    } catch (err) {
      if (err instanceof BackupError) throw new UsageError(err.message);
      throw err;
    }
    return withDatabase(async (db) => {
      const nonEmpty = (await db.db.select({ id: organizations.id }).from(organizations).limit(1)).length > 0;
      if (nonEmpty && !parsed.options.yes) throw new UsageError('the database is not empty: restoring replaces ALL its content; add --yes to confirm');
      try {
        const counts = await restoreBackup(db.db, data);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        const chain = await verifyAudit(db.db);
        process.stdout.write(`restored ${total} rows from ${file}; audit chain ${chain.ok ? 'intact' : 'BROKEN'}\n`);
        return chain.ok ? 0 : 1;
      } catch (err) {
        if (err instanceof BackupError) throw new UsageError(err.message);
        throw err;
      }
    });
  });
}
