/** One expectation of the fault suite, with what was seen. */
export interface Check {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
}

export function formatCheck(check: Check): string {
  return `faults: ${check.passed ? "ok  " : "FAIL"} ${check.name} (${check.detail})`;
}
