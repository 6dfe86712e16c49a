import { ContainerResource, type ResourceBuilder } from "@bosun/hosting";
import type { PostgresDatabaseBuilder } from "@bosun/postgres";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  BosunError,
  createBuilder,
  defineExtension,
  DistributedApplicationBuilder,
  PostgresServerBuilder,
  RabbitMQBuilder,
  RedisBuilder,
  type AppBuilder,
  type AspireBuilder,
  type PostgresOptions,
  type RabbitMQOptions,
  type RedisOptions,
} from "./index.js";

const APPHOST = "/tmp/x/apphost";

/** A third-party integration, written the way a package outside this repo would write it. */
const mailpit = defineExtension("mailpit", (app) => ({
  addMailpit: (name: string, options: { smtpPort?: number } = {}) =>
    app
      .addContainer(name, "axllent/mailpit:v1.21")
      .withHttpEndpoint({ targetPort: 8025 })
      .withEndpoint({ name: "smtp", targetPort: 1025, port: options.smtpPort }),
}));

describe("createBuilder from bosun", () => {
  it("is the core builder with the first-party integrations applied", () => {
    const builder = createBuilder({ appHostDirectory: APPHOST });
    expect(builder).toBeInstanceOf(DistributedApplicationBuilder);
    expect(builder.addPostgres("pg")).toBeInstanceOf(PostgresServerBuilder);
    expect(builder.addRedis("cache")).toBeInstanceOf(RedisBuilder);
    expect(builder.addRabbitMQ("messaging")).toBeInstanceOf(RabbitMQBuilder);
  });

  it("gives addPostgres, addRedis and addRabbitMQ their full types", () => {
    const builder = createBuilder({ appHostDirectory: APPHOST });
    expectTypeOf(builder).toEqualTypeOf<AppBuilder & PromiseLike<AspireBuilder>>();
    expectTypeOf(builder.addPostgres).toEqualTypeOf<(name: string, options?: PostgresOptions) => PostgresServerBuilder>();
    expectTypeOf(builder.addRedis).toEqualTypeOf<(name: string, options?: RedisOptions) => RedisBuilder>();
    expectTypeOf(builder.addRabbitMQ).toEqualTypeOf<(name: string, options?: RabbitMQOptions) => RabbitMQBuilder>();
    const postgres = builder.addPostgres("postgres").withImageTag("15-alpine").withHostPort(5433).withDataVolume().withPgAdmin();
    expectTypeOf(postgres).toEqualTypeOf<PostgresServerBuilder>();
    expectTypeOf(postgres.addDatabase("db")).toEqualTypeOf<PostgresDatabaseBuilder>();
    expectTypeOf(builder.addRedis("cache").withDataVolume().withPersistence()).toEqualTypeOf<RedisBuilder>();
    expectTypeOf(builder.addRabbitMQ("mq").withDataVolume().withManagementPlugin()).toEqualTypeOf<RabbitMQBuilder>();
  });

  it("refuses at compile time what a database or a server cannot do", () => {
    const builder = createBuilder({ appHostDirectory: APPHOST });
    const refused = () => {
      const db = builder.addPostgres("postgres").addDatabase("db");
      // @ts-expect-error a database has no environment of its own
      db.withEnvironment("X", "1");
      // @ts-expect-error a database is not a container
      db.withImageTag("15");
      // @ts-expect-error a database has no endpoint of its own
      db.withHostPort(5432);
      // @ts-expect-error withPgAdmin belongs to the server, not its databases
      db.withPgAdmin();
      // @ts-expect-error withManagementPlugin belongs to RabbitMQ
      builder.addRedis("cache").withManagementPlugin();
      // @ts-expect-error a password is a parameter, never a literal string
      builder.addPostgres("pg", { password: "hunter2" });
    };
    expectTypeOf(refused).toBeFunction();
  });

  it("lets a Node app reference and wait for every first-party resource", () => {
    const builder = createBuilder({ appHostDirectory: APPHOST });
    const db = builder.addPostgres("postgres").addDatabase("db");
    const api = builder
      .addNodeApp("api", "../api", "src/index.ts")
      .withReference(db)
      .withReference(builder.addRedis("cache"))
      .withReference(builder.addRabbitMQ("messaging"))
      .waitFor(db);
    expect(api.resource.annotationsOf("reference").map((r) => r.target.name)).toEqual(["db", "cache", "messaging"]);
  });
});

describe("a third-party extension", () => {
  it("adds typed methods to the umbrella builder without patching it", () => {
    const builder = createBuilder({ appHostDirectory: APPHOST }).use(mailpit);
    expectTypeOf(builder.addMailpit).toEqualTypeOf<(name: string, options?: { smtpPort?: number }) => ResourceBuilder<ContainerResource>>();
    expectTypeOf(builder.addPostgres).toEqualTypeOf<AppBuilder["addPostgres"]>();
    const mail = builder.addMailpit("mail", { smtpPort: 2525 });
    expect(mail.resource).toBeInstanceOf(ContainerResource);
    expect(mail.resource.annotationsOf("endpoint").map((e) => [e.name, e.port])).toEqual([
      ["http", undefined],
      ["smtp", 2525],
    ]);
    expect("addMailpit" in createBuilder({ appHostDirectory: APPHOST })).toBe(false);
  });

  it("is refused at run time when a method it adds clashes with one the builder has", () => {
    const rogue = defineExtension("rogue-redis", (app) => ({ addRedis: (name: string) => app.addContainer(name, "redis") }));
    const builder = createBuilder({ appHostDirectory: APPHOST });
    expect(() => builder.use(rogue)).toThrow(BosunError);
    expect(() => builder.use(rogue)).toThrowErrorMatchingInlineSnapshot(
      `[BosunError: extension 'rogue-redis' defines 'addRedis', which the builder already has; rename it in the extension]`,
    );
    expect(builder.addRedis("cache")).toBeInstanceOf(RedisBuilder);
  });
});
