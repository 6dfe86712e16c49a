import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The metrics service-defaults records, on a registry owned by the service (no global registry). */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Physical connections pg tried to open, by connection name. */
  readonly databaseConnectionAttempts: Counter<"database">;
  /** Of those, the ones that failed. */
  readonly databaseConnectionFailures: Counter<"database">;
  /** Each query attempt's duration, by connection name and outcome (`success` or `error`). */
  readonly databaseQueryDuration: Histogram<"database" | "outcome">;
}

export interface CreateMetricsOptions {
  /** Added as the `service` label to every metric. */
  readonly serviceName: string;
  readonly registry?: Registry;
  /** Also collect Node's process metrics (event loop lag, heap, GC); on by default. */
  readonly processMetrics?: boolean;
}

const QUERY_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * A registry with the database metrics (`database_connection_attempts_total`,
 * `database_connection_failures_total`, `database_query_duration_seconds`) and Node's process metrics.
 * @example const metrics = createMetrics({ serviceName: "auth-api" });
 */
export function createMetrics(options: CreateMetricsOptions): ServiceMetrics {
  const registry = options.registry ?? new Registry();
  registry.setDefaultLabels({ service: options.serviceName });
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    databaseConnectionAttempts: new Counter({
      name: "database_connection_attempts_total",
      help: "Connections the database client tried to open",
      labelNames: ["database"],
      registers: [registry],
    }),
    databaseConnectionFailures: new Counter({
      name: "database_connection_failures_total",
      help: "Connections the database client failed to open",
      labelNames: ["database"],
      registers: [registry],
    }),
    databaseQueryDuration: new Histogram({
      name: "database_query_duration_seconds",
      help: "Duration of each database query attempt",
      labelNames: ["database", "outcome"],
      buckets: QUERY_BUCKETS_SECONDS,
      registers: [registry],
    }),
  };
}
