import pg from "pg";
import type { PoolClient, PoolConfig, QueryResult, QueryResultRow } from "pg";
import { connectionString, connectionStringVariable, type Environment } from "../connection-strings/connection-string.js";
import type { PgConnectionSettings } from "../connection-strings/pg-pool-config.js";
import { parseConnectionString } from "../connection-strings/parse-connection-string.js";
import { pgSettingsFrom } from "../connection-strings/pg-pool-config.js";
import type { LoggerLike } from "../logging/logger-like.js";
import type { ServiceMetrics } from "../metrics/service-metrics.js";
import { describeError } from "../resilience/describe-error.js";
import type { BreakerOptions, RetryOptions } from "../resilience/resilience-options.js";
import { resolveResilience } from "../resilience/resilience-options.js";
import { createResiliencePolicy, type CircuitStateName } from "../resilience/resilience-policy.js";
import { guardedClientClass } from "./guarded-client.js";
import { instrumentedClientClass } from "./instrumented-client.js";
import { loggingClientClass } from "./logging-client.js";
import { keepMinimumIdle } from "./pool-warmer.js";
import { queryLogSettings, type QueryLoggingOptions } from "./query-log-settings.js";
import { isTransientDatabaseError } from "./transient-errors.js";

export interface PgPoolOptions {
  readonly logger: LoggerLike;
  readonly metrics?: ServiceMetrics;
  readonly env?: Environment;
  readonly retry?: Partial<RetryOptions>;
  readonly breaker?: Partial<BreakerOptions>;
  /** Overrides the connection string's settings, e.g. the user and password of a least-privilege role. */
  readonly config?: Partial<PoolConfig>;
  /** Statement logging (on by default, at info; see docs/postgres-connections.md). */
  readonly queryLogging?: QueryLoggingOptions;
}

/** A pg pool whose queries go through retry and a circuit breaker. */
export interface ResilientPool {
  /** The connection name (`ecommercedb`). */
  readonly name: string;
  /** The bare pool, for probes and tools that must not be retried. */
  readonly pool: pg.Pool;
  readonly circuitState: CircuitStateName;
  /** Settles once the pool holds `Minimum Pool Size` connections (at once when there is no minimum). */
  readonly warmed: Promise<void>;
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs `fn` in BEGIN/COMMIT on one client (ROLLBACK on error); the whole transaction is retried on a lost connection. */
  transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

/**
 * A pg pool for `ConnectionStrings__<name>` wrapped in retry (3 retries, 2^n s, only on connection
 * errors and timeouts) and a circuit breaker (opens after 5 consecutive failures, half-opens after 1 min).
 * @example const db = createPgPool("ecommercedb", { logger, metrics });
 */
export function createPgPool(name: string, options: PgPoolOptions): ResilientPool {
  const variable = connectionStringVariable(name);
  const env = options.env ?? process.env;
  const connection = pgSettingsFrom(parseConnectionString(connectionString(name, env), variable), variable);
  const config = { ...connection.config, ...options.config };
  const what = `database '${name}' (${config.host}:${config.port}/${config.database} as ${config.user ?? "?"})`;
  for (const { keyword, reason } of connection.ignored) {
    options.logger.info({ dependency: name, keyword }, `${variable}: '${keyword}' is ignored: ${reason}`);
  }
  const Client = guardedClientClass(clientClass(name, connection, options, env), (error) =>
    options.logger.warn({ dependency: name }, `${what}: connection lost while checked out: ${describeError(error)}; its queries fail and the pool discards it`),
  );
  const pool = new pg.Pool({ ...config, Client });
  // Without a listener an idle client's error (server restarted) would crash the process.
  pool.on("error", (error) => options.logger.warn({ dependency: name }, `${what}: idle connection lost: ${describeError(error)}`));
  // An override of `max` (a migration tool's single connection) caps the minimum too.
  const min = Math.min(config.min ?? 0, config.max ?? 10);
  const warmer = keepMinimumIdle(pool, min, (error) =>
    options.logger.warn({ dependency: name }, `${what}: could not open the pool's minimum of ${min} connections: ${describeError(error)}`),
  );
  const policy = createResiliencePolicy({
    ...resolveResilience(options),
    dependency: name,
    what,
    isTransient: isTransientDatabaseError,
    logger: options.logger,
  });
  const timed = async <T>(run: () => Promise<T>): Promise<T> => {
    const stop = options.metrics?.databaseQueryDuration.startTimer({ database: name });
    try {
      const result = await run();
      stop?.({ outcome: "success" });
      return result;
    } catch (error) {
      stop?.({ outcome: "error" });
      throw error;
    }
  };

  return {
    name,
    pool,
    get circuitState() {
      return policy.circuitState;
    },
    warmed: warmer.warmed,
    query<R extends QueryResultRow>(text: string, values?: readonly unknown[]) {
      return policy.execute(() => timed(() => pool.query<R>(text, values as unknown[] | undefined)));
    },
    transaction<T>(fn: (client: PoolClient) => Promise<T>) {
      return policy.execute(() => timed(() => inTransaction(pool, fn)));
    },
    end: () => {
      warmer.stop();
      return pool.end();
    },
  };
}

/** pg's Client, logging statements unless turned off, counting connections when metrics are given. */
function clientClass(name: string, connection: PgConnectionSettings, options: PgPoolOptions, env: Environment): typeof pg.Client {
  const logging = options.queryLogging ?? {};
  const { settings, refused } = queryLogSettings(name, connection, logging, env);
  if (refused) options.logger.warn({ dependency: name }, "sensitive-data logging (LOG_SENSITIVE_DATA, Log Parameters) is refused when NODE_ENV=production; parameters stay hidden");
  const logged = logging.enabled === false ? pg.Client : loggingClientClass(pg.Client, options.logger, settings);
  return options.metrics === undefined ? logged : instrumentedClientClass(options.metrics, name, logged);
}

async function inTransaction<T>(pool: pg.Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    if (isTransientDatabaseError(error)) broken = error as Error;
    else await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A client whose connection broke is destroyed, not returned to the pool.
    client.release(broken);
  }
}
