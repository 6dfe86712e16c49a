import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startBackingServices, startService, type BackingServices, type ServiceProcess } from "../../auth-api/test/fixtures/index.js";
import { AUTH_API_DIRECTORY, call, type Tokens } from "../../auth-api/test/support.js";

const GATEWAY_DIRECTORY = fileURLToPath(new URL("..", import.meta.url));
const HALF_OPEN_AFTER_MS = 3_000;

let infra: BackingServices;
let authApi: ServiceProcess;
let gateway: ServiceProcess;

beforeAll(async () => {
  infra = await startBackingServices();
  authApi = await startService({
    name: "auth-api",
    directory: AUTH_API_DIRECTORY,
    // Small resilience timings so the breaker opens and half-opens within the test.
    env: { ...infra.env, AUTH_DB_RETRY_INITIAL_DELAY_MS: "50", AUTH_DB_RETRY_MAX_DELAY_MS: "200", AUTH_DB_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_AFTER_MS) },
  });
  // What bosun injects for gateway.withReference(authApi).
  gateway = await startService({ name: "gateway", directory: GATEWAY_DIRECTORY, env: { "services__auth-api__http__0": authApi.url, "AUTH-API_HTTP": authApi.url } });
});

afterAll(async () => {
  await gateway?.stop();
  await authApi?.stop();
  await infra?.[Symbol.asyncDispose]();
});

const viaGateway = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call<T>(gateway.url, method, path, body, headers);

describe("gateway in front of auth-api", () => {
  it("reports healthy when auth-api is", async () => {
    const health = await viaGateway("GET", "/health");
    expect(health).toMatchObject({ status: 200, body: { status: "Healthy", checks: { "auth-api": { status: "Healthy" } } } });
  });

  it("carries a register → login → refresh → logout round trip to /auth/* with bodies, statuses and headers intact", async () => {
    const registered = await viaGateway("POST", "/api/auth/register", { email: "lin@example.com", password: "a long enough password" });
    expect(registered).toMatchObject({ status: 201, body: { email: "lin@example.com" } });
    expect((await viaGateway("POST", "/api/auth/register", { email: "lin@example.com", password: "a long enough password" })).status).toBe(409);

    const signedIn = await viaGateway<Tokens>("POST", "/api/auth/login", { email: "lin@example.com", password: "a long enough password" });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    const me = await viaGateway("GET", "/api/auth/me", undefined, { authorization: `Bearer ${signedIn.body.accessToken}` });
    expect(me.body).toMatchObject({ id: registered.body.id, email: "lin@example.com" });

    const refreshed = await viaGateway<Tokens>("POST", "/api/auth/refresh", { refreshToken: signedIn.body.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(signedIn.body.refreshToken);

    expect((await viaGateway("POST", "/api/auth/logout", { refreshToken: refreshed.body.refreshToken })).status).toBe(204);
    const afterLogout = await viaGateway("POST", "/api/auth/refresh", { refreshToken: refreshed.body.refreshToken });
    expect(afterLogout).toMatchObject({ status: 401, body: { error: "invalid_token" } });
    const wrong = await viaGateway("POST", "/api/auth/login", { email: "lin@example.com", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect((await viaGateway("GET", "/api/nothing-here")).status).toBe(404);
  });

  it("answers 503 while Postgres is stopped, fails fast once the breaker opens, and recovers by itself", async () => {
    const { body: tokens } = await viaGateway<Tokens>("POST", "/api/auth/login", { email: "lin@example.com", password: "a long enough password" });
    const me = () => viaGateway("GET", "/api/auth/me", undefined, { authorization: `Bearer ${tokens.accessToken}` });
    expect((await me()).status).toBe(200);

    await infra.postgres.stop();
    const apiHealth = await call(authApi.url, "GET", "/health");
    expect(apiHealth).toMatchObject({ status: 503, body: { status: "Unhealthy", failing: ["database"], checks: { cache: { status: "Healthy" }, messaging: { status: "Healthy" } } } });
    const gatewayHealth = await viaGateway("GET", "/health");
    expect(gatewayHealth).toMatchObject({ status: 503, body: { failing: ["auth-api"], checks: { "auth-api": { error: "auth-api answered 503 (failing: database)" } } } });

    // Each failed request makes 4 tries (3 retries); the breaker opens at the 5th consecutive failure.
    const whileClosed = [];
    for (let i = 0; i < 2; i += 1) {
      const started = performance.now();
      const response = await me();
      whileClosed.push({ status: response.status, ms: performance.now() - started });
    }
    expect(whileClosed.map((r) => r.status)).toEqual([503, 503]);
    const failFast = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const response = await me();
      failFast.push({ status: response.status, ms: performance.now() - started });
    }
    expect(failFast.map((r) => r.status)).toEqual(Array(5).fill(503));
    const fastest = Math.max(...failFast.map((r) => r.ms));
    expect(fastest).toBeLessThan(100);
    console.info(`[figures] Postgres stopped: first failing requests took ${whileClosed.map((r) => Math.round(r.ms)).join(", ")} ms (retries); with the breaker open ${failFast.map((r) => r.ms.toFixed(1)).join(", ")} ms through the gateway`);

    const restarted = performance.now();
    await infra.postgres.start();
    const serverBackMs = performance.now() - restarted;
    await eventually("GET /auth/me to succeed again", 60_000, async () => {
      const response = await me();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
    });
    const recoveredMs = performance.now() - restarted;
    expect((await viaGateway("GET", "/health")).status).toBe(200);
    expect((await call(authApi.url, "GET", "/health")).body).toMatchObject({ checks: { database: { detail: { circuit: "closed" } } } });
    console.info(`[figures] Postgres serving again ${Math.round(serverBackMs)} ms after start; requests succeed again ${Math.round(recoveredMs)} ms after start (breaker half-opens after ${HALF_OPEN_AFTER_MS} ms)`);
    expect(authApi.logs().join("\n")).toMatch(/circuit opened[\s\S]*circuit half-open[\s\S]*circuit closed/);
  });

  it("answers 502 and an unhealthy /health naming auth-api when it is down", async () => {
    await authApi.stop();
    expect(await viaGateway("POST", "/api/auth/login", { email: "lin@example.com", password: "x" })).toMatchObject({
      status: 502,
      body: { error: "bad_gateway", message: "auth-api is unavailable" },
    });
    expect(await viaGateway("GET", "/health")).toMatchObject({ status: 503, body: { failing: ["auth-api"] } });
  });

  it("never logs a password or token", () => {
    const output = [...authApi.logs(), ...gateway.logs()].join("\n");
    expect(output).not.toContain(infra.passwords.postgres);
    expect(output).not.toContain("a long enough password");
  });
});
