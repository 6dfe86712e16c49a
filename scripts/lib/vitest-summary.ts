import { readFileSync } from "node:fs";

/** The parts of Vitest's JSON reporter output that the summary needs. */
interface VitestJsonReport {
  readonly numPassedTests?: number;
  readonly numFailedTests?: number;
  readonly testResults?: readonly {
    readonly name?: string;
    readonly status?: string;
    readonly assertionResults?: readonly { readonly status?: string }[];
  }[];
}

export interface TestCounts {
  readonly passed: number;
  /** Failed tests, plus test files that failed outside any test (import error, failing hook). */
  readonly failed: number;
}

/** Counts from Vitest's JSON report, or undefined when there is no readable report. */
export function readTestCounts(path: string): TestCounts | undefined {
  let report: VitestJsonReport;
  try {
    report = JSON.parse(readFileSync(path, "utf8")) as VitestJsonReport;
  } catch {
    return undefined;
  }
  return countTests(report);
}

export function countTests(report: VitestJsonReport): TestCounts {
  const failedFiles = (report.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + failedFiles };
}

/** The one summary line `npm test` ends with. */
export function formatTestCounts(counts: TestCounts): string {
  return `tests: ${counts.passed} passed, ${counts.failed} failed`;
}
