/**
 * The server under test, in its own process (so the load generator does not share its event
 * loop): `node --import tsx bench/applications/server.ts <database url>` builds the app on that
 * PostgreSQL database, listens on a free loopback port and prints `{"port": n}` on one line.
 */
import { openPostgres } from '@zhizhao/server/db/client';
import { startServer } from './setup';

const url = process.argv[2];
if (!url) throw new Error('usage: server.ts <database url>');
const database = await openPostgres(url, { max: Number(process.env.BENCH_POOL ?? 20) });
const server = await startServer(database);
process.stdout.write(`${JSON.stringify({ port: Number(new URL(server.base).port) })}\n`);
const stop = async () => {
  await server.app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
