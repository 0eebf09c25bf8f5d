import fs from 'node:fs';
import { createBackup } from '@zhizhao/server/ops/backup';
import { parseArgs, runCommand, UsageError } from '../lib/args';
import { withDatabase } from '../lib/database';

export async function run(args: string[]): Promise<number> {
  return runCommand('backup', 'zhizhao backup FILE', async () => {
    const { positionals } = parseArgs(args, {});
    if (positionals.length !== 1) throw new UsageError('give the backup file to write');
    const file = positionals[0]!;
    return withDatabase(async (db) => {
      const data = await createBackup(db.db);
      const tmp = `${file}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, file);
      process.stdout.write(`backup written to ${file} (${(data.length / 1024).toFixed(1)} KiB)\n`);
      return 0;
    });
  });
}
