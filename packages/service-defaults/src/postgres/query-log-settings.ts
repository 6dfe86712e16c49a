import type { Environment } from "../connection-strings/connection-string.js";
import { ServiceDefaultsError } from "../errors/service-defaults-error.js";
import type { PgConnectionSettings } from "../connection-strings/pg-pool-config.js";
import type { QueryLogSettings } from "./query-log.js";

/** Statements at least this slow are logged at warn unless LOG_SLOW_STATEMENT_MS says otherwise. */
export const DEFAULT_SLOW_STATEMENT_MS = 500;

export interface QueryLoggingOptions {
  /** Log statements at all (info, warn when slow, error when failed); default true. The logger's level still decides. */
  readonly enabled?: boolean;
  /** Default LOG_SLOW_STATEMENT_MS, else 500. */
  readonly slowStatementMs?: number;
  /** Parameter values and error details in the log; default LOG_SENSITIVE_DATA=true. Refused when NODE_ENV=production. */
  readonly sensitiveDataLogging?: boolean;
}

/**
 * Query-log settings from the options, the environment and the connection string's `Log Parameters`
 * and `Include Error Detail`; `refused` says sensitive-data logging was asked for in production.
 */
export function queryLogSettings(
  dependency: string,
  connection: PgConnectionSettings,
  options: QueryLoggingOptions,
  env: Environment,
): { settings: QueryLogSettings; refused: boolean } {
  const asked = options.sensitiveDataLogging ?? env.LOG_SENSITIVE_DATA === "true";
  const production = env.NODE_ENV === "production";
  const sensitive = asked && !production;
  const slowStatementMs = options.slowStatementMs ?? slowFromEnvironment(env.LOG_SLOW_STATEMENT_MS);
  return {
    settings: {
      dependency,
      slowStatementMs,
      logParameters: (sensitive || connection.logParameters) && !production,
      includeErrorDetail: sensitive || connection.includeErrorDetail,
    },
    refused: (asked || connection.logParameters) && production,
  };
}

function slowFromEnvironment(text: string | undefined): number {
  if (text === undefined || text === "") return DEFAULT_SLOW_STATEMENT_MS;
  if (!/^\d+$/.test(text)) {
    throw new ServiceDefaultsError(`LOG_SLOW_STATEMENT_MS must be a whole number of milliseconds, got '${text}'`, { code: "CONFIGURATION" });
  }
  return Number(text);
}
