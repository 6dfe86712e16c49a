import { AsyncLocalStorage } from "node:async_hooks";
import type { LoggerLike } from "../logging/logger-like.js";
import { describeError } from "../resilience/describe-error.js";

/** How statements are logged; see docs/postgres-connections.md. */
export interface QueryLogSettings {
  /** The connection name written as `dependency` (`ecommercedb`). */
  readonly dependency: string;
  /** Parameter values in the log instead of `?` (development only). */
  readonly logParameters: boolean;
  /** The server's DETAIL line (it may quote row values) on failed statements. */
  readonly includeErrorDetail: boolean;
  /** Statements taking at least this long are logged at warn. */
  readonly slowStatementMs: number;
}

const MAX_STATEMENT_CHARS = 2_000;

const routine = new AsyncLocalStorage<true>();

/**
 * Runs `work` with its successful, fast statements logged at debug instead of info: health checks
 * run every few seconds for the service's whole life and would otherwise fill its log. Slow and
 * failed statements keep their levels.
 * @example await asRoutineStatements(() => pool.query("SELECT 1"));
 */
export function asRoutineStatements<T>(work: () => Promise<T>): Promise<T> {
  return routine.run(true, work);
}

/** Whether a statement finishing now at info would be logged: false inside asRoutineStatements unless debug is on. */
export function statementInfoEnabled(logger: LoggerLike): boolean {
  const isLevelEnabled = (logger as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled;
  return isLevelEnabled?.call(logger, routine.getStore() ? "debug" : "info") ?? true;
}

/**
 * Logs one finished statement: info with its duration (debug inside asRoutineStatements), warn when slow, error with the server's
 * code, hint and position when it failed. Passwords in `PASSWORD '…'` clauses are always masked.
 * @example logStatement(logger, settings, { text, values, durationMs: 3, rowCount: 1 });
 */
export function logStatement(
  logger: LoggerLike,
  settings: QueryLogSettings,
  statement: { text: string; values: readonly unknown[] | undefined; durationMs: number; rowCount?: number | null; error?: unknown },
): void {
  const durationMs = Math.round(statement.durationMs * 10) / 10;
  const details: Record<string, unknown> = { dependency: settings.dependency, durationMs, statement: statementText(statement.text) };
  if (statement.values !== undefined && statement.values.length > 0) {
    details.parameters = settings.logParameters ? statement.values : statement.values.map(() => "?");
  }
  if (statement.error !== undefined) {
    logger.error({ ...details, ...serverError(statement.error, settings.includeErrorDetail) }, `statement failed after ${durationMs} ms: ${describeError(statement.error)}`);
  } else if (durationMs >= settings.slowStatementMs) {
    logger.warn({ ...details, rows: statement.rowCount }, `slow statement: ${durationMs} ms (threshold ${settings.slowStatementMs} ms)`);
  } else if (routine.getStore()) {
    logger.debug({ ...details, rows: statement.rowCount }, `statement executed in ${durationMs} ms`);
  } else {
    logger.info({ ...details, rows: statement.rowCount }, `statement executed in ${durationMs} ms`);
  }
}

function statementText(text: string): string {
  const masked = text.replace(/(PASSWORD\s+)'(?:[^']|'')*'/gi, "$1'***'").replace(/\s+/g, " ").trim();
  return masked.length <= MAX_STATEMENT_CHARS ? masked : `${masked.slice(0, MAX_STATEMENT_CHARS)}… (${masked.length - MAX_STATEMENT_CHARS} more characters)`;
}

/** The fields of a PostgreSQL error worth a log line; `detail` only when asked for. */
function serverError(error: unknown, includeDetail: boolean): Record<string, unknown> {
  if (typeof error !== "object" || error === null) return {};
  const { code, severity, detail, hint, position, where, table, column, constraint } = error as Record<string, unknown>;
  const fields: Record<string, unknown> = { code, severity, hint, position, where, table, column, constraint };
  if (detail !== undefined) fields.detail = includeDetail ? detail : "(hidden; Include Error Detail=true shows it)";
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
