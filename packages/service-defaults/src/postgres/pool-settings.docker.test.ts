import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEngine, loadImageSubstitution, type EngineClient } from "@bosun/hosting/runtime";
import { eventually } from "../../../../test/support/eventually.js";
import { startTestContainer, type StartedContainer } from "../../../../test/support/test-containers.js";
import { createLogger } from "../logging/create-logger.js";
import { createPgPool, type ResilientPool } from "./create-pg-pool.js";

const POSTGRES = loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute("docker.io/library/postgres:15").image;
const PASSWORD = "Pool-s3ttings-pw";

let engine: EngineClient;
let container: StartedContainer;
let base: string;
const pools: ResilientPool[] = [];

/** A real pino logger at `level` whose JSON lines are kept. */
function recordingLogger(level: "info" | "warn") {
  const records: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) records.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ serviceName: "pool-test", level, destination }), records };
}

function pool(keywords: string, level: "info" | "warn" = "info", env: Record<string, string> = {}) {
  const { logger, records } = recordingLogger(level);
  const db = createPgPool("ecommercedb", { logger, env: { ...env, ConnectionStrings__ecommercedb: `${base};${keywords}` }, retry: { maxRetries: 0 } });
  pools.push(db);
  return { db, records };
}

const messages = (records: Record<string, unknown>[]) => records.map((r) => String(r.msg));

beforeAll(async () => {
  engine = await connectEngine();
  container = await startTestContainer(engine, {
    name: "service-defaults-pool-settings",
    image: POSTGRES,
    env: { POSTGRES_PASSWORD: PASSWORD, POSTGRES_DB: "ecommercedb" },
    ports: [{ containerPort: 5432 }],
  });
  base = `Host=127.0.0.1;Port=${container.hostPort(5432)};Database=ecommercedb;Username=postgres;Password=${PASSWORD}`;
  const probe = pool("Timeout=2").db;
  await eventually("postgres to accept queries", 90_000, () => probe.pool.query("SELECT 1"));
});

afterAll(async () => {
  await Promise.allSettled(pools.map((db) => db.end()));
  if (container) await engine.containers.remove(container.id, { force: true, removeVolumes: true });
});

