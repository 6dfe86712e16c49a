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
