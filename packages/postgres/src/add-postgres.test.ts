import {
  ContainerResource,
  createBuilder,
  createManifestResolver,
  createRuntimeResolver,
  imageReferenceOf,
  ParameterResource,
  renderEnvironment,
  staticRuntimeValues,
} from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../../test/support/validation-problems.js";
import { postgres, PostgresDatabaseResource, PostgresServerResource, POSTGRES_DATA_PATH } from "./index.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/x/apphost" }).use(postgres);
}

/** postgres published on 5433 (listening on 5432 in its container), password `pw`. */
function shop(password = "pw") {
  const builder = newBuilder();
  const server = builder.addPostgres("postgres").withHostPort(5433);
  const db = server.addDatabase("ecommercedb");
  const runtime = staticRuntimeValues(
    { "postgres/tcp": { scheme: "tcp", hostPort: 5433, targetPort: 5432, containerHost: "postgres" } },
    { "postgres-password": password },
  );
  return { builder, server, db, runtime };
}

describe("addPostgres", () => {
  it("adds the official image with a tcp endpoint on 5432 and a generated secret password", () => {
    const builder = newBuilder();
    const server = builder.addPostgres("postgres");
    expect(server.resource).toBeInstanceOf(PostgresServerResource);
    expect(imageReferenceOf(server.resource)).toBe("docker.io/library/postgres:17.6");
    expect(server.resource.annotationsOf("endpoint")).toEqual([
      { type: "endpoint", name: "tcp", scheme: "tcp", port: undefined, targetPort: 5432, env: undefined, hostIp: undefined },
    ]);
    const password = builder.resources.find((r) => r.name === "postgres-password");
    expect(password).toBeInstanceOf(ParameterResource);
    expect(password).toMatchObject({ secret: true, generate: { minLength: 22 } });
    expect(server.resource.password).toBe(password);
    expect(server.resource.userName).toBe("postgres");
    expect(server.resource.annotationsOf("health-check").map((a) => a.check.name)).toEqual(["postgres"]);
  });

  it("passes the user, password and first database to the container and forces scram-sha-256", () => {
    const { server, runtime } = shop();
    expect(renderEnvironment(server.resource, createRuntimeResolver("container", runtime))).toEqual({
      POSTGRES_DB: "ecommercedb",
      POSTGRES_HOST_AUTH_METHOD: "scram-sha-256",
      POSTGRES_INITDB_ARGS: "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
      POSTGRES_USER: "postgres",
      POSTGRES_PASSWORD: "pw",
    });
  });

  it("uses the user name, password and host port it is given, and generates no password", () => {
    const builder = newBuilder();
    const user = builder.addParameter("pg-user");
    const password = builder.addParameter("pg-password", { secret: true });
    const server = builder.addPostgres("pg", { userName: user, password, port: 5544 });
    expect(server.resource.userName).toBe(user.resource);
    expect(server.resource.password).toBe(password.resource);
    expect(server.resource.annotationsOf("endpoint")[0]?.port).toBe(5544);
    expect(builder.resources.map((r) => r.name)).toEqual(["pg-user", "pg-password", "pg"]);
  });

  it("keeps data in a named volume at the data directory", () => {
    const builder = newBuilder();
    const server = builder.addPostgres("postgres").withDataVolume();
    expect(server.resource.annotationsOf("mount")).toEqual([
      { type: "mount", kind: "volume", source: `x-${builder.appHost.id}-postgres-data`, target: POSTGRES_DATA_PATH, readOnly: false },
    ]);
  });

  it("mounts init files read-only from a folder next to the AppHost", () => {
    const server = newBuilder().addPostgres("postgres").withInitFiles("./init");
    expect(server.resource.annotationsOf("mount")).toEqual([
      { type: "mount", kind: "bind", source: "/tmp/x/apphost/init", target: "/docker-entrypoint-initdb.d", readOnly: true },
    ]);
  });

  it("adds pgAdmin as its own container that waits for the server and can be configured", () => {
    const builder = newBuilder();
    const server = builder.addPostgres("postgres").withPgAdmin((pgadmin) => pgadmin.withHostPort(5051));
    const pgadmin = builder.resources.find((r) => r.name === "postgres-pgadmin");
    expect(pgadmin).toBeInstanceOf(ContainerResource);
    if (!(pgadmin instanceof ContainerResource)) return;
    expect(imageReferenceOf(pgadmin)).toBe("docker.io/dpage/pgadmin4:9.9");
    expect(pgadmin.annotationsOf("endpoint").map(({ name, port, targetPort }) => ({ name, port, targetPort }))).toEqual([{ name: "http", port: 5051, targetPort: 80 }]);
    expect(pgadmin.annotationsOf("wait")).toEqual([{ type: "wait", target: server.resource, kind: "healthy", exitCode: 0 }]);
    expect(pgadmin.annotationsOf("health-check").map((a) => a.check)).toEqual([{ kind: "http", name: "http/misc/ping", endpointName: "http", path: "/misc/ping", statusCode: 200 }]);
  });
});

