/** Opens the configured database for a CLI command (same environment variables as the server). */
import { loadConfig } from '@zhizhao/server/config';
import { migrateDatabase, openDatabase, type Database } from '@zhizhao/server/db/client';
import { DataDirLockedError } from '@zhizhao/server/db/lock';
import { UsageError } from './args';

export async function withDatabase<T>(fn: (database: Database) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  let database: Database;
  try {
    const config = loadConfig();
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new UsageError(err.message);
    throw err;
  }
  try {
    if (opts.migrate !== false) await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

export const cliContext = { actor: null, requestId: `cli-${process.pid}`, ip: 'cli' };
