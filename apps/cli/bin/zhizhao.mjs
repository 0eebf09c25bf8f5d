#!/usr/bin/env node
// `npx zhizhao <command>`: runs the TypeScript sources through tsx (no build step).
process.env.TZ = 'UTC';
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
