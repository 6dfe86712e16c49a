import pg from "pg";
import type { PoolClient, PoolConfig, QueryResult, QueryResultRow } from "pg";
import { connectionString, connectionStringVariable, type Environment } from "../connection-strings/connection-string.js";
import { parseConnectionString } from "../connection-strings/parse-connection-string.js";
import { pgPoolConfigFrom } from "../connection-strings/pg-pool-config.js";
import type { LoggerLike } from "../logging/logger-like.js";
import type { ServiceMetrics } from "../metrics/service-metrics.js";
import { describeError } from "../resilience/describe-error.js";
import type { BreakerOptions, RetryOptions } from "../resilience/resilience-options.js";
import { resolveResilience } from "../resilience/resilience-options.js";
import { createResiliencePolicy, type CircuitStateName } from "../resilience/resilience-policy.js";
import { instrumentedClientClass } from "./instrumented-client.js";
import { isTransientDatabaseError } from "./transient-errors.js";

export interface PgPoolOptions {
  readonly logger: LoggerLike;
  readonly metrics?: ServiceMetrics;
  readonly env?: Environment;
  readonly retry?: Partial<RetryOptions>;
  readonly breaker?: Partial<BreakerOptions>;
  /** Overrides the connection string's settings, e.g. the user and password of a least-privilege role. */
  readonly config?: Partial<PoolConfig>;
}

/** A pg pool whose queries go through retry and a circuit breaker. */
export interface ResilientPool {
  /** The connection name (`ecommercedb`). */
  readonly name: string;
  /** The bare pool, for probes and tools that must not be retried. */
  readonly pool: pg.Pool;
  readonly circuitState: CircuitStateName;
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
  const config = { ...pgPoolConfigFrom(parseConnectionString(connectionString(name, options.env), variable), variable), ...options.config };
  const pool = new pg.Pool({
    ...config,
    ...(options.metrics === undefined ? {} : { Client: instrumentedClientClass(options.metrics, name) }),
  });
  const what = `database '${name}' (${config.host}:${config.port}/${config.database} as ${config.user ?? "?"})`;
  // Without a listener an idle client's error (server restarted) would crash the process.
  pool.on("error", (error) => options.logger.warn({ dependency: name }, `${what}: idle connection lost: ${describeError(error)}`));
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
    query<R extends QueryResultRow>(text: string, values?: readonly unknown[]) {
      return policy.execute(() => timed(() => pool.query<R>(text, values as unknown[] | undefined)));
    },
    transaction<T>(fn: (client: PoolClient) => Promise<T>) {
      return policy.execute(() => timed(() => inTransaction(pool, fn)));
    },
    end: () => pool.end(),
  };
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
