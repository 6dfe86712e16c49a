import { createBuilder, createManifestResolver, createRuntimeResolver, renderEnvironment, staticRuntimeValues, ValidationError } from "@bosun/hosting";
import { describe, expect, expectTypeOf, it } from "vitest";
import { postgres, PostgresDatabaseBuilder, type PostgresConnectionStringOptions } from "./index.js";

function shop() {
  const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" }).use(postgres);
  const server = builder.addPostgres("postgres").withHostPort(5433);
  const db = server.addDatabase("ecommercedb");
  const runtime = staticRuntimeValues(
    { "postgres/tcp": { scheme: "tcp", hostPort: 5433, targetPort: 5432, containerHost: "postgres" } },
    { "postgres-password": "pw", "app-password": "apw" },
  );
  return { builder, db, runtime };
}

const DESIGN_SETTINGS: PostgresConnectionStringOptions = {
  pooling: true,
  minPoolSize: 5,
  maxPoolSize: 100,
  connectionLifetime: 300,
  connectionIdleLifetime: 60,
  connectionPruningInterval: 10,
  commandTimeout: 30,
};

describe("withConnectionStringOptions on a PostgreSQL database", () => {
  it("carries the options as Npgsql keywords in the injected connection string, the same for host, container and manifest", () => {
    const { builder, db, runtime } = shop();
    db.withConnectionStringOptions(DESIGN_SETTINGS);
    const api = builder.addNodeApp("api", "../api", "src/index.ts").withReference(db);
    const worker = builder.addContainer("worker", "acme/worker").withReference(db);
    const query = "?Pooling=true&MinPoolSize=5&MaxPoolSize=100&ConnectionLifetime=300&ConnectionIdleLifetime=60&ConnectionPruningInterval=10&CommandTimeout=30";
    expect(renderEnvironment(api.resource, createRuntimeResolver("host", runtime))).toMatchObject({
      ConnectionStrings__ecommercedb: `postgresql://postgres:pw@localhost:5433/ecommercedb${query}`,
      ECOMMERCEDB_URI: "postgresql://postgres:pw@localhost:5433/ecommercedb",
    });
    expect(renderEnvironment(worker.resource, createRuntimeResolver("container", runtime)).ConnectionStrings__ecommercedb).toBe(`postgresql://postgres:pw@postgres:5432/ecommercedb${query}`);
    expect(builder.build().manifest().resources.api?.env?.ConnectionStrings__ecommercedb).toBe(
      `postgresql://postgres:{postgres-password.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/ecommercedb${query}`,
    );
  });

  it("merges later calls over earlier ones and writes the keywords in one fixed order", () => {
    const { db, runtime } = shop();
    db.withConnectionStringOptions({ commandTimeout: 30, applicationName: "auth api" }).withConnectionStringOptions({ maxPoolSize: 20, commandTimeout: 5 });
    expect(createRuntimeResolver("host", runtime).render(db.resource)).toBe(
      "postgresql://postgres:pw@localhost:5433/ecommercedb?MaxPoolSize=20&CommandTimeout=5&ApplicationName=auth%20api",
    );
  });

  it("gives another role's connection string with the same server, database and options", () => {
    const { builder, db, runtime } = shop();
    const appPassword = builder.addParameter("app-password", { secret: true });
    db.withConnectionStringOptions({ minPoolSize: 5 });
    const expression = db.resource.connectionStringFor("auth_app", appPassword.resource);
    expect(createRuntimeResolver("host", runtime).render(expression)).toBe("postgresql://auth_app:apw@localhost:5433/ecommercedb?MinPoolSize=5");
    expect(createManifestResolver().render(expression)).toBe("postgresql://auth_app:{app-password.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/ecommercedb?MinPoolSize=5");
  });

  it("refuses, at the call, options it does not know and values Npgsql would refuse", () => {
    const attempt = (options: unknown) => () => shop().db.withConnectionStringOptions(options as PostgresConnectionStringOptions);
    const message = (options: unknown) => {
      try {
        attempt(options)();
        return "no error";
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).problems[0];
      }
    };
    expect([
      message({ maxPoolsize: 10 }),
      message({ minPoolSize: 10, maxPoolSize: 5 }),
      message({ commandTimeout: 2.5 }),
      message({ maxPoolSize: 0 }),
      message({ sslMode: "verify" }),
      message({ pooling: "yes" }),
    ]).toMatchInlineSnapshot(`
      [
        "database 'ecommercedb': .withConnectionStringOptions(…) has no option 'maxPoolsize' (it would be ignored); its options are 'pooling', 'minPoolSize', 'maxPoolSize', 'connectionLifetime', 'connectionIdleLifetime', 'connectionPruningInterval', 'commandTimeout', 'timeout', 'keepalive', 'applicationName', 'searchPath', 'sslMode', 'includeErrorDetail', 'logParameters'; e.g. .withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, commandTimeout: 30 })",
        "database 'ecommercedb': .withConnectionStringOptions(…) has 'minPoolSize' (10) above 'maxPoolSize' (5); e.g. .withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, commandTimeout: 30 })",
        "database 'ecommercedb': .withConnectionStringOptions(…) expects 'commandTimeout' as a whole number of seconds (0 or more), got 2.5; e.g. .withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, commandTimeout: 30 })",
        "database 'ecommercedb': .withConnectionStringOptions(…) expects 'maxPoolSize' of at least 1; e.g. .withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, commandTimeout: 30 })",
        "database 'ecommercedb': .withConnectionStringOptions(…) expects option 'sslMode' as one of "Disable", "Allow", "Prefer", "Require", "VerifyCA", "VerifyFull", got "verify" (a string); e.g. .withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, commandTimeout: 30 })",
        "database 'ecommercedb': .withConnectionStringOptions(…) expects option 'pooling' as true or false (or nothing), got "yes" (a string); e.g. .withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, commandTimeout: 30 })",
      ]
    `);
  });

  it("is typed: addDatabase returns the database builder, and option names and SSL modes are checked by the compiler", () => {
    const { db } = shop();
    expectTypeOf(db).toEqualTypeOf<PostgresDatabaseBuilder>();
    // Only compiled, never run: the calls would throw.
    const compileOnly = () => {
      // @ts-expect-error an option Npgsql does not have
      db.withConnectionStringOptions({ poolSize: 10 });
      // @ts-expect-error not an SSL mode
      db.withConnectionStringOptions({ sslMode: "verify" });
    };
    expectTypeOf(compileOnly).toBeFunction();
  });
});
