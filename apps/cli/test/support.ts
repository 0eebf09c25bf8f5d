/**
 * What the CLI's database tests share: running a command with its output captured, and the two
 * databases a test runs on — a fresh PGlite data folder, and a fresh PostgreSQL database when the
 * suite has one (`inject('postgresUrl')`), each removed afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject, vi } from 'vitest';
import { main } from '../src/main';

export async function runCli(args: string[]) {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

export type DbTarget = { kind: 'pglite' | 'postgres'; setup: () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> };

export function dbTargets(prefix: string): DbTarget[] {
  return [
    {
      kind: 'pglite',
      setup: async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
        return { env: { ZHIZHAO_DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
      },
    },
    {
      kind: 'postgres',
      setup: async () => {
        const url = inject('postgresUrl')!;
        const name = `${prefix.replace(/-/g, '_')}_${randomBytes(5).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const u = new URL(url);
        u.pathname = `/${name}`;
        return {
          env: { DATABASE_URL: u.toString() },
          cleanup: async () => {
            const a = new pg.Client({ connectionString: url });
            await a.connect();
            await a.query(`drop database if exists ${name} with (force)`);
            await a.end();
          },
        };
      },
    },
  ];
}
