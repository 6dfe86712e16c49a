import { Redis, type RedisOptions } from "ioredis";
import type { Environment } from "../connection-strings/connection-string.js";
import { redisOptions } from "../connection-strings/redis-options.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { describeError } from "../resilience/describe-error.js";

export interface CreateRedisOptions {
  readonly logger: LoggerLike;
  readonly env?: Environment;
  /** Reconnect back-off: doubles from `initialDelayMs` (100 ms) up to `maxDelayMs` (30 s), forever. */
  readonly reconnect?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number };
  /** Overrides for ioredis (e.g. `commandTimeout`). */
  readonly options?: RedisOptions;
}

/**
 * An ioredis client for `ConnectionStrings__<name>` that reconnects forever with capped back-off,
 * bounds every command (5 s, 2 retries across reconnects) so callers fail fast during an outage,
 * and logs losing and regaining the connection once each rather than every failed attempt.
 * @example const cache = createRedis("cache", { logger });
 */
export function createRedis(name: string, options: CreateRedisOptions): Redis {
  const base = redisOptions(name, options.env);
  const initialDelayMs = options.reconnect?.initialDelayMs ?? 100;
  const maxDelayMs = options.reconnect?.maxDelayMs ?? 30_000;
  const redis = new Redis({
    ...base,
    connectionName: name,
    connectTimeout: 10_000,
    commandTimeout: 5_000,
    maxRetriesPerRequest: 2,
    retryStrategy: (times) => Math.min(initialDelayMs * 2 ** (times - 1), maxDelayMs),
    ...options.options,
  });
  const what = `cache '${name}' (${base.host}:${base.port})`;
  let connected = false;
  let everConnected = false;
  let lastError: string | undefined;
  redis.on("ready", () => {
    options.logger.info({ dependency: name }, `${what}: ${everConnected ? "reconnected" : "connected"}`);
    connected = everConnected = true;
    lastError = undefined;
  });
  redis.on("error", (error: unknown) => {
    const reason = describeError(error);
    if (reason !== lastError) options.logger.warn({ dependency: name }, `${what}: ${reason}`);
    lastError = reason;
  });
  redis.on("close", () => {
    if (connected) options.logger.warn({ dependency: name }, `${what}: connection lost; reconnecting`);
    connected = false;
  });
  return redis;
}
