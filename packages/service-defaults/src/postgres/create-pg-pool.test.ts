import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { DependencyUnavailableError } from "../errors/service-defaults-error.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { createMetrics } from "../metrics/service-metrics.js";
import { createPgPool } from "./create-pg-pool.js";

const silent: LoggerLike = { debug() {}, info() {}, warn() {}, error() {} };

/** A 127.0.0.1 port nothing listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("createPgPool without a server", () => {
  it("retries refused connections, counts every attempt and failure, then opens the circuit and fails fast", async () => {
    const metrics = createMetrics({ serviceName: "test", processMetrics: false });
    const env = { ConnectionStrings__ecommercedb: `postgresql://app:hunter2@127.0.0.1:${await closedPort()}/ecommercedb` };
    const db = createPgPool("ecommercedb", {
      logger: silent,
      metrics,
      env,
      retry: { initialDelayMs: 5 },
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 60_000 },
    });
    try {
      await expect(db.query("SELECT 1")).rejects.toMatchObject({ code: "ECONNREFUSED" });
      expect(db.circuitState).toBe("closed");
      await expect(db.query("SELECT 1")).rejects.toBeInstanceOf(DependencyUnavailableError);
      expect(db.circuitState).toBe("open");

      const started = performance.now();
      const error = await db.query("SELECT 1").catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(20);
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect((error as Error).message).not.toContain("hunter2");

      const text = await metrics.registry.metrics();
      expect(text).toContain('database_connection_attempts_total{database="ecommercedb",service="test"} 5');
      expect(text).toContain('database_connection_failures_total{database="ecommercedb",service="test"} 5');
      expect(text).toContain('database_query_duration_seconds_count{service="test",database="ecommercedb",outcome="error"} 5');
    } finally {
      await db.end();
    }
  });
});
