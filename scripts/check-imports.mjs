#!/usr/bin/env node
// The import-boundary lint (docs/ARCHITECTURE.md, "Who may import whom"): every import of
// every source file is checked against the layer rules below. Exits 1 and lists each
// violation as file:line. Also run by the unit suite (scripts/check-imports.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Which workspace packages a layer may import; `pure` layers may import no npm package and no node: module. */
export const layers = [
  { dir: 'packages/domain/src', ours: [], pure: true, testsMay: ['vitest', 'fast-check', 'node:'] },
  { dir: 'packages/contracts/src', ours: ['@zhizhao/domain'], npm: ['zod'] },
  { dir: 'apps/server/src', ours: ['@zhizhao/domain', '@zhizhao/contracts'] },
  { dir: 'apps/server/test', ours: ['@zhizhao/domain', '@zhizhao/contracts'] },
  { dir: 'apps/cli/src', ours: ['@zhizhao/domain', '@zhizhao/contracts', '@zhizhao/server'] },
  { dir: 'apps/cli/test', ours: ['@zhizhao/domain', '@zhizhao/contracts', '@zhizhao/server'] },
  { dir: 'apps/web/src', ours: ['@zhizhao/domain', '@zhizhao/contracts'], forbidNpm: ['pg', 'drizzle-orm', 'fastify', 'exceljs', '@electric-sql/pglite'] },
  { dir: 'e2e', ours: [] },
  { dir: 'bench', ours: ['@zhizhao/domain', '@zhizhao/contracts', '@zhizhao/server'] },
];

const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^.\w])import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function walk(dir) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'dist') return [];
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return walk(rel);
    return /\.(ts|tsx|mts)$/.test(e.name) ? [rel] : [];
  });
}

export function check() {
  const problems = [];
  for (const layer of layers) {
    for (const file of walk(layer.dir)) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const isTest = /\.test\.tsx?$|test-helper|\.reference\.ts$/.test(file);
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2] ?? m[3];
        const line = text.slice(0, m.index).split('\n').length + (text[m.index] === '\n' ? 1 : 0);
        const where = `${file}:${line}`;
        if (spec.startsWith('.')) {
          // A relative import must stay inside the layer's own package.
          const target = path.normalize(path.join(path.dirname(file), spec));
          const home = /^(packages|apps)\//.test(layer.dir) ? layer.dir.split('/').slice(0, 2).join('/') : layer.dir.split('/')[0];
          if (!target.startsWith(`${home}/`)) problems.push(`${where}: relative import "${spec}" leaves ${home} (import the package instead)`);
          continue;
        }
        if (spec.startsWith('@zhizhao/')) {
          const pkg = spec.split('/').slice(0, 2).join('/');
          if (!layer.ours.includes(pkg)) problems.push(`${where}: ${layer.dir} may not import ${pkg}`);
          continue;
        }
        if (layer.pure) {
          const allowed = isTest && layer.testsMay.some((a) => spec === a || spec.startsWith(a));
          if (!allowed) problems.push(`${where}: the domain is pure: no "${spec}" (no I/O, no frameworks)`);
          continue;
        }
        if (layer.npm && !spec.startsWith('node:') && !layer.npm.includes(spec.split('/')[0]) && !(isTest && ['vitest', 'fast-check'].includes(spec))) {
          problems.push(`${where}: ${layer.dir} may import only ${layer.npm.join(', ')} from npm, not "${spec}"`);
        }
        if (layer.forbidNpm?.some((f) => spec === f || spec.startsWith(`${f}/`))) problems.push(`${where}: ${layer.dir} may not import server-side "${spec}"`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = check();
  if (problems.length) {
    process.stderr.write(`import boundaries broken:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('import boundaries: ok\n');
}
