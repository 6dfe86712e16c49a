import amqp from "amqplib";
import { Redis } from "ioredis";
import pg from "pg";
import { startTestApp, type TestApp } from "@bosun/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineApp } from "../../../../apphost/app.js";
import { derive } from "../src/config.js";
import { APPHOST_DIRECTORY, jsonClient, type JsonCall, type Tokens } from "./support.js";

let app: TestApp;
let api: JsonCall;
let owner: pg.Pool;

beforeAll(async () => {
  // auth-api from the reference model, with the database, cache and broker it waits for; small limits to reach them quickly.
  app = await startTestApp(defineApp, {
    resources: ["auth-api"],
    appHostDirectory: APPHOST_DIRECTORY,
    env: { AUTH_LOCKOUT_MAX_FAILED: "3", AUTH_LOGIN_LIMIT_PER_ACCOUNT: "6", LOG_LEVEL: "info" },
  });
  api = jsonClient(app.httpClient("auth-api"));
  owner = new pg.Pool({ connectionString: app.connectionString("ecommercedb"), max: 2, connectionTimeoutMillis: 5_000 });
});

afterAll(async () => {
  await owner?.end();
  await app?.stop();
});

const register = (email: string, password = "correct horse battery") => api("POST", "/auth/register", { email, password });
const login = (email: string, password = "correct horse battery") => api<Tokens>("POST", "/auth/login", { email, password });

