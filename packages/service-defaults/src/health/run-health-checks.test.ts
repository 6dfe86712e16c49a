import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { HealthCheck } from "./health-check.js";
import { healthHandler } from "./health-handler.js";
import { healthStatusCode, runHealthChecks } from "./run-health-checks.js";

const healthy = (name: string, detail?: Record<string, unknown>): HealthCheck => ({ name, check: async () => detail });
const failing = (name: string, message: string): HealthCheck => ({ name, check: async () => { throw new Error(message); } });
const hanging = (name: string): HealthCheck => ({
  name,
  check: (signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))),
});

const withoutDurations = (report: Awaited<ReturnType<typeof runHealthChecks>>) =>
  JSON.parse(JSON.stringify(report, (key, value: unknown) => (key === "durationMs" ? undefined : value)));

describe("runHealthChecks", () => {
  it("is healthy with every check's detail when all pass", async () => {
    const report = await runHealthChecks([healthy("database", { users: 3 }), healthy("cache")]);
    expect(healthStatusCode(report)).toBe(200);
    expect(withoutDurations(report)).toEqual({
      status: "Healthy",
      failing: [],
      checks: { database: { status: "Healthy", detail: { users: 3 } }, cache: { status: "Healthy" } },
    });
  });

  it("is unhealthy naming the failing check and its reason while reporting the others", async () => {
    const report = await runHealthChecks([healthy("database", { users: 3 }), failing("cache", "connect ECONNREFUSED 127.0.0.1:6381")]);
    expect(healthStatusCode(report)).toBe(503);
    expect(withoutDurations(report)).toEqual({
      status: "Unhealthy",
      failing: ["cache"],
      checks: {
        database: { status: "Healthy", detail: { users: 3 } },
        cache: { status: "Unhealthy", error: "connect ECONNREFUSED 127.0.0.1:6381" },
      },
    });
  });

  it("fails a check that does not answer within the timeout and aborts it", async () => {
    const started = performance.now();
    const report = await runHealthChecks([hanging("messaging"), healthy("database")], { timeoutMs: 50 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(report.failing).toEqual(["messaging"]);
    expect(report.checks.messaging?.error).toBe("no answer within 50 ms");
  });
});

describe("healthHandler", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(checks: readonly HealthCheck[]): Promise<string> {
    const handler = healthHandler(checks);
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  }

  it("answers 200 with JSON when healthy", async () => {
    const response = await fetch(await serve([healthy("database", { users: 0 })]), { signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ status: "Healthy", checks: { database: { detail: { users: 0 } } } });
  });

  it("answers 503 naming the failing check", async () => {
    const response = await fetch(await serve([healthy("cache"), failing("database", "Connection terminated unexpectedly")]), {
      signal: AbortSignal.timeout(5_000),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "Unhealthy", failing: ["database"] });
  });
});
