// What a Node service started by a bosun AppHost imports. Each export is listed by name.
export { ServiceDefaultsError, DependencyUnavailableError, type ServiceDefaultsErrorCode } from "./errors/service-defaults-error.js";

export { connectionString, connectionStringVariable, type Environment } from "./connection-strings/connection-string.js";
export { parseConnectionString, type ParsedConnectionString } from "./connection-strings/parse-connection-string.js";
export {
  pgPoolConfig,
  pgConnectionSettings,
  DEFAULT_POSTGRES_PORT,
  DEFAULT_CONNECT_TIMEOUT_SECONDS,
  type PgConnectionSettings,
} from "./connection-strings/pg-pool-config.js";
export { redisOptions, DEFAULT_REDIS_PORT } from "./connection-strings/redis-options.js";
export { amqpUrl } from "./connection-strings/amqp-url.js";

export { createPgPool, type PgPoolOptions, type ResilientPool } from "./postgres/create-pg-pool.js";
export { isTransientDatabaseError } from "./postgres/transient-errors.js";
export { DEFAULT_SLOW_STATEMENT_MS, type QueryLoggingOptions } from "./postgres/query-log-settings.js";
export { asRoutineStatements } from "./postgres/query-log.js";
export { createRedis, type CreateRedisOptions } from "./redis/create-redis.js";
export { connectAmqp, type ConnectAmqpOptions } from "./amqp/connect-amqp.js";
export type { AmqpConnection } from "./amqp/amqp-connection.js";

export { createResiliencePolicy, type ResiliencePolicy, type ResiliencePolicyOptions, type CircuitStateName } from "./resilience/resilience-policy.js";
export {
  DEFAULT_BREAKER,
  DEFAULT_RESILIENCE,
  DEFAULT_RETRY,
  resolveResilience,
  type BreakerOptions,
  type ResilienceOptions,
  type RetryOptions,
} from "./resilience/resilience-options.js";

export type { HealthCheck, HealthCheckResult, HealthDetail, HealthReport, HealthStatus } from "./health/health-check.js";
export { runHealthChecks, healthStatusCode, DEFAULT_HEALTH_CHECK_TIMEOUT_MS, type RunHealthChecksOptions } from "./health/run-health-checks.js";
export { healthHandler } from "./health/health-handler.js";
export { pgHealthCheck, redisHealthCheck, amqpHealthCheck, type PgHealthCheckOptions } from "./health/dependency-checks.js";

export { createLogger, type CreateLoggerOptions } from "./logging/create-logger.js";
export { REDACTED_KEYS, REDACTION_CENSOR, redactionPaths } from "./logging/redaction.js";
export type { LoggerLike } from "./logging/logger-like.js";

export { createMetrics, type CreateMetricsOptions, type ServiceMetrics } from "./metrics/service-metrics.js";
export { metricsHandler } from "./metrics/metrics-handler.js";
