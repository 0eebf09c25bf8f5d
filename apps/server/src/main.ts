/**
 * `npm start`: migrate, seed the demo district on the first start of a non-production
 * database, serve everything on PORT, print the URL and the demo accounts.
 */
import { loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/client';
import { buildApp } from './app';
import { makeDeps } from './deps';
import { isDemo, seedDemo } from './seed/demo';
import { DEMO_PASSWORD, DEMO_STUDENT } from './seed/demo-data';
import { organizations } from './db/schema';
import { purgeExpiredSessions } from './auth/sessions';
import { chainAuditQueue } from './audit/write-audit';
import { purgeRateLimits } from './http/rate-limit';
import { DataDirLockedError } from './db/lock';

process.env.TZ = 'UTC';

async function start() {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);

  const empty = (await database.db.select({ id: organizations.id }).from(organizations).limit(1)).length === 0;
  let accounts: Awaited<ReturnType<typeof seedDemo>>['accounts'] = [];
  if (!config.production && (empty || (await isDemo(database.db)))) accounts = (await seedDemo(database.db)).accounts;
  const demo = !config.production && (await isDemo(database.db));

  const deps = makeDeps(database, config, demo);
  const app = await buildApp(deps);
  await app.listen({ port: config.port, host: config.host });

  const housekeeping = setInterval(() => {
    purgeExpiredSessions(database.db, deps.limits).catch((err) => app.log.warn({ err }, 'session purge failed'));
    purgeRateLimits(database.db).catch((err) => app.log.warn({ err }, 'rate-limit purge failed'));
  }, 10 * 60_000);
  housekeeping.unref();
  // Queued audit events (ADR 0006) join the chain within a second; with several servers, one chains at a time.
  let chaining = false;
  const chainer = setInterval(() => {
    if (chaining) return;
    chaining = true;
    chainAuditQueue(database.db)
      .catch((err) => app.log.warn({ err }, 'audit chaining failed'))
      .finally(() => (chaining = false));
  }, 500);
  chainer.unref();

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  职招 zhizhao is running at ${url}   (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  database: ${database.kind} (${database.location})`,
    `  API docs: ${url}/api/docs`,
  ];
  if (demo) {
    lines.push('', `  Demo district — every account's password is "${DEMO_PASSWORD}":`);
    const show = accounts.filter((a) => !/^jh(0[2-9]|1\d|2\d)\.admin$|^v1[2-6]\.admin$/.test(a.username));
    for (const a of show) lines.push(`    ${a.username.padEnd(16)} ${a.role.padEnd(18)} ${a.organization}`);
    lines.push(`    (and jh02.admin … jh24.admin, v12.admin … v16.admin: one account per organisation)`);
    lines.push(`    ${DEMO_STUDENT.username.padEnd(16)} ${'student'.padEnd(18)} 示例区第一中学 — its guardian: 家长确认 with exam number ${DEMO_STUDENT.examNo}, code ${DEMO_STUDENT.guardianCode}`);
  } else if (empty) {
    lines.push('', '  The database is empty. Create the first account:', '    npx zhizhao user create --username NAME --org CODE --role city_admin --create-city "市教育局名称"');
  }
  process.stdout.write(lines.join('\n') + '\n\n');

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(housekeeping);
    clearInterval(chainer);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

start().catch((err) => {
  if (err instanceof DataDirLockedError) process.stderr.write(`\nzhizhao: ${err.message}\n\n`);
  else process.stderr.write(`\nzhizhao: could not start: ${err instanceof Error ? err.message : String(err)}\n\n`);
  process.exit(1);
});
