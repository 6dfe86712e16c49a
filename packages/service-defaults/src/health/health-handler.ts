import type { IncomingMessage, ServerResponse } from "node:http";
import type { HealthCheck } from "./health-check.js";
import { healthStatusCode, runHealthChecks, type RunHealthChecksOptions } from "./run-health-checks.js";

/**
 * A node:http handler for `GET /health`: 200 with every check's status, or 503 naming the failing ones.
 * @example const health = healthHandler([pgHealthCheck(db), redisHealthCheck(cache)]);
 */
export function healthHandler(
  checks: readonly HealthCheck[],
  options: RunHealthChecksOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    const report = await runHealthChecks(checks, options);
    res.writeHead(healthStatusCode(report), { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(report));
  };
}