describe("auth-api from the reference model against real Postgres, Redis and RabbitMQ", () => {
  it("reports the database with its user count, the cache and the broker as healthy", async () => {
    const health = await api("GET", "/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: "Healthy",
      failing: [],
      checks: {
        database: { status: "Healthy", detail: { users: 0, circuit: "closed" } },
        cache: { status: "Healthy" },
        messaging: { status: "Healthy" },
      },
    });
  });

  it("registers a user, publishes user.registered, and refuses the same e-mail twice", async () => {
    const connection = await amqp.connect(app.connectionString("messaging"), { timeout: 5_000 });
    try {
      const channel = await connection.createChannel();
      await channel.assertExchange("ecommerce.events", "topic", { durable: true });
      const { queue } = await channel.assertQueue("", { exclusive: true });
      await channel.bindQueue(queue, "ecommerce.events", "user.registered");

      const created = await register("ada@example.com");
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), userName: "ada@example.com", email: "ada@example.com" });

      let message: amqp.GetMessage | false = false;
      for (let i = 0; i < 50 && message === false; i += 1) {
        message = await channel.get(queue, { noAck: true });
        if (message === false) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(message && JSON.parse(message.content.toString())).toMatchObject({ type: "user.registered", userId: created.body.id, email: "ada@example.com" });
      expect(message && message.properties.contentType).toBe("application/json");

      expect((await register("ADA@example.com")).status).toBe(409);
      expect((await api("POST", "/auth/register", { email: "not-an-email", password: "x" })).status).toBe(400);
    } finally {
      await connection.close();
    }
  });

  it("stores the ASP.NET Identity columns with an Argon2id hash and normalised names", async () => {
    const { rows } = await owner.query(`SELECT * FROM auth."AspNetUsers" WHERE "Email" = 'ada@example.com'`);
    expect(Object.keys(rows[0]!)).toEqual([
      "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp",
      "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount",
    ]);
    expect(rows[0]).toMatchObject({
      NormalizedUserName: "ADA@EXAMPLE.COM",
      NormalizedEmail: "ADA@EXAMPLE.COM",
      PasswordHash: expect.stringMatching(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/),
      LockoutEnabled: true,
      AccessFailedCount: 0,
    });
  });

  it("signs in, rotates the refresh token, treats a reused one as theft, and signs out", async () => {
    await register("grace@example.com");
    const first = await login("grace@example.com");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });
    const me = await api("GET", "/auth/me", undefined, { authorization: `Bearer ${first.body.accessToken}` });
    expect(me.body).toMatchObject({ email: "grace@example.com" });

    const stored = await owner.query(`SELECT "Token" FROM auth."RefreshTokens"`);
    expect(stored.rows.map((row) => row.Token)).not.toContain(first.body.refreshToken);

    const second = await api<Tokens>("POST", "/auth/refresh", { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const replay = await api("POST", "/auth/refresh", { refreshToken: first.body.refreshToken });
    expect(replay).toMatchObject({ status: 401, body: { error: "invalid_token", message: expect.stringMatching(/already used/) } });
    expect((await api("POST", "/auth/refresh", { refreshToken: second.body.refreshToken })).status).toBe(401);

    const third = await login("grace@example.com");
    expect((await api("POST", "/auth/logout", { refreshToken: third.body.refreshToken })).status).toBe(204);
    expect((await api("POST", "/auth/refresh", { refreshToken: third.body.refreshToken })).status).toBe(401);
    expect((await api("GET", "/auth/me", undefined, { authorization: "Bearer not-a-token" })).status).toBe(401);
  });

  it("locks the account after repeated wrong passwords, even against the right one", async () => {
    await register("mallory@example.com");
    const attempts = [];
    for (let i = 0; i < 3; i += 1) attempts.push((await login("mallory@example.com", "wrong password")).status);
    expect(attempts).toEqual([401, 401, 423]);
    const locked = await login("mallory@example.com");
    expect(locked.status).toBe(423);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(200);
    const { rows } = await owner.query(`SELECT "AccessFailedCount", "LockoutEnd" > now() AS locked FROM auth."AspNetUsers" WHERE "Email" = 'mallory@example.com'`);
    expect(rows[0]).toEqual({ AccessFailedCount: 0, locked: true });
  });

  it("rate-limits sign-in attempts per account in Redis", async () => {
    const statuses = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await login("nobody@example.com", "guess")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const redis = new Redis(app.connectionString("cache"), { maxRetriesPerRequest: 1 });
    try {
      expect(await redis.get("auth:login-attempts:account:NOBODY@EXAMPLE.COM")).toBe("7");
      expect(await redis.ttl("auth:login-attempts:account:NOBODY@EXAMPLE.COM")).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it("serves requests as a role that can use its tables but cannot create any", async () => {
    const sessions = await owner.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'ecommercedb' AND usename <> 'postgres'`);
    expect(sessions.rows).toEqual([{ usename: "auth_app" }]);

    const server = new URL(app.connectionString("ecommercedb"));
    const appRole = new pg.Client({
      host: server.hostname,
      port: Number(server.port),
      database: "ecommercedb",
      user: "auth_app",
      password: derive(decodeURIComponent(server.password), "auth-api/app-role"),
      connectionTimeoutMillis: 5_000,
    });
    await appRole.connect();
    try {
      expect((await appRole.query(`SELECT current_user AS "user", count(*)::int AS n FROM auth."AspNetUsers"`)).rows).toEqual([{ user: "auth_app", n: expect.any(Number) }]);
      for (const ddl of ["CREATE TABLE auth.sneaky (id int)", "CREATE TABLE public.sneaky (id int)", "CREATE TEMP TABLE sneaky (id int)", "CREATE SCHEMA sneaky"]) {
        await expect(appRole.query(ddl), ddl).rejects.toMatchObject({ code: "42501" });
      }
      await expect(appRole.query(`DROP TABLE auth."RefreshTokens"`)).rejects.toMatchObject({ code: "42501" });
      await expect(appRole.query(`SELECT * FROM auth."__MigrationsHistory"`)).rejects.toMatchObject({ code: "42501" });
    } finally {
      await appRole.end();
    }
  });

  it("answers 50 concurrent requests through the pool without a timeout", async () => {
    const { body } = await login("ada@example.com");
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api("GET", "/auth/me", undefined, { authorization: `Bearer ${body.accessToken}` })),
    );
    const elapsedMs = performance.now() - started;
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    console.info(`[figures] 50 concurrent GET /auth/me (JWT + a query each, pool of 10): ${Math.round(elapsedMs)} ms`);
    const metrics = await app.httpClient("auth-api")("/metrics").then((response) => response.text());
    expect(metrics).toMatch(/^database_connection_attempts_total\{.*database="ecommercedb".*\} \d+/m);
    expect(metrics).toMatch(/^database_query_duration_seconds_count\{.*outcome="success".*\} \d+/m);
  });
});
