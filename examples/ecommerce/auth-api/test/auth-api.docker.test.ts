import { spawn } from "node:child_process";
import amqp from "amqplib";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derive } from "../src/config.js";
import { startBackingServices, startService, type BackingServices, type ServiceProcess } from "./fixtures/index.js";
import { AUTH_API_DIRECTORY, call, type Tokens } from "./support.js";

let infra: BackingServices;
let api: ServiceProcess;
let owner: pg.Pool;
const SERVICE_ENV = { AUTH_LOCKOUT_MAX_FAILED: "3", AUTH_LOGIN_LIMIT_PER_ACCOUNT: "6", LOG_LEVEL: "info" };
const startApi = () => startService({ name: "auth-api", directory: AUTH_API_DIRECTORY, env: { ...infra.env, ...SERVICE_ENV } });

beforeAll(async () => {
  infra = await startBackingServices();
  api = await startApi();
  owner = new pg.Pool({ connectionString: infra.env.ConnectionStrings__ecommercedb, max: 2, connectionTimeoutMillis: 5_000 });
});

afterAll(async () => {
  await api?.stop();
  await owner?.end();
  await infra?.[Symbol.asyncDispose]();
});

const register = (email: string, password = "correct horse battery") => call(api.url, "POST", "/auth/register", { email, password });
const login = (email: string, password = "correct horse battery") => call<Tokens>(api.url, "POST", "/auth/login", { email, password });

describe("auth-api against real Postgres, Redis and RabbitMQ", () => {
  it("reports the database with its user count, the cache and the broker as healthy", async () => {
    const health = await call(api.url, "GET", "/health");
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
    const connection = await amqp.connect(infra.env.ConnectionStrings__messaging!, { timeout: 5_000 });
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
      expect((await call(api.url, "POST", "/auth/register", { email: "not-an-email", password: "x" })).status).toBe(400);
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
    const me = await call(api.url, "GET", "/auth/me", undefined, { authorization: `Bearer ${first.body.accessToken}` });
    expect(me.body).toMatchObject({ email: "grace@example.com" });

    const stored = await owner.query(`SELECT "Token" FROM auth."RefreshTokens"`);
    expect(stored.rows.map((row) => row.Token)).not.toContain(first.body.refreshToken);

    const second = await call<Tokens>(api.url, "POST", "/auth/refresh", { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    const replay = await call(api.url, "POST", "/auth/refresh", { refreshToken: first.body.refreshToken });
    expect(replay).toMatchObject({ status: 401, body: { error: "invalid_token", message: expect.stringMatching(/already used/) } });
    expect((await call(api.url, "POST", "/auth/refresh", { refreshToken: second.body.refreshToken })).status).toBe(401);

    const third = await login("grace@example.com");
    expect((await call(api.url, "POST", "/auth/logout", { refreshToken: third.body.refreshToken })).status).toBe(204);
    expect((await call(api.url, "POST", "/auth/refresh", { refreshToken: third.body.refreshToken })).status).toBe(401);
    expect((await call(api.url, "GET", "/auth/me", undefined, { authorization: "Bearer not-a-token" })).status).toBe(401);
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
    const redis = new Redis(infra.env.ConnectionStrings__cache!, { maxRetriesPerRequest: 1 });
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

    const app = new pg.Client({
      host: "127.0.0.1",
      port: infra.postgres.hostPort,
      database: "ecommercedb",
      user: "auth_app",
      password: derive(infra.passwords.postgres, "auth-api/app-role"),
      connectionTimeoutMillis: 5_000,
    });
    await app.connect();
    try {
      expect((await app.query(`SELECT current_user AS "user", count(*)::int AS n FROM auth."AspNetUsers"`)).rows).toEqual([{ user: "auth_app", n: expect.any(Number) }]);
      for (const ddl of ["CREATE TABLE auth.sneaky (id int)", "CREATE TABLE public.sneaky (id int)", "CREATE TEMP TABLE sneaky (id int)", "CREATE SCHEMA sneaky"]) {
        await expect(app.query(ddl), ddl).rejects.toMatchObject({ code: "42501" });
      }
      await expect(app.query(`DROP TABLE auth."RefreshTokens"`)).rejects.toMatchObject({ code: "42501" });
      await expect(app.query(`SELECT * FROM auth."__MigrationsHistory"`)).rejects.toMatchObject({ code: "42501" });
    } finally {
      await app.end();
    }
  });

  it("answers 50 concurrent requests through the pool without a timeout", async () => {
    const { body } = await login("ada@example.com");
    const started = performance.now();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => call(api.url, "GET", "/auth/me", undefined, { authorization: `Bearer ${body.accessToken}` })),
    );
    const elapsedMs = performance.now() - started;
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    console.info(`[figures] 50 concurrent GET /auth/me (JWT + a query each, pool of 10): ${Math.round(elapsedMs)} ms`);
    const metrics = await fetch(`${api.url}/metrics`).then((response) => response.text());
    expect(metrics).toMatch(/^database_connection_attempts_total\{.*database="ecommercedb".*\} \d+/m);
    expect(metrics).toMatch(/^database_query_duration_seconds_count\{.*outcome="success".*\} \d+/m);
  });

  it("rolls back to a named migration keeping the users, then migrates up again at start-up", async () => {
    await api.stop();
    const down = await npm(["run", "migrate:down", "--", "0001_create_aspnet_users"]);
    expect(down.code).toBe(0);
    expect(down.output).toContain("rolled back: 0003_create_app_role, 0002_create_refresh_tokens");
    const state = await owner.query(`SELECT
        (SELECT count(*)::int FROM auth."AspNetUsers") AS users,
        to_regclass('auth."RefreshTokens"') IS NULL AS "tokensGone",
        NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'auth_app') AS "roleGone"`);
    expect(state.rows[0]).toEqual({ users: 3, tokensGone: true, roleGone: true });
    expect((await npm(["run", "migrate:list"])).output).toMatch(/\d{4}-\d\d-\d\dT\S+\s+0001_create_aspnet_users\s+pending\s+0002_create_refresh_tokens\s+pending\s+0003_create_app_role/);
    const unknown = await npm(["run", "migrate:down", "--", "9999_nope"]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("no migration is named '9999_nope'; use one of 0001_create_aspnet_users, 0002_create_refresh_tokens, 0003_create_app_role, or 0 to roll back everything");

    api = await startApi();
    expect(api.logs().join("\n")).toMatch(/migration 0002_create_refresh_tokens applied[\s\S]*migration 0003_create_app_role applied/);
    const again = await login("ada@example.com");
    expect(again.status).toBe(200);
    expect((await call(api.url, "GET", "/health")).body).toMatchObject({ checks: { database: { detail: { users: 3 } } } });
  });
});

/** npm in the auth-api folder with the injected environment; output is stdout and stderr together. */
function npm(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", [...args], { cwd: AUTH_API_DIRECTORY, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...infra.env, LOG_LEVEL: "warn" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}