describe("addDatabase", () => {
  it("adds a database inside the server, named after the resource unless told otherwise", () => {
    const { builder, server, db } = shop();
    const orders = server.addDatabase("orders", "orders_v2");
    expect(db.resource).toBeInstanceOf(PostgresDatabaseResource);
    expect(db.resource.parent).toBe(server.resource);
    expect(db.resource.databaseName).toBe("ecommercedb");
    expect(orders.resource.databaseName).toBe("orders_v2");
    expect(builder.resources).toContain(orders.resource);
  });

  it("lets the image create the first database on a fresh data directory, not the later ones", () => {
    const { server, runtime } = shop();
    server.addDatabase("orders", "orders_v2");
    expect(renderEnvironment(server.resource, createRuntimeResolver("container", runtime))["POSTGRES_DB"]).toBe("ecommercedb");
  });

  it("keeps a POSTGRES_DB the AppHost set itself", () => {
    const server = newBuilder().addPostgres("postgres").withEnvironment("POSTGRES_DB", "main");
    server.addDatabase("orders");
    expect(server.resource.annotationsOf("environment").filter((e) => e.name === "POSTGRES_DB").map((e) => e.value)).toEqual(["main"]);
  });

  it("creates the database once the server is healthy and checks it separately", () => {
    const { db } = shop();
    expect(db.resource.annotationsOf("initializer").map((a) => a.description)).toEqual(["create database 'ecommercedb'"]);
    expect(db.resource.annotationsOf("health-check").map((a) => a.check.name)).toEqual(["postgres-database"]);
  });
});

