import { createBuilder, createRuntimeResolver, renderEnvironment, renderFiles, staticRuntimeValues, type Resource } from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { postgres, PgAdminResource } from "./index.js";
import { renderPassfile, renderServersJson } from "./pgadmin-files.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/shop/apphost", appName: "shop" }).use(postgres);
}

/** Two servers on the app network, with these passwords, and pgAdmin's own login. */
const runtime = staticRuntimeValues(
  {
    "postgres/tcp": { scheme: "tcp", hostPort: 5433, targetPort: 5432, containerHost: "postgres" },
    "analytics/tcp": { scheme: "tcp", hostPort: 5434, targetPort: 5432, containerHost: "analytics" },
    "postgres-pgadmin/http": { scheme: "http", hostPort: 5051, targetPort: 80, containerHost: "postgres-pgadmin" },
  },
  { "postgres-password": "pw:1\\x", "analytics-password": "pw2", "analytics-user": "reporter", "postgres-pgadmin-email": "admin@example.com", "postgres-pgadmin-password": "login-pw" },
);

function pgAdminIn(resources: readonly Resource[]): PgAdminResource {
  const found = resources.find((r): r is PgAdminResource => r instanceof PgAdminResource);
  if (!found) throw new Error("no pgAdmin in the model");
  return found;
}

/** A model with two servers, pgAdmin asked for by the first before the second exists. */
function twoServers() {
  const builder = newBuilder();
  const main = builder.addPostgres("postgres").withPgAdmin();
  main.addDatabase("ecommercedb");
  const analytics = builder.addPostgres("analytics", { userName: builder.addParameter("analytics-user") });
  return { builder, main, analytics, pgadmin: pgAdminIn(builder.resources) };
}

describe("withPgAdmin", () => {
  it("logs in with an e-mail parameter (default admin@example.com) and a generated secret password, in server mode", () => {
    const { builder, pgadmin } = twoServers();
    expect(pgadmin.email).toMatchObject({ name: "postgres-pgadmin-email", secret: false, defaultValue: "admin@example.com" });
    expect(pgadmin.password).toMatchObject({ name: "postgres-pgadmin-password", secret: true });
    expect(builder.resources).toContain(pgadmin.password);
    const env = renderEnvironment(pgadmin, createRuntimeResolver("container", runtime));
    expect(env).toMatchObject({
      PGADMIN_DEFAULT_EMAIL: "admin@example.com",
      PGADMIN_DEFAULT_PASSWORD: "login-pw",
      PGADMIN_CONFIG_SERVER_MODE: "True",
      PGADMIN_SERVER_JSON_FILE: "/pgadmin4/servers.json",
      PGPASS_FILE: "/pgadmin4/pgpass",
    });
  });

  it("waits for every server of the model, also one added after it", () => {
    const { main, analytics, pgadmin } = twoServers();
    expect(pgadmin.annotationsOf("wait").map((w) => [w.target.name, w.kind])).toEqual([
      ["postgres", "healthy"],
      ["analytics", "healthy"],
    ]);
    expect(pgadmin.servers).toEqual([main.resource, analytics.resource]);
  });

  it("is one container however many servers ask for it, and each configure callback reaches it", () => {
    const builder = newBuilder();
    builder.addPostgres("postgres").withPgAdmin((pgadmin) => pgadmin.withHostPort(5051));
    builder.addPostgres("analytics").withPgAdmin((pgadmin) => pgadmin.withStartupTimeout(30_000));
    const pgadmins = builder.resources.filter((r) => r instanceof PgAdminResource);
    expect(pgadmins.map((r) => r.name)).toEqual(["postgres-pgadmin"]);
    expect(pgadmins[0]!.annotationsOf("startup-timeout")).toHaveLength(1);
    expect(() => builder.build()).not.toThrow();
  });

  it("mounts a servers.json registering each server by its name on the app network, without a password, and a passfile that has them", () => {
    const { pgadmin } = twoServers();
    const files = renderFiles(pgadmin, createRuntimeResolver("container", runtime));
    expect(files.map((f) => f.target)).toEqual(["/pgadmin4/servers.json", "/pgadmin4/pgpass"]);
    expect(JSON.parse(files[0]!.content)).toEqual({
      Servers: {
        "1": { Name: "postgres", Group: "bosun", Host: "postgres", Port: 5432, MaintenanceDB: "postgres", Username: "postgres", PassFile: "/.pgpass", SSLMode: "prefer" },
        "2": { Name: "analytics", Group: "bosun", Host: "analytics", Port: 5432, MaintenanceDB: "postgres", Username: "reporter", PassFile: "/.pgpass", SSLMode: "prefer" },
      },
    });
    expect(files[0]!.content).not.toContain("pw");
    expect(files[1]!.content).toBe("postgres:5432:*:postgres:pw\\:1\\\\x\nanalytics:5432:*:reporter:pw2\n");
  });
});

describe("pgAdmin's files", () => {
  it("render an empty registration and passfile for no server", () => {
    expect(JSON.parse(renderServersJson([]))).toEqual({ Servers: {} });
    expect(renderPassfile([])).toBe("");
  });
});
