import { createBuilder as createCoreBuilder, type BuilderOptions } from "@bosun/hosting";
import { postgres } from "@bosun/postgres";
import { rabbitmq } from "@bosun/rabbitmq";
import { redis } from "@bosun/redis";

/**
 * The AppHost builder with the first-party integrations (PostgreSQL, Redis, RabbitMQ).
 * @example const builder = createBuilder(); builder.addPostgres("postgres").addDatabase("appdb")
 */
export function createBuilder(options: BuilderOptions = {}) {
  return createCoreBuilder(options).use(postgres).use(redis).use(rabbitmq);
}

/** The builder type `createBuilder()` returns. */
export type AppBuilder = ReturnType<typeof createBuilder>;

export {
  DistributedApplicationBuilder,
  DistributedApplication,
  ResourceBuilder,
  defineExtension,
  expr,
  uri,
  BosunError,
  ValidationError,
  type BuilderExtension,
  type BuilderOptions,
  type Manifest,
} from "@bosun/hosting";
export { postgres, PostgresServerBuilder, type PostgresOptions } from "@bosun/postgres";
export { redis, RedisBuilder, type RedisOptions } from "@bosun/redis";
export { rabbitmq, RabbitMQBuilder, type RabbitMQOptions } from "@bosun/rabbitmq";
