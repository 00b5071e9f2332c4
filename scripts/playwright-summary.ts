/**
 * Tiny Playwright reporter that prints one closing line with the counts, after the list reporter:
 *   E2E 结果 / result: 12 passed, 0 failed, 0 flaky, 0 skipped (34.5s)
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private readonly last = new Map<TestCase, TestResult>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.last.set(test, result);
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let flaky = 0;
    let skipped = 0;
    for (const test of this.last.keys()) {
      const outcome = test.outcome();
      if (outcome === 'expected') passed++;
      else if (outcome === 'flaky') flaky++;
      else if (outcome === 'skipped') skipped++;
      else failed++;
    }
    const seconds = (result.duration / 1000).toFixed(1);
    console.log(`\nE2E 结果 / result: ${passed} passed, ${failed} failed, ${flaky} flaky, ${skipped} skipped (${seconds}s) — ${result.status}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
