import { describe, expect, it } from "vitest";
import { DependencyUnavailableError, createLogger, createMetrics, type HealthCheck } from "@bosun/service-defaults";
import type { AuthService } from "../auth/auth-service.js";
import { buildApp } from "./build-app.js";

function appWith(auth: Partial<AuthService>, checks: HealthCheck[] = []) {
  return buildApp({
    auth: auth as AuthService,
    checks,
    registry: createMetrics({ serviceName: "auth-api", processMetrics: false }).registry,
    logger: createLogger({ serviceName: "auth-api", env: { LOG_LEVEL: "silent" } }),
    trustProxy: "loopback",
  });
}

describe("buildApp", () => {
  it("rejects malformed bodies with 400 before any handler runs", async () => {
    const app = appWith({ register: async () => { throw new Error("must not run"); } });
    const responses = await Promise.all([
      app.inject({ method: "POST", url: "/auth/register", payload: { email: "not-an-email", password: "long enough" } }),
      app.inject({ method: "POST", url: "/auth/register", payload: { email: "a@example.com", password: "short" } }),
      app.inject({ method: "POST", url: "/auth/login", payload: { password: "x" } }),
      app.inject({ method: "POST", url: "/auth/refresh", payload: {} }),
    ]);
    expect(responses.map((response) => [response.statusCode, response.json().error])).toEqual(Array(4).fill([400, "invalid_request"]));
  });

  it("answers 503 with Retry-After when a dependency is unavailable, without internals", async () => {
    const app = appWith({ me: async () => { throw new DependencyUnavailableError("ecommercedb", "database 'ecommercedb' (localhost:5433/ecommercedb as auth_app) is unavailable"); } });
    const response = await app.inject({ method: "GET", url: "/auth/me", headers: { authorization: "Bearer x" } });
    expect(response.statusCode).toBe(503);
    expect(response.headers["retry-after"]).toBe("5");
    expect(response.json()).toEqual({ error: "unavailable", message: "a service this API depends on is unavailable; try again shortly" });
  });

  it("maps sign-in outcomes to 401, 423 and 429 with Retry-After", async () => {
    const outcomes = [
      { kind: "invalid" },
      { kind: "locked-out", until: new Date(Date.now() + 120_000) },
      { kind: "rate-limited", retryAfterSeconds: 30 },
    ];
    const answers = [];
    for (const outcome of outcomes) {
      const app = appWith({ login: async () => outcome as never });
      const response = await app.inject({ method: "POST", url: "/auth/login", payload: { email: "a@example.com", password: "x" } });
      answers.push([response.statusCode, response.json().error, response.headers["retry-after"]]);
    }
    expect(answers).toEqual([[401, "invalid_credentials", undefined], [423, "locked_out", "120"], [429, "too_many_attempts", "30"]]);
  });

  it("serves /health as 503 naming the failing check, and /metrics as Prometheus text", async () => {
    const app = appWith({}, [{ name: "database", check: async () => { throw new Error("connect ECONNREFUSED 127.0.0.1:5433"); } }]);
    const health = await app.inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: "Unhealthy", failing: ["database"] });
    const metrics = await app.inject({ method: "GET", url: "/metrics" });
    expect(metrics.headers["content-type"]).toMatch(/^text\/plain/);
    expect(metrics.body).toContain("# TYPE database_query_duration_seconds histogram");
  });
});