describe(`pool settings from Npgsql keywords against ${POSTGRES}`, () => {
  it("opens Minimum Pool Size connections at start and never more than Maximum Pool Size under load", async () => {
    const started = performance.now();
    const { db } = pool("Minimum Pool Size=5;Maximum Pool Size=7;Application Name=pool-test");
    await db.warmed;
    const warmMs = performance.now() - started;
    const warm = { total: db.pool.totalCount, idle: db.pool.idleCount };
    expect(warm).toEqual({ total: 5, idle: 5 });
    const server = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'pool-test'");
    expect(server.rows[0]!.n).toBe(5);

    let highest = 0;
    await Promise.all(
      Array.from({ length: 30 }, async () => {
        await db.query("SELECT pg_sleep(0.05)");
        highest = Math.max(highest, db.pool.totalCount);
      }),
    );
    expect(highest).toBe(7);
    console.info(`[figures] pool warm-up: ${warm.idle} idle connections after ${Math.round(warmMs)} ms; busiest: ${highest} of max 7`);
  });

  it("accepts the design document's connection string and runs with its command timeout on the server", async () => {
    const { db } = pool("Pooling=true;MinPoolSize=5;MaxPoolSize=100;ConnectionLifetime=300;ConnectionIdleLifetime=60;ConnectionPruningInterval=10;CommandTimeout=30");
    await db.warmed;
    expect(db.pool.idleCount).toBe(5);
    expect((await db.query<{ statement_timeout: string }>("SHOW statement_timeout")).rows).toEqual([{ statement_timeout: "30s" }]);
  });

  it("opens connections again when Connection Lifetime closes them, keeping the minimum", async () => {
    const { db } = pool("MinPoolSize=3;MaxPoolSize=5;Connection Lifetime=1;Connection Idle Lifetime=1");
    await db.warmed;
    const first = await db.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await eventually("the expired connections to be replaced", 15_000, async () => {
      const again = await db.pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      if (again.rows[0]!.pid === first.rows[0]!.pid) throw new Error("still the first connection");
    });
    await eventually("the pool to be back at its minimum", 15_000, async () => {
      if (db.pool.totalCount < 3) throw new Error(`${db.pool.totalCount} connections`);
    });
  });

  it("survives the server ending every connection at once and opens the minimum again", async () => {
    const { db, records } = pool("Minimum Pool Size=5;Maximum Pool Size=10;Application Name=terminated");
    await db.warmed;
    const before = await db.pool.query<{ pids: number[] }>("SELECT array_agg(pid) AS pids FROM pg_stat_activity WHERE application_name = 'terminated'");
    const killer = pool("Maximum Pool Size=1").db;
    await killer.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'terminated'");
    await eventually("five new connections", 20_000, async () => {
      const now = await killer.query<{ pids: number[] }>("SELECT array_agg(pid) AS pids FROM pg_stat_activity WHERE application_name = 'terminated'");
      const fresh = (now.rows[0]!.pids ?? []).filter((pid) => !before.rows[0]!.pids.includes(pid));
      if (fresh.length < 5) throw new Error(`${fresh.length} new connections`);
    });
    expect(messages(records).some((m) => m.includes("idle connection lost: 57P01"))).toBe(true);
    expect((await db.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });

  it("cancels a statement that runs longer than Command Timeout, on the server", async () => {
    const { db, records } = pool("CommandTimeout=1;Include Error Detail=true");
    const started = performance.now();
    await expect(db.query("SELECT pg_sleep(30)")).rejects.toMatchObject({ code: "57014" });
    const cancelMs = performance.now() - started;
    // Well before the statement's own 30 s: the server cancelled it.
    expect(cancelMs).toBeLessThan(20_000);
    const failed = records.find((r) => r.level === 50);
    expect(failed).toMatchObject({ code: "57014", statement: "SELECT pg_sleep(30)", msg: expect.stringContaining("canceling statement due to statement timeout") });
    console.info(`[figures] Command Timeout=1: statement cancelled after ${Math.round(cancelMs)} ms`);
  });
});

describe("query logging", () => {
  it("logs each statement at info with its duration, parameters hidden", async () => {
    const { db, records } = pool("Maximum Pool Size=2");
    await db.query("SELECT $1::text AS secret, $2::int AS n", ["hunter2", 7]);
    const line = records.find((r) => r.statement === "SELECT $1::text AS secret, $2::int AS n");
    expect(line).toMatchObject({ level: 30, dependency: "ecommercedb", durationMs: expect.any(Number), parameters: ["?", "?"], rows: 1 });
    expect(JSON.stringify(records)).not.toContain("hunter2");
  });

  it("shows parameter values and error details when sensitive-data logging is on, but not in production", async () => {
    const development = pool("Maximum Pool Size=2", "info", { LOG_SENSITIVE_DATA: "true" });
    await development.db.query("SELECT $1::text AS value", ["visible"]);
    expect(development.records.find((r) => r.statement === "SELECT $1::text AS value")).toMatchObject({ parameters: ["visible"] });

    const production = pool("Maximum Pool Size=2;Log Parameters=true", "info", { LOG_SENSITIVE_DATA: "true", NODE_ENV: "production" });
    await production.db.query("SELECT $1::text AS value", ["hidden"]);
    expect(JSON.stringify(production.records)).not.toContain('"hidden"');
    expect(messages(production.records)).toContain("sensitive-data logging (LOG_SENSITIVE_DATA, Log Parameters) is refused when NODE_ENV=production; parameters stay hidden");
  });

  it("logs a slow statement at warn and a failed one at error with its code, hint and position", async () => {
    const { db, records } = pool("Maximum Pool Size=2", "info", { LOG_SLOW_STATEMENT_MS: "100" });
    await db.query("SELECT pg_sleep(0.2)");
    expect(records.find((r) => r.statement === "SELECT pg_sleep(0.2)")).toMatchObject({ level: 40, msg: expect.stringMatching(/^slow statement: \d+(\.\d)? ms \(threshold 100 ms\)$/) });

    await expect(db.query("SELECT nosuchcolumn FROM pg_class")).rejects.toMatchObject({ code: "42703" });
    expect(records.find((r) => r.level === 50)).toMatchObject({ code: "42703", position: "8", severity: "ERROR", msg: expect.stringContaining('column "nosuchcolumn" does not exist') });

    await db.query("CREATE TABLE IF NOT EXISTS logged_unique (email text PRIMARY KEY)");
    await db.query("INSERT INTO logged_unique VALUES ('ada@example.com') ON CONFLICT DO NOTHING");
    await expect(db.query("INSERT INTO logged_unique VALUES ($1)", ["ada@example.com"])).rejects.toMatchObject({ code: "23505" });
    const duplicate = records.filter((r) => r.code === "23505").at(-1);
    expect(duplicate).toMatchObject({ constraint: "logged_unique_pkey", detail: "(hidden; Include Error Detail=true shows it)" });
  });

  it("masks passwords in statements and writes no statement line when the logger is above info", async () => {
    const quiet = pool("Maximum Pool Size=2", "warn");
    await quiet.db.query("SELECT 1");
    expect(quiet.records.filter((r) => r.statement !== undefined)).toEqual([]);

    const { db, records } = pool("Maximum Pool Size=2");
    await db.query("DROP ROLE IF EXISTS masked_role");
    await db.query("CREATE ROLE masked_role WITH LOGIN PASSWORD 'do-not-log-me'");
    expect(JSON.stringify(records)).not.toContain("do-not-log-me");
    expect(records.map((r) => r.statement)).toContain("CREATE ROLE masked_role WITH LOGIN PASSWORD '***'");
  });

  it("says once at start which keywords it ignores", async () => {
    const { db, records } = pool("Maximum Pool Size=2;ConnectionPruningInterval=10;Enlist=false");
    await db.query("SELECT 1");
    expect(messages(records).filter((m) => m.includes("is ignored"))).toEqual([
      "ConnectionStrings__ecommercedb: 'Connection Pruning Interval' is ignored: pg closes each idle connection on its own timer (Connection Idle Lifetime)",
      "ConnectionStrings__ecommercedb: 'Enlist' is ignored: Node has no ambient transactions",
    ]);
  });
});
