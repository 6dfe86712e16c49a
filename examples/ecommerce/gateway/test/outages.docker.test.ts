import pg from "pg";
import { connectEngine, type EngineClient } from "@bosun/hosting/runtime";
import { startTestApp, TEST_LABEL, type TestApp } from "@bosun/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineApp } from "../../../../apphost/app.js";
import { APPHOST_DIRECTORY, jsonClient, type JsonCall, type Tokens, untilListening } from "../../auth-api/test/support.js";

const HALF_OPEN_AFTER_MS = 3_000;
const USER = { email: "lin@example.com", password: "a long enough password" };

let app: TestApp;
let engine: EngineClient;
let gateway: JsonCall;
let authApi: JsonCall;

beforeAll(async () => {
  app = await startTestApp(defineApp, {
    resources: ["gateway"],
    appHostDirectory: APPHOST_DIRECTORY,
    // Postgres is stopped and started again below: it must come back on the port auth-api was given.
    stableHostPorts: true,
    // Small resilience timings so the breaker opens and half-opens within the test.
    env: { AUTH_DB_RETRY_INITIAL_DELAY_MS: "50", AUTH_DB_RETRY_MAX_DELAY_MS: "200", AUTH_DB_BREAKER_HALF_OPEN_MS: String(HALF_OPEN_AFTER_MS) },
  });
  engine = await connectEngine();
  await untilListening(app.httpClient("gateway"));
  gateway = jsonClient(app.httpClient("gateway"));
  authApi = jsonClient(app.httpClient("auth-api"));
  expect((await gateway("POST", "/api/auth/register", USER)).status).toBe(201);
});

afterAll(async () => {
  await app?.stop();
});

/** The test app's Postgres container, found by the labels bosun puts on it. */
async function postgresContainer(): Promise<string> {
  const labels = { [TEST_LABEL.session]: app.sessionId, [TEST_LABEL.resource]: "postgres" };
  const [container] = await engine.containers.list({ labels, all: true });
  if (!container) throw new Error(`no container labelled ${JSON.stringify(labels)}`);
  return container.id;
}

/** Whether Postgres accepts a connection and a query within 3 s. */
async function postgresServes(): Promise<boolean> {
  const client = new pg.Client({ connectionString: app.connectionString("ecommercedb"), connectionTimeoutMillis: 3_000, query_timeout: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A request's status and how long it took. */
async function timed(request: () => Promise<{ status: number }>): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await request();
  return { status: response.status, ms: performance.now() - started };
}

describe("gateway and auth-api from the reference model through outages", () => {
  it("answers 503 while Postgres is stopped, fails fast once the breaker opens, and recovers by itself", async () => {
    const { body: tokens } = await gateway<Tokens>("POST", "/api/auth/login", USER);
    const me = () => gateway("GET", "/api/auth/me", undefined, { authorization: `Bearer ${tokens.accessToken}` });
    expect((await me()).status).toBe(200);

    const postgres = await postgresContainer();
    await engine.containers.stop(postgres, { timeoutSeconds: 10 });
    const apiHealth = await authApi("GET", "/health");
    expect(apiHealth).toMatchObject({ status: 503, body: { status: "Unhealthy", failing: ["database"], checks: { cache: { status: "Healthy" }, messaging: { status: "Healthy" } } } });
    const gatewayHealth = await gateway("GET", "/health");
    expect(gatewayHealth).toMatchObject({ status: 503, body: { failing: ["auth-api"], checks: { "auth-api": { error: "auth-api answered 503 (failing: database)" } } } });

    // Each failed request makes 4 tries (3 retries); the breaker opens at the 5th consecutive failure.
    const whileClosed = [];
    for (let i = 0; i < 2; i += 1) whileClosed.push(await timed(me));
    expect(whileClosed.map((r) => r.status)).toEqual([503, 503]);
    // Failing fast is proved by behaviour, not by a time: the circuit is open, and an open circuit
    // answers without trying, so no retry is logged for these requests (the log is read after a
    // pause, since lines reach the AppHost through a pipe).
    const settledLogs = async () => (await new Promise((resolve) => setTimeout(resolve, 500)), app.logs("auth-api").join("\n"));
    const retries = (logs: string) => (logs.match(/retry \d+ of/g) ?? []).length;
    const beforeFailFast = await settledLogs();
    expect(beforeFailFast).toMatch(/circuit opened/);
    const failFast = [];
    for (let i = 0; i < 5; i += 1) failFast.push(await timed(me));
    expect(failFast.map((r) => r.status)).toEqual(Array(5).fill(503));
    expect(retries(await settledLogs())).toBe(retries(beforeFailFast));
    console.info(`[figures] Postgres stopped: first failing requests took ${whileClosed.map((r) => Math.round(r.ms)).join(", ")} ms (retries); with the breaker open ${failFast.map((r) => r.ms.toFixed(1)).join(", ")} ms through the gateway`);

    const restarted = performance.now();
    await engine.containers.start(postgres);
    await expect.poll(postgresServes, { timeout: 60_000, interval: 100 }).toBe(true);
    const serverBackMs = performance.now() - restarted;
    await expect.poll(async () => (await me()).status, { timeout: 60_000, interval: 100 }).toBe(200);
    const recoveredMs = performance.now() - restarted;
    expect((await gateway("GET", "/health")).status).toBe(200);
    expect((await authApi("GET", "/health")).body).toMatchObject({ checks: { database: { detail: { circuit: "closed" } } } });
    console.info(`[figures] Postgres serving again ${Math.round(serverBackMs)} ms after start; requests succeed again ${Math.round(recoveredMs)} ms after start (breaker half-opens after ${HALF_OPEN_AFTER_MS} ms)`);
    expect(app.logs("auth-api").join("\n")).toMatch(/circuit opened[\s\S]*circuit half-open[\s\S]*circuit closed/);
  });

  it("answers 502 and an unhealthy /health naming auth-api when it is down", async () => {
    await app.stopResource("auth-api");
    expect(await gateway("POST", "/api/auth/login", { email: USER.email, password: "x" })).toMatchObject({
      status: 502,
      body: { error: "bad_gateway", message: "auth-api is unavailable" },
    });
    expect(await gateway("GET", "/health")).toMatchObject({ status: 503, body: { failing: ["auth-api"] } });
    expect(app.resource("gateway").state).toBe("Running");
  });
});
