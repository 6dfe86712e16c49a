import type { AppBuilder } from "bosun";

/**
 * The e-commerce reference stack. Kept in a function so tests can load the model without booting it
 * (`startTestApp(defineApp)`); `index.ts` runs it.
 */
export function defineApp(builder: AppBuilder): void {
  const postgres = builder
    .addPostgres("postgres")
    .withImageTag("15-alpine")
    .withContainerName("ecommerce-postgres")
    .withHostPort(5433)
    .withDataVolume()
    .withPgAdmin((pgadmin) => pgadmin.withHostPort(5051));
  const db = postgres.addDatabase("ecommercedb");
  const cache = builder.addRedis("cache").withHostPort(6381);
  const messaging = builder.addRabbitMQ("messaging").withManagementPlugin();

  const authApi = builder
    .addNodeApp("auth-api", "../examples/ecommerce/auth-api", "src/index.ts")
    .withHttpEndpoint({ env: "PORT" })
    .withHttpHealthCheck("/health")
    .withReference(db)
    .withReference(cache)
    .withReference(messaging)
    .waitFor(db)
    .waitFor(cache)
    .waitFor(messaging);

  const gateway = builder
    .addNodeApp("gateway", "../examples/ecommerce/gateway", "src/index.ts")
    .withHttpEndpoint({ env: "PORT" })
    .withHttpHealthCheck("/health")
    .withReference(authApi)
    .waitFor(authApi);

  builder
    .addNpmApp("frontend", "../examples/ecommerce/frontend", "start")
    .withHttpEndpoint({ env: "PORT" })
    .withHttpHealthCheck("/")
    .withReference(gateway)
    .waitFor(gateway);
}
