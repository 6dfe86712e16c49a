import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ServiceDefaultsError } from "../errors/service-defaults-error.js";
import { connectionString } from "./connection-string.js";
import { pgConnectionSettings, pgPoolConfig } from "./pg-pool-config.js";

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

  it("accepts the design document's connection string, logging ConnectionPruningInterval as ignored", () => {
    const value =
      "Host=localhost;Port=5433;Database=ecommercedb;Username=postgres;Password=Xy7pQ2rT9sLm4Nv8Kb3Wd1;Pooling=true;MinPoolSize=5;" +
      "MaxPoolSize=100;ConnectionLifetime=300;ConnectionIdleLifetime=60;ConnectionPruningInterval=10;CommandTimeout=30";
    const settings = pgConnectionSettings("ecommercedb", env(value));
    expect(settings.config).toMatchObject({ host: "localhost", port: 5433, password: "Xy7pQ2rT9sLm4Nv8Kb3Wd1", min: 5, max: 100, statement_timeout: 30_000 });
    expect(settings.ignored).toEqual([{ keyword: "Connection Pruning Interval", reason: "pg closes each idle connection on its own timer (Connection Idle Lifetime)" }]);
  });

  it("reads Npgsql's canonical names, property names and synonyms whatever their case and spacing", () => {
    const spellings = ["Minimum Pool Size=2;Maximum Pool Size=9", "minpoolsize=2;MAXPOOLSIZE=9", "Min Pool Size=2;Max PoolSize=9"];
    for (const spelling of spellings) expect(pgPoolConfig("ecommercedb", env(`Server=db;DB=shop;UID=app;PWD=pw;${spelling}`))).toMatchObject({ host: "db", database: "shop", user: "app", min: 2, max: 9 });
    expect(pgPoolConfig("ecommercedb", env("Host=db;Database=d;Load Balance Timeout=30;Connection Idle Lifetime=5"))).toMatchObject({ maxLifetimeSeconds: 30, idleTimeoutMillis: 5_000 });
  });

  it("sends Search Path, Timezone and Options to the server as one options string, Application Name as itself", () => {
    const config = pgPoolConfig("ecommercedb", env("Host=db;Database=d;Search Path=auth,public;Timezone=Europe/Paris;Options=-c lock_timeout=5000;Application Name=auth-api"));
    expect(config).toMatchObject({ options: "-c search_path=auth,public -c TimeZone=Europe/Paris -c lock_timeout=5000", application_name: "auth-api" });
  });

  it("keeps TCP keepalive, channel binding and error-detail and parameter logging switches", () => {
    const settings = pgConnectionSettings("ecommercedb", env("Host=db;Database=d;Keepalive=30;Channel Binding=Require;Include Error Detail=true;Log Parameters=true"));
    expect(settings.config).toMatchObject({ keepAlive: true, keepAliveInitialDelayMillis: 30_000, enableChannelBinding: true });
    expect(settings).toMatchObject({ includeErrorDetail: true, logParameters: true, ignored: [] });
  });

  it("checks the certificate for VerifyFull unless Trust Server Certificate, and reads Root Certificate from its file", () => {
    expect(pgPoolConfig("ecommercedb", env("Host=db;Database=d;SSL Mode=VerifyFull")).ssl).toEqual({ rejectUnauthorized: true });
    expect(pgPoolConfig("ecommercedb", env("Host=db;Database=d;SslMode=verify-full;Trust Server Certificate=true")).ssl).toEqual({ rejectUnauthorized: false });
    const ca = path.join(mkdtempSync(path.join(tmpdir(), "ca-")), "root.crt");
    writeFileSync(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    expect(pgPoolConfig("ecommercedb", env(`Host=db;Database=d;SSL Mode=Require;Root Certificate=${ca}`)).ssl).toEqual({ ca: expect.stringContaining("BEGIN CERTIFICATE"), rejectUnauthorized: true });
    expect(() => pgPoolConfig("ecommercedb", env("Host=db;Database=d;Root Certificate=/nowhere/root.crt"))).toThrow(
      "ConnectionStrings__ecommercedb is malformed: 'Root Certificate' names '/nowhere/root.crt', which cannot be read (ENOENT); give the path of a PEM file",
    );
  });

  it("lists every ignored keyword it was given once, by its canonical name", () => {
    const settings = pgConnectionSettings("ecommercedb", env("Host=db;Database=d;Enlist=true;No Reset On Close=true;MaxAutoPrepare=20"));
    expect(settings.ignored.map((i) => i.keyword)).toEqual(["Enlist", "No Reset On Close", "Max Auto Prepare"]);
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
        "ConnectionStrings__ecommercedb is malformed: Minimum Pool Size (10) is larger than Maximum Pool Size (5)",
        "ConnectionStrings__ecommercedb is malformed: keyword 'Frobnicate' is not an Npgsql connection-string keyword; remove it or fix its spelling (docs/postgres-connections.md lists them)",
        "ConnectionStrings__ecommercedb is malformed: it names no host (Host=... or postgresql://user@host/...)",
        "ConnectionStrings__ecommercedb is malformed: it names no database (Database=... or .../database)",
        "ConnectionStrings__ecommercedb is malformed: scheme 'redis://' is not PostgreSQL (expected postgresql://)",
      ]
    `);
  });
});
