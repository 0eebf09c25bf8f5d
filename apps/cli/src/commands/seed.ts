import { loadConfig } from '@zhizhao/server/config';
import { seedDemo } from '@zhizhao/server/seed/demo';
import { parseArgs, runCommand, UsageError } from '../lib/args';
import { withDatabase } from '../lib/database';

export async function run(args: string[]): Promise<number> {
  return runCommand('seed', 'zhizhao seed --demo', async () => {
    const parsed = parseArgs(args, { demo: 'boolean' });
    if (!parsed.options.demo) throw new UsageError('say what to seed: --demo (the demo district)');
    if (loadConfig().production) throw new UsageError('the demo district is never loaded when NODE_ENV=production');
    return withDatabase(async (db) => {
      const r = await seedDemo(db.db);
      process.stdout.write(r.seeded ? `demo district loaded: ${r.accounts.length} accounts (password zhizhao-demo)\n` : 'demo district already loaded: nothing to do\n');
      return 0;
    });
  });
}
