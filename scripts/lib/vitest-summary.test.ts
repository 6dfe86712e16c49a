import { describe, expect, it } from "vitest";
import { countTests, formatTestCounts } from "./vitest-summary.js";

describe("countTests", () => {
  it("counts passed and failed tests from Vitest's JSON report", () => {
    const report = {
      numPassedTests: 41,
      numFailedTests: 2,
      testResults: [
        { status: "passed", assertionResults: [{ status: "passed" }] },
        { status: "failed", assertionResults: [{ status: "failed" }, { status: "failed" }, { status: "passed" }] },
      ],
    };
    expect(formatTestCounts(countTests(report))).toBe("tests: 41 passed, 2 failed");
  });

  it("counts a test file that failed outside its tests as one failure", () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { status: "failed", assertionResults: [] },
        { status: "failed", assertionResults: [{ status: "passed" }] },
      ],
    };
    expect(countTests(report)).toEqual({ passed: 3, failed: 2 });
  });
});