describe("withReference to a PostgreSQL database", () => {
  it("injects the connection string and its parts for a host process", () => {
    const { builder, db, runtime } = shop();
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(db);
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", runtime))).toEqual({
      ConnectionStrings__ecommercedb: "postgresql://postgres:pw@localhost:5433/ecommercedb",
      ECOMMERCEDB_HOST: "localhost",
      ECOMMERCEDB_PORT: "5433",
      ECOMMERCEDB_USERNAME: "postgres",
      ECOMMERCEDB_PASSWORD: "pw",
      ECOMMERCEDB_URI: "postgresql://postgres:pw@localhost:5433/ecommercedb",
      ECOMMERCEDB_DATABASENAME: "ecommercedb",
    });
  });

  it("injects the server's name and inner port for a container on the app network", () => {
    const { builder, db, runtime } = shop();
    const worker = builder.addContainer("worker", "acme/worker").withReference(db);
    expect(renderEnvironment(worker.resource, createRuntimeResolver("container", runtime))).toEqual({
      ConnectionStrings__ecommercedb: "postgresql://postgres:pw@postgres:5432/ecommercedb",
      ECOMMERCEDB_HOST: "postgres",
      ECOMMERCEDB_PORT: "5432",
      ECOMMERCEDB_USERNAME: "postgres",
      ECOMMERCEDB_PASSWORD: "pw",
      ECOMMERCEDB_URI: "postgresql://postgres:pw@postgres:5432/ecommercedb",
      ECOMMERCEDB_DATABASENAME: "ecommercedb",
    });
  });

  it("percent-encodes a password with @ and / in the URIs and passes it raw on its own", () => {
    const { builder, db, runtime } = shop("p@ss/w:rd");
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(db);
    const env = renderEnvironment(api.resource, createRuntimeResolver("host", runtime));
    expect(env.ConnectionStrings__ecommercedb).toBe("postgresql://postgres:p%40ss%2Fw%3Ard@localhost:5433/ecommercedb");
    expect(env.ECOMMERCEDB_PASSWORD).toBe("p@ss/w:rd");
    const url = new URL(env.ECOMMERCEDB_URI ?? "");
    expect([url.hostname, url.port, url.pathname, decodeURIComponent(url.password)]).toEqual(["localhost", "5433", "/ecommercedb", "p@ss/w:rd"]);
  });

  it("percent-encodes a user name parameter and a database name too", () => {
    const builder = newBuilder();
    const user = builder.addParameter("pg-user");
    const server = builder.addPostgres("pg", { userName: user });
    const db = server.addDatabase("reports", "sales reports");
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(db);
    const runtime = staticRuntimeValues({ "pg/tcp": { scheme: "tcp", hostPort: 15432, targetPort: 5432, containerHost: "pg" } }, { "pg-user": "ops@corp", "pg-password": "x" });
    const env = renderEnvironment(api.resource, createRuntimeResolver("host", runtime));
    expect(env.ConnectionStrings__reports).toBe("postgresql://ops%40corp:x@localhost:15432/sales%20reports");
    expect(env.REPORTS_USERNAME).toBe("ops@corp");
    expect(env.REPORTS_DATABASENAME).toBe("sales reports");
  });

  it("writes placeholders into the manifest and never the password", () => {
    const builder = newBuilder();
    const password = builder.addParameter("pg-password", { secret: true, value: "hunter2-very-secret" });
    const db = builder.addPostgres("postgres", { password }).addDatabase("ecommercedb");
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(db);
    expect(renderEnvironment(api.resource, createManifestResolver())).toMatchObject({
      ConnectionStrings__ecommercedb: "postgresql://postgres:{pg-password.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/ecommercedb",
      ECOMMERCEDB_PASSWORD: "{pg-password.value}",
    });
    expect(JSON.stringify(builder.build().manifest())).not.toContain("hunter2-very-secret");
  });
});

describe("withReference to a PostgreSQL server", () => {
  it("injects the server URI without a database, and no database name", () => {
    const { builder, server, runtime } = shop();
    const admin = builder.addNodeApp("admin", "../admin", "src/index.ts").withReference(server);
    expect(renderEnvironment(admin.resource, createRuntimeResolver("host", runtime))).toEqual({
      ConnectionStrings__postgres: "postgresql://postgres:pw@localhost:5433",
      POSTGRES_HOST: "localhost",
      POSTGRES_PORT: "5433",
      POSTGRES_USERNAME: "postgres",
      POSTGRES_PASSWORD: "pw",
      POSTGRES_URI: "postgresql://postgres:pw@localhost:5433",
    });
  });
});

describe("a PostgreSQL model", () => {
  it("builds: the database's implicit wait on its server is no cycle", () => {
    const { builder, db } = shop();
    builder.addNodeApp("api", "../api", "src/index.ts").withReference(db).waitFor(db);
    expect(() => builder.build()).not.toThrow();
  });
});

describe("mistakes in a PostgreSQL model", () => {
  it("reports a bad server name once, not again for its password parameter or its pgAdmin", () => {
    const builder = newBuilder();
    builder.addPostgres("Postgres_DB").withPgAdmin();
    expect(problemsOf(() => builder.build())).toMatchInlineSnapshot(`
      [
        "resource name 'Postgres_DB' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'postgres-db')",
      ]
    `);
  });

  it("rejects a database name PostgreSQL would truncate, and a user name that is not a parameter", () => {
    const builder = newBuilder();
    builder.addPostgres("postgres").addDatabase("reports", "r".repeat(64));
    const problems = [...problemsOf(() => builder.build()), ...problemsOf(() => newBuilder().addPostgres("pg", { userName: "admin" } as never))];
    expect(problems).toMatchInlineSnapshot(`
      [
        "database 'reports' has database name 'rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr'; PostgreSQL takes 1 to 63 bytes without NUL, e.g. .addDatabase("reports", "orders")",
        "builder.addPostgres(…) expects option 'userName' as a parameter's builder (what builder.addParameter(…) returned) (or nothing), got "admin" (a string); e.g. builder.addPostgres("postgres", { port: 5433 })",
      ]
    `);
  });
});
