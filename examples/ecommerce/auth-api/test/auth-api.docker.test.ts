import amqp from "amqplib";
import { Redis } from "ioredis";
import pg from "pg";
import { startTestApp, type TestApp } from "@bosun/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineApp } from "../../../../apphost/app.js";
import { APPHOST_DIRECTORY, AUTH_API_DIRECTORY, jsonClient, processEnvironment, type JsonCall, type Tokens } from "./support.js";

/** Short, so the test sees a statement cancelled; the reference AppHost's own is 30 s. */
const COMMAND_TIMEOUT_SECONDS = 3;

let app: TestApp;
let api: JsonCall;
let owner: pg.Pool;
let authApiEnv: Record<string, string>;

beforeAll(async () => {
  // auth-api from the reference model, with the database, cache and broker it waits for; small limits to reach them quickly.
  app = await startTestApp((builder) => defineApp(builder, { commandTimeout: COMMAND_TIMEOUT_SECONDS }), {
    resources: ["auth-api"],
    appHostDirectory: APPHOST_DIRECTORY,
    env: { AUTH_LOCKOUT_MAX_FAILED: "3", AUTH_LOGIN_LIMIT_PER_ACCOUNT: "6", LOG_LEVEL: "info" },
  });
  api = jsonClient(app.httpClient("auth-api"));
  owner = new pg.Pool({ connectionString: app.connectionString("ecommercedb"), max: 2, connectionTimeoutMillis: 5_000 });
  authApiEnv = await processEnvironment(AUTH_API_DIRECTORY, Number(app.endpoint("auth-api").port));
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

    const appRole = new pg.Client({ connectionString: authApiEnv.ConnectionStrings__ecommercedb, connectionTimeoutMillis: 5_000 });
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

  it("receives only the least-privilege role's credentials and a JWT key of its own, nothing of the owner's", async () => {
    const ownerUrl = new URL(app.connectionString("ecommercedb"));
    const ownerPassword = decodeURIComponent(ownerUrl.password);
    const given = new URL(authApiEnv.ConnectionStrings__ecommercedb ?? "");
    expect(decodeURIComponent(given.username)).toBe("auth_app");
    expect(given.password).not.toBe(ownerUrl.password);
    const values = Object.values(authApiEnv);
    expect(values.some((value) => value.includes(ownerPassword) || value.includes(ownerUrl.password))).toBe(false);
    expect(Object.keys(authApiEnv).filter((name) => name.startsWith("ECOMMERCEDB_") || name === "AUTH_DB_APP_PASSWORD")).toEqual([]);
    expect(authApiEnv.AUTH_JWT_SECRET).toMatch(/^[A-Za-z0-9]{43,}$/);
    expect(authApiEnv.AUTH_JWT_SECRET).not.toBe(decodeURIComponent(given.password));
    // The owner's password is the migration job's alone.
    const job = app.resource("auth-api-migrate");
    expect(job).toMatchObject({ state: "Finished", exitCode: 0 });
  });

  it("runs its pool with the model's settings: the minimum warm, the maximum honoured, the statement timeout set", async () => {
    const warm = app.logs("auth-api").join("\n").match(/database pool warm: (\d+) idle connection\(s\) in (\d+) ms/);
    expect(Number(warm?.[1])).toBeGreaterThanOrEqual(5);
    const health = await api<{ checks: { database: { detail: { pool: Record<string, number> } } } }>("GET", "/health");
    const pool = health.body.checks.database.detail.pool;
    expect(pool).toMatchObject({ min: 5, max: 100, statementTimeoutMs: COMMAND_TIMEOUT_SECONDS * 1000 });
    expect(pool.total).toBeGreaterThanOrEqual(5);
    const sessions = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = 'auth_app'`);
    expect(sessions.rows[0]!.n).toBeGreaterThanOrEqual(5);
    expect(sessions.rows[0]!.n).toBeLessThanOrEqual(100);
    console.info(`[figures] auth-api pool: ${warm?.[1]} idle connections warm ${warm?.[2]} ms after start-up; ${sessions.rows[0]!.n} server sessions as auth_app`);
  });

  it("has a statement cancelled by the server at the command timeout, logged with its code", async () => {
    await register("blocked@example.com");
    const locker = await owner.connect();
    try {
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE auth."AspNetUsers" IN ACCESS EXCLUSIVE MODE`);
      const started = performance.now();
      const answer = await login("blocked@example.com");
      const cancelMs = performance.now() - started;
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(cancelMs).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_SECONDS * 1000 - 100);
      console.info(`[figures] auth-api statement behind a lock, CommandTimeout=${COMMAND_TIMEOUT_SECONDS}: answered ${answer.status} after ${Math.round(cancelMs)} ms`);
    } finally {
      await locker.query("ROLLBACK");
      locker.release();
    }
    const cancelled = app.logs("auth-api").find((line) => line.includes("canceling statement due to statement timeout"));
    expect(cancelled).toMatch(/"code":"57014"/);
    expect(cancelled).toMatch(/"statement":"SELECT/);
  });

  it("logs each statement with its duration and hides its parameters", () => {
    const statements = app.logs("auth-api").filter((line) => line.includes('"msg":"statement executed in'));
    expect(statements.length).toBeGreaterThan(5);
    expect(statements.join("\n")).toMatch(/"durationMs":[\d.]+/);
    expect(statements.join("\n")).not.toContain("ada@example.com");
  });

  it("answers 50 concurrent requests through the pool without a timeout", async () => {
    const { body } = await login("ada@example.com");
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => api("GET", "/auth/me", undefined, { authorization: `Bearer ${body.accessToken}` })),
    );
    const elapsedMs = performance.now() - started;
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    console.info(`[figures] 50 concurrent GET /auth/me (JWT + a query each, pool of 5 to 100): ${Math.round(elapsedMs)} ms`);
    const metrics = await app.httpClient("auth-api")("/metrics").then((response) => response.text());
    expect(metrics).toMatch(/^database_connection_attempts_total\{.*database="ecommercedb".*\} \d+/m);
    expect(metrics).toMatch(/^database_query_duration_seconds_count\{.*outcome="success".*\} \d+/m);
  });
});
