import { spawn } from "node:child_process";
import pg from "pg";
import { startTestApp, type TestApp } from "@bosun/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defineApp } from "../../../../apphost/app.js";
import { APPHOST_DIRECTORY, AUTH_API_DIRECTORY, jsonClient, type JsonCall, type Tokens } from "./support.js";

const PASSWORD = "correct horse battery";
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 60_000, interval: 200 });
const USERS = ["ada@example.com", "grace@example.com", "mallory@example.com"];

let app: TestApp;
let api: JsonCall;
let owner: pg.Pool;

beforeAll(async () => {
  app = await startTestApp(defineApp, { resources: ["auth-api"], appHostDirectory: APPHOST_DIRECTORY, env: { LOG_LEVEL: "info" } });
  // Same port after a restart by hand, so this client reaches the restarted service too.
  api = jsonClient(app.httpClient("auth-api"));
  owner = new pg.Pool({ connectionString: app.connectionString("ecommercedb"), max: 2, connectionTimeoutMillis: 5_000 });
});

afterAll(async () => {
  await owner?.end();
  await app?.stop();
});

describe("auth-api's migrations against the reference model's Postgres", () => {
  it("applies every migration in the job auth-api waits for, before auth-api starts", async () => {
    expect(app.resource("auth-api-migrate")).toMatchObject({ state: "Finished", exitCode: 0 });
    expect(app.logs("auth-api-migrate").join("\n")).toMatch(
      /migration 0001_create_aspnet_users applied[\s\S]*migration 0002_create_refresh_tokens applied[\s\S]*migration 0003_create_app_role applied/,
    );
    for (const email of USERS) expect((await api("POST", "/auth/register", { email, password: PASSWORD })).status).toBe(201);
  });

  it("rolls back by hand as the owner keeping the users, and the job migrates up again and restores the role", async () => {
    expect(await app.stopResource("auth-api")).toMatchObject({ state: "Finished", exitCode: 0 });
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

    await app.restartResource("auth-api-migrate");
    await eventually(() => expect(app.resource("auth-api-migrate")).toMatchObject({ state: "Finished", exitCode: 0, restarts: 1 }));
    const logs = app.logs("auth-api-migrate").join("\n");
    expect(logs).toMatch(/applied: 0002_create_refresh_tokens, 0003_create_app_role/);
    await app.restartResource("auth-api");
    await app.waitForHealthy("auth-api");
    const again = await api<Tokens>("POST", "/auth/login", { email: "ada@example.com", password: PASSWORD });
    expect(again.status).toBe(200);
    expect((await api("GET", "/health")).body).toMatchObject({ checks: { database: { detail: { users: 3 } } } });
  });
});

/** npm in the auth-api folder with the database's connection string; output is stdout and stderr together. */
function npm(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ConnectionStrings__ecommercedb: app.connectionString("ecommercedb"), LOG_LEVEL: "warn" };
    const child = spawn("npm", [...args], { cwd: AUTH_API_DIRECTORY, env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}
