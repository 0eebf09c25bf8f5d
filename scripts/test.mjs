#!/usr/bin/env node
// `npm test`: the whole suite — unit (domain, contracts, CLI, import lint), integration
// (PGlite, and PostgreSQL when reachable) and browser journeys (Chromium). The last line
// is `Tests: N passed, N failed, N skipped`. Extra arguments go to vitest
// (e.g. `npm test -- --project unit`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', TZ: 'UTC' };

async function reachable(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

if (!env.TEST_DATABASE_URL) {
  const local = 'postgres://postgres@127.0.0.1:5432/test';
  if (await reachable(local)) env.TEST_DATABASE_URL = local;
  else process.stdout.write(`note: no PostgreSQL at ${local} and TEST_DATABASE_URL unset: integration tests run on PGlite only\n`);
}

const args = ['run', ...process.argv.slice(2)];
const child = spawn(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), ...args], { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
