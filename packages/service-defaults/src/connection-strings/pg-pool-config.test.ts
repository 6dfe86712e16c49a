import { describe, expect, it } from "vitest";
import { ServiceDefaultsError } from "../errors/service-defaults-error.js";
import { connectionString } from "./connection-string.js";
import { pgPoolConfig } from "./pg-pool-config.js";

const env = (value: string | undefined) => ({ ConnectionStrings__ecommercedb: value });

describe("connectionString", () => {
  it("returns the injected ConnectionStrings__<name> value", () => {
    expect(connectionString("ecommercedb", env("postgresql://u:p@h:1/d"))).toBe("postgresql://u:p@h:1/d");
  });

  it("names the variable and the fix when it is missing or empty", () => {
    expect(() => connectionString("ecommercedb", env(undefined))).toThrowErrorMatchingInlineSnapshot(
      `[ServiceDefaultsError: ConnectionStrings__ecommercedb is not set; reference 'ecommercedb' from the AppHost (.withReference(ecommercedb)) or set ConnectionStrings__ecommercedb to a connection string]`,
    );
    expect(() => connectionString("ecommercedb", env("  "))).toThrow(/ConnectionStrings__ecommercedb is not set/);
  });
});

describe("pgPoolConfig", () => {
  it("maps the URI bosun injects onto pg options with a bounded connect timeout", () => {
    expect(pgPoolConfig("ecommercedb", env("postgresql://postgres:s3cret@localhost:5433/ecommercedb"))).toEqual({
      host: "localhost",
      port: 5433,
      database: "ecommercedb",
      user: "postgres",
      password: "s3cret",
      connectionTimeoutMillis: 15_000,
    });
  });

  it("maps the Npgsql pool keywords onto pg pool options", () => {
    const value =
      "Host=db;Port=5432;Database=shop;Username=app;Password=s3cret;Pooling=true;MinPoolSize=5;MaxPoolSize=100;" +
      "ConnectionLifetime=300;ConnectionIdleLifetime=60;CommandTimeout=30";
    expect(pgPoolConfig("ecommercedb", env(value))).toEqual({
      host: "db",
      port: 5432,
      database: "shop",
      user: "app",
      password: "s3cret",
      connectionTimeoutMillis: 15_000,
      min: 5,
      max: 100,
      maxLifetimeSeconds: 300,
      idleTimeoutMillis: 60_000,
      statement_timeout: 30_000,
      query_timeout: 31_000,
    });
  });

  it("turns Pooling=false into one use per connection, Timeout into the connect timeout, SSL Mode into ssl", () => {
    const config = pgPoolConfig("ecommercedb", env("Host=db;Database=shop;Pooling=false;Timeout=3;SSL Mode=Require"));
    expect(config).toMatchObject({ port: 5432, maxUses: 1, connectionTimeoutMillis: 3_000, ssl: { rejectUnauthorized: false } });
  });

  it("accepts pool keywords as URI query parameters", () => {
    const config = pgPoolConfig("ecommercedb", env("postgres://u:p@h/d?MaxPoolSize=7&sslmode=disable"));
    expect(config).toMatchObject({ max: 7, port: 5432 });
    expect(config).not.toHaveProperty("ssl");
  });

  it("rejects what it cannot use with the variable named and the password never echoed", () => {
    const messages = [
      "Host=db;Database=shop;Password=hunter2;MaxPoolSize=lots",
      "Host=db;Database=shop;Password=hunter2;MinPoolSize=10;MaxPoolSize=5",
      "Host=db;Database=shop;Password=hunter2;Frobnicate=1",
      "Database=shop;Password=hunter2",
      "Host=db;Password=hunter2",
      "redis://:hunter2@cache:6379",
    ].map((value) => {
      try {
        pgPoolConfig("ecommercedb", env(value));
        return "no error";
      } catch (error) {
        expect(error).toBeInstanceOf(ServiceDefaultsError);
        expect((error as ServiceDefaultsError).code).toBe("CONFIGURATION");
        return (error as Error).message;
      }
    });
    expect(messages.join("\n")).not.toContain("hunter2");
    expect(messages).toMatchInlineSnapshot(`
      [
        "ConnectionStrings__ecommercedb is malformed: 'MaxPoolSize' must be a whole number, got 'lots'",
        "ConnectionStrings__ecommercedb is malformed: MinPoolSize (10) is larger than MaxPoolSize (5)",
        "ConnectionStrings__ecommercedb is malformed: keyword 'Frobnicate' is not supported",
        "ConnectionStrings__ecommercedb is malformed: it names no host (Host=... or postgresql://user@host/...)",
        "ConnectionStrings__ecommercedb is malformed: it names no database (Database=... or .../database)",
        "ConnectionStrings__ecommercedb is malformed: scheme 'redis://' is not PostgreSQL (expected postgresql://)",
      ]
    `);
  });
});
