import { checkCall, checkOptions, ValidationError, type CallContext } from "@bosun/hosting";

/**
 * Npgsql connection-string settings a database carries into `ConnectionStrings__<name>`, as the
 * URI's query (`?MinPoolSize=5&MaxPoolSize=100&CommandTimeout=30`). Times are in seconds.
 * `@bosun/service-defaults` applies them to its pg pool; an Npgsql client reads the same keywords.
 */
export interface PostgresConnectionStringOptions {
  /** `Pooling`: false opens a connection per use. */
  readonly pooling?: boolean;
  /** `MinPoolSize`: connections opened at start and kept open. */
  readonly minPoolSize?: number;
  /** `MaxPoolSize`: at most this many connections. */
  readonly maxPoolSize?: number;
  /** `ConnectionLifetime`: seconds after which a connection is closed once returned (0: never). */
  readonly connectionLifetime?: number;
  /** `ConnectionIdleLifetime`: seconds an idle connection above the minimum is kept. */
  readonly connectionIdleLifetime?: number;
  /** `ConnectionPruningInterval`: Npgsql's pruning period; pg has none and logs it as ignored. */
  readonly connectionPruningInterval?: number;
  /** `CommandTimeout`: seconds before the server cancels a statement (0: no limit). */
  readonly commandTimeout?: number;
  /** `Timeout`: seconds to wait for a connection to open. */
  readonly timeout?: number;
  /** `Keepalive`: seconds of inactivity before TCP keepalive probes (0: off). */
  readonly keepalive?: number;
  /** `ApplicationName`, shown in pg_stat_activity. */
  readonly applicationName?: string;
  /** `SearchPath`: the schema search path, e.g. `auth,public`. */
  readonly searchPath?: string;
  /** `SslMode`. */
  readonly sslMode?: "Disable" | "Allow" | "Prefer" | "Require" | "VerifyCA" | "VerifyFull";
  /** `IncludeErrorDetail`: log the server's DETAIL line of failed statements (it may quote row values). */
  readonly includeErrorDetail?: boolean;
  /** `LogParameters`: log statement parameter values (refused by service-defaults when NODE_ENV=production). */
  readonly logParameters?: boolean;
}

/** Each option's Npgsql keyword, in the order they are written into the connection string. */
export const CONNECTION_OPTION_KEYWORDS: { readonly [K in keyof Required<PostgresConnectionStringOptions>]: string } = {
  pooling: "Pooling",
  minPoolSize: "MinPoolSize",
  maxPoolSize: "MaxPoolSize",
  connectionLifetime: "ConnectionLifetime",
  connectionIdleLifetime: "ConnectionIdleLifetime",
  connectionPruningInterval: "ConnectionPruningInterval",
  commandTimeout: "CommandTimeout",
  timeout: "Timeout",
  keepalive: "Keepalive",
  applicationName: "ApplicationName",
  searchPath: "SearchPath",
  sslMode: "SslMode",
  includeErrorDetail: "IncludeErrorDetail",
  logParameters: "LogParameters",
};

const SSL_MODES = ["Disable", "Allow", "Prefer", "Require", "VerifyCA", "VerifyFull"] as const;
const WHOLE_NUMBERS = ["minPoolSize", "maxPoolSize", "connectionLifetime", "connectionIdleLifetime", "connectionPruningInterval", "commandTimeout", "timeout", "keepalive"] as const;

/**
 * Checks options as given to `.withConnectionStringOptions(…)` merged over earlier ones, and
 * throws a ValidationError naming the option and a correct call.
 */
export function checkConnectionOptions(context: CallContext, given: unknown, merged: PostgresConnectionStringOptions): void {
  checkCall(context, { "the options": [given, "object"] });
  checkOptions(context, given, {
    pooling: "boolean?",
    ...Object.fromEntries(WHOLE_NUMBERS.map((key) => [key, "number?"])),
    applicationName: "string?",
    searchPath: "string?",
    sslMode: "string?",
    includeErrorDetail: "boolean?",
    logParameters: "boolean?",
  });
  if (merged.sslMode !== undefined) checkCall(context, { "option 'sslMode'": [merged.sslMode, SSL_MODES] });
  const fail = (problem: string) => new ValidationError([`${context.call} ${problem}; e.g. ${context.example}`]);
  for (const key of WHOLE_NUMBERS) {
    const value = merged[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw fail(`expects '${key}' as a whole number of ${key.endsWith("PoolSize") ? "connections" : "seconds"} (0 or more), got ${value}`);
  }
  if (merged.maxPoolSize === 0) throw fail("expects 'maxPoolSize' of at least 1");
  if (merged.minPoolSize !== undefined && merged.maxPoolSize !== undefined && merged.minPoolSize > merged.maxPoolSize) {
    throw fail(`has 'minPoolSize' (${merged.minPoolSize}) above 'maxPoolSize' (${merged.maxPoolSize})`);
  }
}

/** The options as a URI query in keyword order: `?MinPoolSize=5&MaxPoolSize=100`, or `""` when there are none. */
export function connectionOptionsQuery(options: PostgresConnectionStringOptions): string {
  const pairs = (Object.keys(CONNECTION_OPTION_KEYWORDS) as (keyof PostgresConnectionStringOptions)[])
    .filter((key) => options[key] !== undefined)
    .map((key) => `${CONNECTION_OPTION_KEYWORDS[key]}=${encodeURIComponent(String(options[key]))}`);
  return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
}
