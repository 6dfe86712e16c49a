import type { Redis } from "ioredis";
import type { QueryResult, QueryResultRow } from "pg";
import type { AmqpConnection } from "../amqp/amqp-connection.js";
import type { ResilientPool } from "../postgres/create-pg-pool.js";
import type { HealthCheck, HealthDetail } from "./health-check.js";

type Query = <R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]) => Promise<QueryResult<R>>;

export interface PgHealthCheckOptions {
  /** Defaults to `database`. */
  readonly name?: string;
  /** Extra facts for the report, queried on the bare pool: `async (query) => ({ users: ... })`. */
  readonly detail?: (query: Query) => Promise<HealthDetail>;
}

/**
 * Checks the database with `SELECT 1` on the bare pool (no retries: a probe must answer now) and
 * reports the circuit's state, the pool's settings and counts, plus any `detail`.
 * @example pgHealthCheck(db, { detail: async (query) => ({ users: await countUsers(query) }) })
 */
export function pgHealthCheck(db: ResilientPool, options: PgHealthCheckOptions = {}): HealthCheck {
  const query: Query = (text, values) => db.pool.query(text, values);
  return {
    name: options.name ?? "database",
    async check() {
      await query("SELECT 1");
      return { circuit: db.circuitState, pool: poolDetail(db), ...(options.detail ? await options.detail(query) : {}) };
    },
  };
}

/** The pool's limits and timeout as configured, and its connections now. */
function poolDetail(db: ResilientPool): HealthDetail {
  const { pool } = db;
  const { min, max, statement_timeout: statementTimeout } = pool.options as { min?: number; max?: number; statement_timeout?: number };
  return { min: min ?? 0, max: max ?? 10, statementTimeoutMs: statementTimeout ?? 0, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/** Checks Redis with PING. @example redisHealthCheck(cache) */
export function redisHealthCheck(redis: Redis, name = "cache"): HealthCheck {
  return {
    name,
    async check() {
      if (redis.status !== "ready") throw new Error(`not connected (${redis.status})`);
      const answer = await redis.ping();
      if (answer !== "PONG") throw new Error(`PING answered ${answer}`);
    },
  };
}

/** Checks that the AMQP connection and its channel are open. @example amqpHealthCheck(bus) */
export function amqpHealthCheck(connection: AmqpConnection, name = "messaging"): HealthCheck {
  return {
    name,
    async check() {
      if (!connection.isConnected) throw new Error(`not connected${connection.lastError ? ` (${connection.lastError})` : ""}`);
    },
  };
}
