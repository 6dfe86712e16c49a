import type { AppBuilder } from "bosun";

/** What a test may change in the reference model. */
export interface ReferenceAppSettings {
  /** Seconds before the server cancels one of ecommercedb's statements; default 30 (the design document's). */
  readonly commandTimeout?: number;
}

/**
 * The e-commerce reference stack. Kept in a function so tests can load the model without booting it
 * (`startTestApp(defineApp)`); `index.ts` runs it.
 */
export function defineApp(builder: AppBuilder, settings: ReferenceAppSettings = {}): void {
  const postgres = builder
    .addPostgres("postgres")
    .withImageTag("15-alpine")
    .withContainerName("ecommerce-postgres")
    .withHostPort(5433)
    .withDataVolume()
    .withPgAdmin((pgadmin) => pgadmin.withHostPort(5051));
  // The design document's pool and timeouts; service-defaults applies them (docs/postgres-connections.md).
  const db = postgres.addDatabase("ecommercedb").withConnectionStringOptions({
    pooling: true,
    minPoolSize: 5,
    maxPoolSize: 100,
    connectionLifetime: 300,
    connectionIdleLifetime: 60,
    connectionPruningInterval: 10,
    commandTimeout: settings.commandTimeout ?? 30,
    includeErrorDetail: true,
  });
  const cache = builder.addRedis("cache").withHostPort(6381);
  const messaging = builder.addRabbitMQ("messaging").withManagementPlugin();

  // auth-api's own secrets: the request role's password and the JWT signing key, neither derived from the owner's.
  const appRolePassword = builder.addParameter("auth-api-db-password", { secret: true, generate: { minLength: 32 } });
  const jwtKey = builder.addParameter("auth-api-jwt-key", { secret: true, generate: { minLength: 43 } });
  // `Parameters__auth_api_migrations="down 0002_create_refresh_tokens"` makes the job roll back instead.
  const migrations = builder.addParameter("auth-api-migrations", { value: "up" });

  // The only holder of the owner's credentials: migrates, creates or updates the role auth_app, exits.
  const migrate = builder
    .addNodeApp("auth-api-migrate", "../examples/ecommerce/auth-api", "src/migrate.ts")
    .withReference(db)
    .withEnvironment("AUTH_DB_APP_ROLE", "auth_app")
    .withEnvironment("AUTH_DB_APP_PASSWORD", appRolePassword)
    .withEnvironment("AUTH_MIGRATIONS", migrations)
    .waitFor(db);

  const authApi = builder
    .addNodeApp("auth-api", "../examples/ecommerce/auth-api", "src/index.ts")
    .withHttpEndpoint({ env: "PORT" })
    .withHttpHealthCheck("/health")
    .withEnvironment("ConnectionStrings__ecommercedb", db.resource.connectionStringFor("auth_app", appRolePassword.resource))
    .withEnvironment("AUTH_JWT_SECRET", jwtKey)
    .withReference(cache)
    .withReference(messaging)
    // The job waited for the database; waiting for it here too would hand auth-api the owner's
    // credentials wherever a publisher probes the database from the waiting container (Swarm).
    .waitForCompletion(migrate)
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
