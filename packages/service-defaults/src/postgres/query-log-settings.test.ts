import { describe, expect, it } from "vitest";
import type { PgConnectionSettings } from "../connection-strings/pg-pool-config.js";
import { DEFAULT_SLOW_STATEMENT_MS, queryLogSettings } from "./query-log-settings.js";

const connection = (overrides: Partial<PgConnectionSettings> = {}): PgConnectionSettings => ({ config: {}, ignored: [], includeErrorDetail: false, logParameters: false, ...overrides });

describe("queryLogSettings", () => {
  it("hides parameters and error details by default, with a 500 ms slow threshold", () => {
    expect(queryLogSettings("db", connection(), {}, {})).toEqual({
      settings: { dependency: "db", slowStatementMs: DEFAULT_SLOW_STATEMENT_MS, logParameters: false, includeErrorDetail: false },
      refused: false,
    });
    expect(DEFAULT_SLOW_STATEMENT_MS).toBe(500);
  });

  it("shows both with LOG_SENSITIVE_DATA=true, and the option wins over the variable", () => {
    expect(queryLogSettings("db", connection(), {}, { LOG_SENSITIVE_DATA: "true" }).settings).toMatchObject({ logParameters: true, includeErrorDetail: true });
    expect(queryLogSettings("db", connection(), { sensitiveDataLogging: false }, { LOG_SENSITIVE_DATA: "true" }).settings).toMatchObject({ logParameters: false });
  });

  it("follows the connection string's Log Parameters and Include Error Detail", () => {
    expect(queryLogSettings("db", connection({ logParameters: true }), {}, {}).settings.logParameters).toBe(true);
    expect(queryLogSettings("db", connection({ includeErrorDetail: true }), {}, {}).settings).toMatchObject({ includeErrorDetail: true, logParameters: false });
  });

  it("refuses parameter values in production, saying so, but keeps error details asked for by the connection string", () => {
    const production = queryLogSettings("db", connection({ logParameters: true, includeErrorDetail: true }), {}, { NODE_ENV: "production", LOG_SENSITIVE_DATA: "true" });
    expect(production).toMatchObject({ settings: { logParameters: false, includeErrorDetail: true }, refused: true });
  });

  it("reads LOG_SLOW_STATEMENT_MS and names it when it is not a number", () => {
    expect(queryLogSettings("db", connection(), {}, { LOG_SLOW_STATEMENT_MS: "250" }).settings.slowStatementMs).toBe(250);
    expect(queryLogSettings("db", connection(), { slowStatementMs: 10 }, { LOG_SLOW_STATEMENT_MS: "250" }).settings.slowStatementMs).toBe(10);
    expect(() => queryLogSettings("db", connection(), {}, { LOG_SLOW_STATEMENT_MS: "fast" })).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: LOG_SLOW_STATEMENT_MS must be a whole number of milliseconds, got 'fast']`,
    );
  });
});
