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
    expect(Object.keys(referenceManifest().resources)).toEqual([
      "postgres-password",
      "postgres",
      "postgres-pgadmin",
      "ecommercedb",
      "cache-password",
      "cache",
      "messaging-password",
      "messaging",
      "auth-api",
      "gateway",
      "frontend",
    ]);
  });

  it("injects the database, cache and broker connection strings into auth-api", () => {
    const env = referenceManifest().resources["auth-api"]?.env ?? {};
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(["PORT", "ConnectionStrings__ecommercedb", "ECOMMERCEDB_URI", "ConnectionStrings__cache", "ConnectionStrings__messaging"]),
    );
    expect(env).toMatchObject({
      PORT: "{auth-api.bindings.http.targetPort}",
      ConnectionStrings__ecommercedb: "postgresql://postgres:{postgres-password.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/ecommercedb",
      ECOMMERCEDB_URI: "postgresql://postgres:{postgres-password.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/ecommercedb",
      ConnectionStrings__cache: "redis://:{cache-password.value}@{cache.bindings.tcp.host}:{cache.bindings.tcp.port}",
      ConnectionStrings__messaging: "amqp://guest:{messaging-password.value}@{messaging.bindings.tcp.host}:{messaging.bindings.tcp.port}",
    });
  });

  it("makes auth-api wait for the database, cache and broker to be healthy", () => {
    const authApi = referenceManifest().resources["auth-api"];
    expect(authApi?.waitFor).toEqual([
      { resource: "ecommercedb", condition: "healthy" },
      { resource: "cache", condition: "healthy" },
      { resource: "messaging", condition: "healthy" },
    ]);
    expect(authApi?.references).toEqual(["ecommercedb", "cache", "messaging"]);
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
  });
});
