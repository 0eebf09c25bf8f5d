#!/usr/bin/env node
// `npm run bench [-- NAME] [-- --quick]`: runs bench/<name>/run.ts (all of them when no name is
// given), each in its own process under tsx, in UTC. Figures are printed by each bench.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const names = fs.readdirSync(path.join(root, 'bench')).filter((d) => fs.existsSync(path.join(root, 'bench', d, 'run.ts')));
const chosen = args.filter((a) => names.includes(a));
const passThrough = args.filter((a) => !names.includes(a));
let failed = 0;
for (const name of chosen.length ? chosen : names) {
  process.stdout.write(`\n== bench/${name}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', name, 'run.ts'), ...passThrough], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
