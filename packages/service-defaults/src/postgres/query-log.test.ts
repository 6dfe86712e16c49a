import { describe, expect, it } from "vitest";
import type { LoggerLike } from "../logging/logger-like.js";
import { runHealthChecks } from "../health/run-health-checks.js";
import { asRoutineStatements, logStatement, statementInfoEnabled, type QueryLogSettings } from "./query-log.js";

const SETTINGS: QueryLogSettings = { dependency: "appdb", logParameters: false, includeErrorDetail: false, slowStatementMs: 500 };

function recordingLogger(level: "debug" | "info" | "warn") {
  const order = ["debug", "info", "warn", "error"];
  const lines: { level: string; message: string }[] = [];
  const at = (name: string) => (_details: object, message: string) => void lines.push({ level: name, message });
  const logger: LoggerLike & { isLevelEnabled(name: string): boolean } = {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    isLevelEnabled: (name) => order.indexOf(name) >= order.indexOf(level),
  };
  return { logger, lines };
}

describe("statement log levels", () => {
  it("logs a statement at info, and at debug inside a health check (routine), keeping warn for slow ones", async () => {
    const { logger, lines } = recordingLogger("debug");
    logStatement(logger, SETTINGS, { text: "SELECT 1", values: undefined, durationMs: 2 });
    await asRoutineStatements(async () => {
      logStatement(logger, SETTINGS, { text: "SELECT 1", values: undefined, durationMs: 2 });
      logStatement(logger, SETTINGS, { text: "SELECT pg_sleep(1)", values: undefined, durationMs: 900 });
    });
    expect(lines.map((l) => l.level)).toEqual(["info", "debug", "warn"]);
  });

  it("runs health checks as routine work, so their statements stay out of an info-level log", async () => {
    const { logger } = recordingLogger("info");
    const seen: boolean[] = [];
    await runHealthChecks([{ name: "db", check: async () => void seen.push(statementInfoEnabled(logger)) }]);
    expect(statementInfoEnabled(logger)).toBe(true);
    expect(seen).toEqual([false]);
  });
});
