import { createBuilder, isPermanentProbeError } from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { problemsOf } from "../../../test/support/validation-problems.js";
import { postgres } from "./index.js";
import { postgresProbeError } from "./postgres-probe-errors.js";

function newBuilder() {
  return createBuilder({ appHostDirectory: "/tmp/shop/apphost", appName: "shop" }).use(postgres);
}

describe("credentials set by hand on a PostgreSQL server", () => {
  it("refuses a POSTGRES_PASSWORD set with withEnvironment, naming the option to use instead", () => {
    const builder = newBuilder();
    builder.addPostgres("postgres").withEnvironment("POSTGRES_PASSWORD", "s3cret").addDatabase("ecommercedb");
    expect(problemsOf(() => builder.build())).toEqual([
      `resource 'postgres' sets POSTGRES_PASSWORD by hand, but its connection strings, probes and publishers would not use it; pass it as an option instead: builder.addPostgres("postgres", { password: builder.addParameter("postgres-password", { secret: true }) })`,
    ]);
  });

  it("refuses a POSTGRES_USER, a secret parameter in POSTGRES_PASSWORD and a POSTGRES_DB no database names, each with its fix", () => {
    const builder = newBuilder();
    const password = builder.addParameter("db-password", { secret: true });
    builder
      .addPostgres("postgres")
      .withEnvironment("POSTGRES_USER", "shop")
      .withEnvironment("POSTGRES_PASSWORD", password)
      .withEnvironment("POSTGRES_DB", "shopdb")
      .addDatabase("ecommercedb");
    const problems = problemsOf(() => builder.build());
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain("sets POSTGRES_PASSWORD by hand");
    expect(problems[1]).toContain(`sets POSTGRES_USER by hand, but its connection strings, probes and publishers would not use it; pass it as an option instead: builder.addPostgres("postgres", { userName: builder.addParameter("postgres-user") })`);
    expect(problems[2]).toBe(
      "resource 'postgres' sets POSTGRES_DB by hand to 'shopdb', which no database of the model names; add it with .addDatabase(…) instead (the first database is handed to the image as POSTGRES_DB)",
    );
  });

  it("refuses credentials an environment callback sets, and the image's *_FILE variants", () => {
    const builder = newBuilder();
    builder.addPostgres("postgres").withEnvironment(({ env }) => {
      env.set("POSTGRES_PASSWORD", "from-a-callback");
      env.set("POSTGRES_PASSWORD_FILE", "/run/secrets/pg");
    });
    const problems = problemsOf(() => builder.build());
    expect(problems.map((p) => p.split(" by hand")[0])).toEqual(["resource 'postgres' sets POSTGRES_PASSWORD", "resource 'postgres' sets POSTGRES_PASSWORD_FILE"]);
  });

  it("accepts the fix: the same credentials given as options, and a POSTGRES_DB that names a database of the model", () => {
    const builder = newBuilder();
    const userName = builder.addParameter("db-user", { value: "shop" });
    const password = builder.addParameter("db-password", { secret: true });
    builder
      .addPostgres("postgres", { userName, password })
      .withEnvironment("POSTGRES_PASSWORD", password)
      .withEnvironment("POSTGRES_USER", userName)
      .withEnvironment("POSTGRES_DB", "ecommercedb")
      .addDatabase("ecommercedb");
    expect(() => builder.build()).not.toThrow();
  });
});

describe("a PostgreSQL probe error", () => {
  const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it("is permanent when the password is refused, naming the data volume, the secrets file and down --volumes", () => {
    const server = newBuilder().addPostgres("postgres").withDataVolume("shop-pgdata");
    const error = postgresProbeError(pgError("28P01", 'password authentication failed for user "postgres"'), server.resource, server.appHost);
    expect(isPermanentProbeError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(`resource 'postgres' rejected the credentials of its connection string (password authentication failed for user "postgres")`);
    expect(message).toContain("its data volume 'shop-pgdata' was initialised with other credentials");
    expect(message).toMatch(/Put the old value of 'postgres-password' back in \S+shop-[0-9a-f]{8}\.json \(or set Parameters__postgres-password\)/);
    expect(message).toContain("remove the volume and all its data with `down --volumes` (or `docker volume rm shop-pgdata`)");
  });

  it("is permanent for an unknown role too, and without a data volume names the options", () => {
    const server = newBuilder().addPostgres("postgres");
    const error = postgresProbeError(pgError("28000", 'role "shop" does not exist'), server.resource, server.appHost) as Error;
    expect(isPermanentProbeError(error)).toBe(true);
    expect(error.message).toContain(`the server was given other credentials than 'postgres-password'; give them only through the model, builder.addPostgres("postgres", { userName, password })`);
  });

  it("is permanent for a missing database, and left as it is for anything that may pass on a later try", () => {
    const server = newBuilder().addPostgres("postgres");
    expect(isPermanentProbeError(postgresProbeError(pgError("3D000", 'database "orders" does not exist'), server.resource, server.appHost))).toBe(true);
    for (const transient of [pgError("57P03", "the database system is starting up"), new Error("Connection terminated unexpectedly"), pgError("ECONNREFUSED", "connect ECONNREFUSED")]) {
      expect(postgresProbeError(transient, server.resource, server.appHost)).toBe(transient);
    }
  });
});
