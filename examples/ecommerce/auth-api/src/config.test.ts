import { describe, expect, it } from "vitest";
import { derive, readConfig } from "./config.js";

const ENV = { ConnectionStrings__ecommercedb: "postgresql://postgres:owner-secret@localhost:5433/ecommercedb", PORT: "5001" };

describe("readConfig", () => {
  it("derives the app role's password and the JWT key from the owner's password, stable across starts", () => {
    const config = readConfig(ENV);
    expect(config.port).toBe(5001);
    expect(config.appRole).toEqual({ name: "auth_app", password: derive("owner-secret", "auth-api/app-role") });
    expect(config.appRole.password).toHaveLength(43);
    expect(config.appRole.password).not.toBe(derive("owner-secret", "auth-api/jwt"));
    expect(readConfig(ENV).appRole.password).toBe(config.appRole.password);
    expect(derive("another-owner-secret", "auth-api/app-role")).not.toBe(config.appRole.password);
  });

  it("lets the environment set the secrets, limits and resilience timings", () => {
    const config = readConfig({ ...ENV, AUTH_DB_APP_PASSWORD: "given", AUTH_LOCKOUT_MAX_FAILED: "3", AUTH_DB_BREAKER_HALF_OPEN_MS: "2000", AUTH_DB_RETRY_INITIAL_DELAY_MS: "50" });
    expect(config.appRole.password).toBe("given");
    expect(config.lockout.maxFailedAttempts).toBe(3);
    expect(config.database).toEqual({ retry: { initialDelayMs: 50 }, breaker: { halfOpenAfterMs: 2000 } });
  });

  it("defaults to Identity's lock-out (5 failures, 5 minutes) and 15-minute access tokens", () => {
    const config = readConfig(ENV);
    expect(config.lockout).toEqual({ maxFailedAttempts: 5, durationSeconds: 300 });
    expect(config.jwt.accessTokenSeconds).toBe(900);
    expect(config.database).toEqual({ retry: {}, breaker: {} });
  });

  it("names a variable that is not a number", () => {
    expect(() => readConfig({ ...ENV, AUTH_DB_BREAKER_FAILURES: "five" })).toThrowErrorMatchingInlineSnapshot(
      `[Error: AUTH_DB_BREAKER_FAILURES must be a whole number, got 'five']`,
    );
  });
});
