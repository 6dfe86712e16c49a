import type { PoolConfig } from "pg";
import { connectionString, connectionStringVariable, malformed, type Environment } from "./connection-string.js";
import { parseConnectionString, type ParsedConnectionString } from "./parse-connection-string.js";

export const DEFAULT_POSTGRES_PORT = 5432;
/** Npgsql's default `Timeout` (seconds to open a connection); pg's own default is to wait forever. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 15;

type Option = { readonly key: string; readonly value: string };
type OptionMapper = (option: Option, variable: string) => Partial<PoolConfig>;

const seconds = (option: Option, variable: string) => wholeNumber(option, variable);
/** Npgsql keywords (and libpq URI parameters) mapped onto pg pool and client options. */
const POOL_KEYWORDS: Readonly<Record<string, OptionMapper>> = {
  pooling: (option, variable) => (flag(option, variable) ? {} : { maxUses: 1 }),
  minpoolsize: (option, variable) => ({ min: wholeNumber(option, variable) }),
  maxpoolsize: (option, variable) => ({ max: positive(option, variable) }),
  connectionlifetime: (option, variable) => ({ maxLifetimeSeconds: seconds(option, variable) }),
  connectionidlelifetime: (option, variable) => ({ idleTimeoutMillis: seconds(option, variable) * 1000 }),
  commandtimeout: (option, variable) => commandTimeout(seconds(option, variable)),
  timeout: (option, variable) => ({ connectionTimeoutMillis: seconds(option, variable) * 1000 }),
  connecttimeout: (option, variable) => ({ connectionTimeoutMillis: seconds(option, variable) * 1000 }),
  applicationname: (option) => ({ application_name: option.value }),
  keepalive: (option, variable) => keepAlive(seconds(option, variable)),
  sslmode: (option, variable) => sslMode(option, variable),
};
/** Accepted so Npgsql strings work unchanged, but with no pg equivalent. */
const IGNORED_KEYWORDS = new Set(["includeerrordetail", "trustservercertificate", "enlist", "multiplexing", "schema"]);

/**
 * pg pool options for the PostgreSQL connection string injected as `ConnectionStrings__<name>`.
 * Accepts a URI or the keyword form; `MinPoolSize`, `MaxPoolSize`, `ConnectionLifetime`,
 * `ConnectionIdleLifetime`, `CommandTimeout`, `Timeout`, `Pooling`, `SSL Mode` become pool options.
 * @example const pool = new pg.Pool(pgPoolConfig("ecommercedb"));
 */
export function pgPoolConfig(name: string, env: Environment = process.env): PoolConfig {
  const variable = connectionStringVariable(name);
  return pgPoolConfigFrom(parseConnectionString(connectionString(name, env), variable), variable);
}

export function pgPoolConfigFrom(parsed: ParsedConnectionString, variable: string): PoolConfig {
  if (parsed.scheme !== undefined && parsed.scheme !== "postgres" && parsed.scheme !== "postgresql") {
    throw malformed(variable, `scheme '${parsed.scheme}://' is not PostgreSQL (expected postgresql://)`);
  }
  if (parsed.host === undefined) throw malformed(variable, "it names no host (Host=... or postgresql://user@host/...)");
  if (parsed.database === undefined) throw malformed(variable, "it names no database (Database=... or .../database)");
  let config: PoolConfig = {
    host: parsed.host,
    port: parsed.port ?? DEFAULT_POSTGRES_PORT,
    database: parsed.database,
    user: parsed.username,
    password: parsed.password,
    connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_SECONDS * 1000,
  };
  for (const [keyword, option] of parsed.options) {
    const mapper = POOL_KEYWORDS[keyword];
    if (mapper !== undefined) config = { ...config, ...mapper(option, variable) };
    else if (!IGNORED_KEYWORDS.has(keyword)) throw malformed(variable, `keyword '${option.key}' is not supported`);
  }
  if (config.min !== undefined && config.max !== undefined && config.min > config.max) {
    throw malformed(variable, `MinPoolSize (${config.min}) is larger than MaxPoolSize (${config.max})`);
  }
  return config;
}

/** Server-side `statement_timeout`, plus a client-side read timeout a second later for a server that stopped answering. */
function commandTimeout(timeoutSeconds: number): Partial<PoolConfig> {
  if (timeoutSeconds === 0) return {};
  return { statement_timeout: timeoutSeconds * 1000, query_timeout: timeoutSeconds * 1000 + 1000 };
}

function keepAlive(intervalSeconds: number): Partial<PoolConfig> {
  return intervalSeconds === 0 ? {} : { keepAlive: true, keepAliveInitialDelayMillis: intervalSeconds * 1000 };
}

function sslMode(option: Option, variable: string): Partial<PoolConfig> {
  switch (option.value.toLowerCase().replace(/[-_\s]/g, "")) {
    case "disable":
    case "allow":
    case "prefer":
      return {};
    case "require":
      return { ssl: { rejectUnauthorized: false } };
    case "verifyca":
    case "verifyfull":
      return { ssl: { rejectUnauthorized: true } };
    default:
      throw malformed(variable, `'${option.key}' must be Disable, Allow, Prefer, Require, VerifyCA or VerifyFull, got '${option.value}'`);
  }
}

function wholeNumber(option: Option, variable: string): number {
  if (!/^\d+$/.test(option.value.trim())) {
    throw malformed(variable, `'${option.key}' must be a whole number, got '${option.value}'`);
  }
  return Number(option.value);
}

function positive(option: Option, variable: string): number {
  const value = wholeNumber(option, variable);
  if (value === 0) throw malformed(variable, `'${option.key}' must be at least 1`);
  return value;
}

function flag(option: Option, variable: string): boolean {
  const value = option.value.trim().toLowerCase();
  if (value === "true" || value === "yes" || value === "1") return true;
  if (value === "false" || value === "no" || value === "0") return false;
  throw malformed(variable, `'${option.key}' must be true or false, got '${option.value}'`);
}
