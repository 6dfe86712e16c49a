import { describe, expect, it } from "vitest";
import { DependencyUnavailableError } from "../errors/service-defaults-error.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { isTransientDatabaseError } from "../postgres/transient-errors.js";
import { DEFAULT_RESILIENCE, resolveResilience } from "./resilience-options.js";
import { createResiliencePolicy } from "./resilience-policy.js";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5433"), { code: "ECONNREFUSED" });
const syntaxError = () => Object.assign(new Error("syntax error at or near \"SELEC\""), { code: "42601" });

function recordingLogger(): LoggerLike & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (_details: object, message: string) => void lines.push(`${level}: ${message}`);
  return { lines, debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

function policyWith(overrides: Parameters<typeof resolveResilience>[0]) {
  const logger = recordingLogger();
  const policy = createResiliencePolicy({
    ...resolveResilience(overrides),
    dependency: "ecommercedb",
    what: "database 'ecommercedb'",
    isTransient: isTransientDatabaseError,
    logger,
  });
  return { policy, logger };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createResiliencePolicy", () => {
  it("defaults to 3 retries after 2, 4 and 8 s capped at 30 s, and a breaker of 5 failures / 1 minute", () => {
    expect(DEFAULT_RESILIENCE).toEqual({
      retry: { maxRetries: 3, initialDelayMs: 2_000, maxDelayMs: 30_000 },
      breaker: { consecutiveFailures: 5, halfOpenAfterMs: 60_000 },
    });
  });

  it("retries connection errors with doubling delays and logs each retry", async () => {
    const { policy, logger } = policyWith({ retry: { initialDelayMs: 10, maxDelayMs: 25 }, breaker: { consecutiveFailures: 100 } });
    let calls = 0;
    const result = await policy.execute(async () => {
      calls += 1;
      if (calls < 4) throw refused();
      return "ok";
    });
    expect(result).toBe("ok");
    expect(calls).toBe(4);
    expect(logger.lines).toEqual([
      "warn: database 'ecommercedb': connect ECONNREFUSED 127.0.0.1:5433; retry 1 of 3 in 10 ms",
      "warn: database 'ecommercedb': connect ECONNREFUSED 127.0.0.1:5433; retry 2 of 3 in 20 ms",
      "warn: database 'ecommercedb': connect ECONNREFUSED 127.0.0.1:5433; retry 3 of 3 in 25 ms",
    ]);
  });

  it("gives up after the last retry with the original error", async () => {
    const { policy, logger } = policyWith({ retry: { initialDelayMs: 1 }, breaker: { consecutiveFailures: 100 } });
    let calls = 0;
    await expect(policy.execute(async () => { calls += 1; throw refused(); })).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(calls).toBe(4);
    expect(logger.lines.at(-1)).toBe("error: database 'ecommercedb': giving up after 4 tries: connect ECONNREFUSED 127.0.0.1:5433");
  });

  it("never retries an SQL error and does not count it against the circuit", async () => {
    const { policy } = policyWith({ retry: { initialDelayMs: 1 }, breaker: { consecutiveFailures: 1 } });
    let calls = 0;
    for (let i = 0; i < 3; i += 1) {
      await expect(policy.execute(async () => { calls += 1; throw syntaxError(); })).rejects.toMatchObject({ code: "42601" });
    }
    expect(calls).toBe(3);
    expect(policy.circuitState).toBe("closed");
  });

  it("opens after the configured consecutive failures, fails fast, half-opens after the pause and closes on success", async () => {
    const { policy, logger } = policyWith({ retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 100 } });
    let calls = 0;
    const failing = async () => { calls += 1; throw refused(); };
    for (let i = 0; i < 3; i += 1) await expect(policy.execute(failing)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(policy.circuitState).toBe("open");

    const started = performance.now();
    const open = await policy.execute(failing).catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(20);
    expect(open).toBeInstanceOf(DependencyUnavailableError);
    expect(open).toMatchObject({ code: "DEPENDENCY_UNAVAILABLE", dependency: "ecommercedb" });
    expect(calls).toBe(3);

    await sleep(120);
    await expect(policy.execute(async () => "back")).resolves.toBe("back");
    expect(policy.circuitState).toBe("closed");
    expect(logger.lines.filter((line) => !line.startsWith("warn"))).toEqual([
      "error: database 'ecommercedb': giving up after 1 try: connect ECONNREFUSED 127.0.0.1:5433",
      "error: database 'ecommercedb': giving up after 1 try: connect ECONNREFUSED 127.0.0.1:5433",
      "error: database 'ecommercedb': circuit opened after 3 consecutive failures; failing fast for 100 ms",
      "error: database 'ecommercedb': giving up after 1 try: connect ECONNREFUSED 127.0.0.1:5433",
      "info: database 'ecommercedb': circuit half-open; letting one call through",
      "info: database 'ecommercedb': circuit closed; calls flow again",
    ]);
  });

  it("re-opens when the half-open trial fails", async () => {
    const { policy } = policyWith({ retry: { maxRetries: 0 }, breaker: { consecutiveFailures: 1, halfOpenAfterMs: 50 } });
    await expect(policy.execute(async () => { throw refused(); })).rejects.toThrow();
    expect(policy.circuitState).toBe("open");
    await sleep(70);
    await expect(policy.execute(async () => { throw refused(); })).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(policy.circuitState).toBe("open");
    await expect(policy.execute(async () => "too early")).rejects.toBeInstanceOf(DependencyUnavailableError);
  });

  it("stops retrying a call as soon as the circuit opens under it", async () => {
    const { policy } = policyWith({ retry: { maxRetries: 3, initialDelayMs: 5 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    let calls = 0;
    const error = await policy.execute(async () => { calls += 1; throw refused(); }).catch((e: unknown) => e);
    expect(calls).toBe(2);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
  });
});
