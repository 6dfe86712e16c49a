import type { RedisOptions } from "ioredis";
import { connectionString, connectionStringVariable, malformed, type Environment } from "./connection-string.js";
import { parseConnectionString } from "./parse-connection-string.js";

export const DEFAULT_REDIS_PORT = 6379;

/**
 * ioredis options for the Redis connection string injected as `ConnectionStrings__<name>`:
 * a URI (`redis://:password@host:6379/0`, `rediss://` for TLS) or the StackExchange.Redis form
 * .NET Aspire uses (`host:6379,password=...,ssl=true`).
 * @example const redis = new Redis(redisOptions("cache"));
 */
export function redisOptions(name: string, env: Environment = process.env): RedisOptions {
  const variable = connectionStringVariable(name);
  const value = connectionString(name, env);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? fromUri(value, variable) : fromStackExchange(value, variable);
}

function fromUri(value: string, variable: string): RedisOptions {
  const parsed = parseConnectionString(value, variable);
  if (parsed.scheme !== "redis" && parsed.scheme !== "rediss") {
    throw malformed(variable, `scheme '${parsed.scheme}://' is not Redis (expected redis:// or rediss://)`);
  }
  if (parsed.host === undefined) throw malformed(variable, "it names no host (redis://:password@host:port)");
  const db = parsed.database === undefined ? undefined : Number(parsed.database);
  if (db !== undefined && !Number.isInteger(db)) throw malformed(variable, `the database '${parsed.database}' is not a number`);
  return {
    host: parsed.host,
    port: parsed.port ?? DEFAULT_REDIS_PORT,
    ...(parsed.username === undefined ? {} : { username: parsed.username }),
    ...(parsed.password === undefined ? {} : { password: parsed.password }),
    ...(db === undefined ? {} : { db }),
    ...(parsed.scheme === "rediss" ? { tls: {} } : {}),
  };
}

function fromStackExchange(value: string, variable: string): RedisOptions {
  const [endpoint = "", ...settings] = value.split(",").map((part) => part.trim());
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(endpoint);
  if (match === null) throw malformed(variable, "expected redis://:password@host:port or host:port,password=...");
  const options: RedisOptions = { host: match[1]!.replace(/^\[(.*)\]$/, "$1"), port: Number(match[2] ?? DEFAULT_REDIS_PORT) };
  for (const [index, setting] of settings.entries()) {
    const equals = setting.indexOf("=");
    if (equals === -1) throw malformed(variable, `setting ${index + 1} after the host has no '='`);
    const key = setting.slice(0, equals).trim().toLowerCase();
    const settingValue = setting.slice(equals + 1);
    if (key === "password") options.password = settingValue;
    else if (key === "user") options.username = settingValue;
    else if (key === "ssl" && settingValue.toLowerCase() === "true") options.tls = {};
    else if (key === "defaultdatabase") options.db = Number(settingValue);
  }
  return options;
}
