// Ends `npm test` with one plain line, `tests: N passed, N failed[, N skipped]`, the count CI reads to know that
// tests ran. It sits beside vitest's default reporter (vitest.config.ts) and changes no exit code.
// Reporter API: https://vitest.dev/advanced/api/reporters (onTestRunEnd with the run's test modules).
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node';

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Test cases by state. A file that failed outside its tests (it did not load, or a hook threw) and an error
 * outside any file count as failures too: a run that failed must never read "0 failed".
 */
export function countRun(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): RunCounts {
  const counts: RunCounts = { passed: 0, failed: unhandled.length, skipped: 0 };
  for (const m of modules) {
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') counts.failed++;
      else if (state === 'skipped') counts.skipped++;
    }
    if (m.errors().length > 0) counts.failed++;
    for (const s of m.children.allSuites()) if (s.errors().length > 0) counts.failed++;
  }
  return counts;
}

export function countLine(c: RunCounts): string {
  return `tests: ${c.passed} passed, ${c.failed} failed${c.skipped > 0 ? `, ${c.skipped} skipped` : ''}`;
}

export default class CountLineReporter implements Reporter {
  #line: string | undefined;
  #watch = false;

  onInit(vitest: Vitest): void {
    this.#watch = vitest.config.watch;
    // Printed as the process exits, after everything vitest itself prints once the run is over (stdout to a
    // pipe or a file is synchronous on Linux, so the line is not lost).
    if (!this.#watch) process.once('exit', () => this.#print());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    this.#line = countLine(countRun(modules, unhandled));
    if (this.#watch) this.#print();
  }

  #print(): void {
    if (this.#line !== undefined) process.stdout.write(`\n${this.#line}\n`);
  }
}
