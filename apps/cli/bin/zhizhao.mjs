#!/usr/bin/env node
// `npx zhizhao <command>`. Runs a bundle of the TypeScript sources (apps/cli/dist), rebuilt
// with esbuild whenever a source is newer; falls back to compiling on the fly with tsx.
// The bundle starts in ~0.2 s instead of ~1 s (docs/admission-benchmark.md: CLI wall time).
process.env.TZ = 'UTC';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(cliDir, '../..');
const dist = path.join(cliDir, 'dist');
const sources = ['apps/cli/src', 'apps/server/src', 'apps/server/drizzle', 'packages/domain/src', 'packages/contracts/src'].map((p) => path.join(root, p));

function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

async function bundle() {
  const entry = path.join(dist, 'main.js');
  const stamp = path.join(dist, '.built');
  const builtAt = fs.existsSync(stamp) && fs.existsSync(entry) ? fs.statSync(stamp).mtimeMs : 0;
  if (builtAt && builtAt >= Math.max(...sources.map(newest))) return entry;
  const { build } = await import('esbuild');
  const tmp = `${dist}.tmp-${process.pid}`;
  // Our workspace packages are bundled; npm packages stay imports (resolved from node_modules).
  const externalNpm = { name: 'external-npm', setup: (b) => b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@zhizhao/') ? undefined : { path: a.path, external: true })) };
  await build({
    entryPoints: [path.join(cliDir, 'src/main.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    outdir: tmp, splitting: true, chunkNames: 'chunks/[name]-[hash]', plugins: [externalNpm], logLevel: 'silent',
  });
  fs.writeFileSync(path.join(tmp, '.built'), '');
  fs.rmSync(dist, { recursive: true, force: true });
  fs.renameSync(tmp, dist);
  return entry;
}

// Bundled server code cannot find the migrations next to its own file: say where they are.
process.env.ZHIZHAO_MIGRATIONS_DIR ??= path.join(root, 'apps/server/drizzle');

let main;
try {
  ({ main } = await import(pathToFileURL(await bundle()).href));
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
