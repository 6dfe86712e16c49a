import { asRoutineStatements } from "../postgres/query-log.js";
import { describeError } from "../resilience/describe-error.js";
import type { HealthCheck, HealthCheckResult, HealthReport } from "./health-check.js";

export const DEFAULT_HEALTH_CHECK_TIMEOUT_MS = 5_000;

export interface RunHealthChecksOptions {
  /** Each check gets this long before it counts as failed; default 5 s. */
  readonly timeoutMs?: number;
}

/**
 * Runs every check at once, each bounded by its own timeout, and reports Healthy only when all pass.
 * @example const report = await runHealthChecks([pgHealthCheck(db)]); reply.code(healthStatusCode(report)).send(report);
 */
export async function runHealthChecks(checks: readonly HealthCheck[], options: RunHealthChecksOptions = {}): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_HEALTH_CHECK_TIMEOUT_MS;
  const results = await Promise.all(checks.map((check) => runOne(check, timeoutMs)));
  const entries = checks.map((check, index) => [check.name, results[index]!] as const);
  const failing = entries.filter(([, result]) => result.status === "Unhealthy").map(([name]) => name);
  return { status: failing.length === 0 ? "Healthy" : "Unhealthy", failing, checks: Object.fromEntries(entries) };
}

/** 200 when healthy, 503 otherwise. */
export function healthStatusCode(report: HealthReport): 200 | 503 {
  return report.status === "Healthy" ? 200 : 503;
}

async function runOne(check: HealthCheck, timeoutMs: number): Promise<HealthCheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    // Probes come every few seconds for the service's whole life: their statements log at debug.
    const detail = await Promise.race([asRoutineStatements(() => check.check(controller.signal)), timeout]);
    return { status: "Healthy", durationMs: elapsed(started), ...(detail ? { detail } : {}) };
  } catch (error) {
    return { status: "Unhealthy", durationMs: elapsed(started), error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
