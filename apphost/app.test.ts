import path from "node:path";
import { fileURLToPath } from "node:url";
import { createBuilder } from "bosun";
import { describe, expect, it } from "vitest";
import { defineApp } from "./app.js";

const APPHOST_DIRECTORY = path.dirname(fileURLToPath(import.meta.url));

function referenceManifest() {
  const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY });
  defineApp(builder);
  return builder.build().manifest();
}

describe("the reference AppHost", () => {
  it("builds the e-commerce model without a validation problem", () => {
    // pgAdmin's own login parameters (postgres-pgadmin-*) are the postgres package's to check.
    expect(Object.keys(referenceManifest().resources).filter((name) => !name.startsWith("postgres-pgadmin-"))).toEqual([
      "postgres-password",
      "postgres",
      "postgres-pgadmin",
      "ecommercedb",
      "cache-password",
      "cache",
      "messaging-password",
      "messaging",
      "auth-api-db-password",
      "auth-api-jwt-key",
      "auth-api-migrations",
      "auth-api-migrate",
      "auth-api",
      "gateway",
      "frontend",
    ]);
  });

  it("gives auth-api the least-privilege role's connection string with the design document's pool settings, and no owner credentials", () => {
    const env = referenceManifest().resources["auth-api"]?.env ?? {};
    const options = "?Pooling=true&MinPoolSize=5&MaxPoolSize=100&ConnectionLifetime=300&ConnectionIdleLifetime=60&ConnectionPruningInterval=10&CommandTimeout=30&IncludeErrorDetail=true";
    expect(env).toEqual({
      PORT: "{auth-api.bindings.http.targetPort}",
      ConnectionStrings__ecommercedb: `postgresql://auth_app:{auth-api-db-password.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/ecommercedb${options}`,
      AUTH_JWT_SECRET: "{auth-api-jwt-key.value}",
      ConnectionStrings__cache: "redis://:{cache-password.value}@{cache.bindings.tcp.host}:{cache.bindings.tcp.port}",
      CACHE_HOST: "{cache.bindings.tcp.host}",
      CACHE_PORT: "{cache.bindings.tcp.port}",
      CACHE_PASSWORD: "{cache-password.value}",
      CACHE_URI: "redis://:{cache-password.value}@{cache.bindings.tcp.host}:{cache.bindings.tcp.port}",
      ConnectionStrings__messaging: "amqp://guest:{messaging-password.value}@{messaging.bindings.tcp.host}:{messaging.bindings.tcp.port}",
      MESSAGING_HOST: "{messaging.bindings.tcp.host}",
      MESSAGING_PORT: "{messaging.bindings.tcp.port}",
      MESSAGING_USERNAME: "guest",
      MESSAGING_PASSWORD: "{messaging-password.value}",
      MESSAGING_URI: "amqp://guest:{messaging-password.value}@{messaging.bindings.tcp.host}:{messaging.bindings.tcp.port}",
    });
    expect(JSON.stringify(env)).not.toContain("postgres-password");
  });

  it("runs the migrations as the owner in a job that creates the role with auth-api's generated password", () => {
    const job = referenceManifest().resources["auth-api-migrate"];
    expect(job).toMatchObject({ command: "node", workingDirectory: "../examples/ecommerce/auth-api", args: ["src/migrate.ts"] });
    expect(job?.env).toMatchObject({
      ConnectionStrings__ecommercedb: expect.stringMatching(/^postgresql:\/\/postgres:\{postgres-password\.value\}@.*\/ecommercedb\?Pooling=true/),
      AUTH_DB_APP_ROLE: "auth_app",
      AUTH_DB_APP_PASSWORD: "{auth-api-db-password.value}",
      AUTH_MIGRATIONS: "{auth-api-migrations.value}",
    });
    expect(job?.waitFor).toEqual([{ resource: "ecommercedb", condition: "healthy" }]);
  });

  it("makes auth-api wait for the migration job's success (which waited for the database), the cache and the broker", () => {
    const authApi = referenceManifest().resources["auth-api"];
    expect(authApi?.waitFor).toEqual([
      { resource: "auth-api-migrate", condition: "completed", exitCode: 0 },
      { resource: "cache", condition: "healthy" },
      { resource: "messaging", condition: "healthy" },
    ]);
    expect(authApi?.references).toEqual(["cache", "messaging"]);
  });

  it("tells the gateway where auth-api listens", () => {
    const gateway = referenceManifest().resources.gateway;
    expect(gateway?.env).toEqual({
      PORT: "{gateway.bindings.http.targetPort}",
      "services__auth-api__http__0": "{auth-api.bindings.http.url}",
      AUTH_API_HTTP: "{auth-api.bindings.http.url}",
    });
    expect(gateway?.waitFor).toEqual([{ resource: "auth-api", condition: "healthy" }]);
  });

  it("pins the ports, image tag, container name and data volume DESIGN.md asks for", () => {
    const { resources } = referenceManifest();
    expect(resources.postgres).toMatchObject({
      image: "docker.io/library/postgres:15-alpine",
      containerName: "ecommerce-postgres",
      bindings: { tcp: { port: 5433, targetPort: 5432 } },
      volumes: [{ target: "/var/lib/postgresql/data", readOnly: false }],
    });
    expect(resources["postgres-pgadmin"]?.bindings?.http?.port).toBe(5051);
    expect(resources.cache?.bindings?.tcp?.port).toBe(6381);
    expect(resources.messaging?.image).toBe("docker.io/library/rabbitmq:4.2-management");
    expect(resources["auth-api"]).toMatchObject({ command: "node", workingDirectory: "../examples/ecommerce/auth-api", args: ["src/index.ts"] });
  });

  it("shows no generated password, only placeholders for them", () => {
    const { resources } = referenceManifest();
    for (const name of ["postgres-password", "cache-password", "messaging-password"]) {
      expect(resources[name]?.inputs).toEqual({ value: { type: "string", secret: true, default: { generate: { minLength: 22 } } } });
    }
    expect(resources["auth-api-db-password"]?.inputs).toEqual({ value: { type: "string", secret: true, default: { generate: { minLength: 32 } } } });
    expect(resources["auth-api-jwt-key"]?.inputs).toEqual({ value: { type: "string", secret: true, default: { generate: { minLength: 43 } } } });
  });
});
