// Builds the web app when its sources are newer than the last build (so a second
// `npm start` starts at once). `--force` always builds.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/contracts/src', 'packages/domain/src'];

function newest(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).map((e) => newest(path.join(p, e))));
}

const force = process.argv.includes('--force');
if (!force && fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources.map(newest))) {
  process.stdout.write('web app is up to date\n');
  process.exit(0);
}
process.stdout.write('building the web app…\n');
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: path.join(root, 'apps/web'), stdio: 'inherit' });
process.exit(r.status ?? 1);
