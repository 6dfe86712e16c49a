import { describe, expect, it } from "vitest";
import { readAppRole, readConfig } from "./config.js";

const JWT = "k".repeat(43);
const ENV = { ConnectionStrings__ecommercedb: "postgresql://auth_app:app-secret@localhost:5433/ecommercedb", AUTH_JWT_SECRET: JWT, PORT: "5001" };

describe("readConfig", () => {
  it("signs tokens with AUTH_JWT_SECRET, a secret of its own, not one derived from the database", () => {
    const config = readConfig(ENV);
    expect(config.port).toBe(5001);
    expect(new TextDecoder().decode(config.jwt.secret)).toBe(JWT);
  });

  it("refuses to start without a JWT key of at least 32 characters, saying where it comes from", () => {
    expect(() => readConfig({ ...ENV, AUTH_JWT_SECRET: undefined })).toThrowErrorMatchingInlineSnapshot(
      `[Error: AUTH_JWT_SECRET is not set; it needs at least 32 characters (the AppHost passes its generated parameter 'auth-api-jwt-key'; by hand: openssl rand -base64 32)]`,
    );
    expect(() => readConfig({ ...ENV, AUTH_JWT_SECRET: "short" })).toThrow(/AUTH_JWT_SECRET has 5 characters; it needs at least 32/);
  });

  it("lets the environment set the limits and resilience timings", () => {
    const config = readConfig({ ...ENV, AUTH_LOCKOUT_MAX_FAILED: "3", AUTH_DB_BREAKER_HALF_OPEN_MS: "2000", AUTH_DB_RETRY_INITIAL_DELAY_MS: "50" });
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

describe("readAppRole", () => {
  it("gives the migration job the request role's name and the password the AppHost generated", () => {
    expect(readAppRole({ AUTH_DB_APP_PASSWORD: "generated" }, true)).toEqual({ name: "auth_app", password: "generated" });
    expect(readAppRole({ AUTH_DB_APP_ROLE: "shop_app", AUTH_DB_APP_PASSWORD: "p" }, true).name).toBe("shop_app");
  });

  it("needs the password only to create or update the role (up), not to roll back or list", () => {
    expect(() => readAppRole({}, true)).toThrow(/^AUTH_DB_APP_PASSWORD is not set; the AppHost passes its generated parameter 'auth-api-db-password' to the migration job/);
    expect(readAppRole({}, false)).toEqual({ name: "auth_app", password: "" });
  });
});
