import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the one line this workplace's CI reads, as the very last line:
 *   Tests: N passed, N failed, N skipped
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let seen = 0;
      for (const test of mod.children.allTests()) {
        seen++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file that failed to load (syntax error, failing beforeAll) has no test results: count it as a failure.
      if (seen === 0 && mod.state() === 'failed') failed++;
    }
    failed += unhandledErrors.length;
    // Defer so the default reporter's summary prints first.
    setImmediate(() => process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`));
  }
}
