import { defineConfig } from 'vitest/config';

// Three kinds of test, one runner (see docs/decisions/0005-testing.md):
//   unit         *.test.ts beside the code, no I/O (domain, contracts, pure server parts)
//   integration  *.int.test.ts in apps/server, each file on a fresh database, PGlite and PostgreSQL
//   e2e          e2e/*.e2e.test.ts, real Chromium against a real server
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/cli/test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts', 'apps/server/test/**/*.int.test.ts', 'apps/cli/test/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['apps/server/test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page under load may take seconds to settle: poll for longer than the 1 s default.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
