import type { ConnectionOptions } from "node:tls";
import type { PoolConfig } from "pg";
import { connectionString, connectionStringVariable, malformed, type Environment } from "./connection-string.js";
import { npgsqlKeyword } from "./npgsql-keywords.js";
import { parseConnectionString, type ParsedConnectionString } from "./parse-connection-string.js";
import type { PgSettingsDraft } from "./pg-keyword-effects.js";

export const DEFAULT_POSTGRES_PORT = 5432;
/** Npgsql's default `Timeout` (seconds to open a connection); pg's own default is to wait forever. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 15;

/** Everything a PostgreSQL connection string says, split into what pg uses and what it cannot. */
export interface PgConnectionSettings {
  /** Options for `new pg.Pool(...)`. */
  readonly config: PoolConfig;
  /** Npgsql keywords that were given but have no pg equivalent, with the reason; logged once at start. */
  readonly ignored: readonly { readonly keyword: string; readonly reason: string }[];
  /** `Include Error Detail=true`: failed statements are logged with the server's DETAIL line. */
  readonly includeErrorDetail: boolean;
  /** `Log Parameters=true`: statements are logged with their parameter values (development only). */
  readonly logParameters: boolean;
}

/**
 * pg pool options for the PostgreSQL connection string injected as `ConnectionStrings__<name>`:
 * a URI or Npgsql's keyword form, every Npgsql keyword accepted (see docs/postgres-connections.md).
 * @example const pool = new pg.Pool(pgPoolConfig("ecommercedb"));
 */
export function pgPoolConfig(name: string, env: Environment = process.env): PoolConfig {
  return pgConnectionSettings(name, env).config;
}

/**
 * The connection string injected as `ConnectionStrings__<name>` read completely: pg options, the
 * Npgsql keywords pg cannot honour, and the logging switches.
 * @example const { config, ignored } = pgConnectionSettings("ecommercedb");
 */
export function pgConnectionSettings(name: string, env: Environment = process.env): PgConnectionSettings {
  const variable = connectionStringVariable(name);
  return pgSettingsFrom(parseConnectionString(connectionString(name, env), variable), variable);
}

export function pgSettingsFrom(parsed: ParsedConnectionString, variable: string): PgConnectionSettings {
  if (parsed.scheme !== undefined && parsed.scheme !== "postgres" && parsed.scheme !== "postgresql") {
    throw malformed(variable, `scheme '${parsed.scheme}://' is not PostgreSQL (expected postgresql://)`);
  }
  if (parsed.host === undefined) throw malformed(variable, "it names no host (Host=... or postgresql://user@host/...)");
  if (parsed.database === undefined) throw malformed(variable, "it names no database (Database=... or .../database)");
  const draft: PgSettingsDraft = {
    pool: { host: parsed.host, port: parsed.port ?? DEFAULT_POSTGRES_PORT, database: parsed.database, user: parsed.username, password: parsed.password },
    ssl: {},
    serverOptions: [],
    includeErrorDetail: false,
    logParameters: false,
  };
  draft.pool.connectionTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_SECONDS * 1000;
  const ignored: { keyword: string; reason: string }[] = [];
  for (const option of parsed.options.values()) {
    const keyword = npgsqlKeyword(option.key);
    if (keyword === undefined) {
      throw malformed(variable, `keyword '${option.key}' is not an Npgsql connection-string keyword; remove it or fix its spelling (docs/postgres-connections.md lists them)`);
    }
    if (typeof keyword.effect === "function") keyword.effect(draft, option, variable);
    else ignored.push({ keyword: keyword.name, reason: keyword.effect.ignored });
  }
  const { min, max } = draft.pool;
  if (min !== undefined && max !== undefined && min > max) {
    throw malformed(variable, `Minimum Pool Size (${min}) is larger than Maximum Pool Size (${max})`);
  }
  if (min !== undefined && max === undefined && min > 10) {
    throw malformed(variable, `Minimum Pool Size (${min}) is larger than pg's default Maximum Pool Size (10); set Maximum Pool Size too`);
  }
  const config: PoolConfig = { ...draft.pool, ...sslOption(draft.ssl) };
  if (draft.serverOptions.length > 0) config.options = draft.serverOptions.join(" ");
  return { config: withoutUndefined(config), ignored, includeErrorDetail: draft.includeErrorDetail, logParameters: draft.logParameters };
}

/** SSL Mode with Trust Server Certificate, Root Certificate and the client certificate as Node TLS options. */
function sslOption(ssl: PgSettingsDraft["ssl"]): Pick<PoolConfig, "ssl"> {
  const certificates: ConnectionOptions = withoutUndefined({ ca: ssl.ca, cert: ssl.cert, key: ssl.key, passphrase: ssl.passphrase });
  switch (ssl.mode) {
    case undefined:
    case "Disable":
    case "Allow":
    case "Prefer":
      return {};
    case "Require":
      // As in Npgsql 6+, Require encrypts without checking the certificate, unless a root certificate is given.
      return { ssl: { ...certificates, rejectUnauthorized: ssl.ca !== undefined && ssl.trust !== true } };
    case "VerifyCA":
      return { ssl: { ...certificates, rejectUnauthorized: ssl.trust !== true, checkServerIdentity: () => undefined } };
    case "VerifyFull":
      return { ssl: { ...certificates, rejectUnauthorized: ssl.trust !== true } };
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
