import { runCommand, parseArgs } from '../lib/args';
import { withDatabase } from '../lib/database';

export async function run(args: string[]): Promise<number> {
  return runCommand('migrate', 'zhizhao migrate', async () => {
    parseArgs(args, {});
    return withDatabase(async (db) => {
      process.stdout.write(`database migrated (${db.kind}: ${db.location})\n`);
      return 0;
    });
  });
}
