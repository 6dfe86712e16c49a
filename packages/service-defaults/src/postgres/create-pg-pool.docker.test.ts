import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEngine, loadImageSubstitution, type EngineClient } from "@bosun/hosting/runtime";
import { eventually } from "../../../../test/support/eventually.js";
import { startTestContainer, type StartedContainer } from "../../../../test/support/test-containers.js";
import { DependencyUnavailableError } from "../errors/service-defaults-error.js";
import { pgHealthCheck } from "../health/dependency-checks.js";
import { runHealthChecks } from "../health/run-health-checks.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { createMetrics } from "../metrics/service-metrics.js";
import { createPgPool, type ResilientPool } from "./create-pg-pool.js";

// BOSUN_IMAGE_MAP turns the official image into the offline stand-in on machines without a registry.
const POSTGRES = loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute("docker.io/library/postgres:15").image;
const PASSWORD = "s3cret-Pa55word";
const HALF_OPEN_AFTER_MS = 1_000;

let engine: EngineClient;
let container: StartedContainer;
let db: ResilientPool;
const lines: string[] = [];
const logger: LoggerLike = {
  debug: () => {},
  info: (_d, message) => void lines.push(`info: ${message}`),
  warn: (_d, message) => void lines.push(`warn: ${message}`),
  error: (_d, message) => void lines.push(`error: ${message}`),
};
const metrics = createMetrics({ serviceName: "test", processMetrics: false });

/** A free 127.0.0.1 port, given to the engine explicitly so a restarted container keeps it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  engine = await connectEngine();
  const port = await freePort();
  container = await startTestContainer(engine, {
    name: "service-defaults-postgres",
    image: POSTGRES,
    env: { POSTGRES_PASSWORD: PASSWORD, POSTGRES_DB: "ecommercedb" },
    ports: [{ containerPort: 5432, hostPort: port }],
  });
  db = createPgPool("ecommercedb", {
    logger,
    metrics,
    env: { ConnectionStrings__ecommercedb: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/ecommercedb` },
    config: { connectionTimeoutMillis: 2_000, max: 10 },
    retry: { initialDelayMs: 20, maxDelayMs: 100 },
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: HALF_OPEN_AFTER_MS },
  });
  await eventually("postgres to accept queries", 90_000, () => db.pool.query("SELECT 1"));
});

afterAll(async () => {
  await db?.end().catch(() => {});
  if (container) await engine.containers.remove(container.id, { force: true, removeVolumes: true });
});

const errorCount = async () => {
  const metric = await metrics.databaseQueryDuration.get();
  return metric.values.find((v) => v.metricName?.endsWith("_count") && v.labels.outcome === "error")?.value ?? 0;
};

describe(`createPgPool against ${POSTGRES}`, () => {
  it("runs queries and transactions, and does not retry an SQL error", async () => {
    expect((await db.query<{ n: number }>("SELECT 41 + 1 AS n")).rows).toEqual([{ n: 42 }]);
    await db.query("CREATE TABLE items (id int PRIMARY KEY)");
    await expect(db.transaction(async (client) => {
      await client.query("INSERT INTO items VALUES (1)");
      await client.query("INSERT INTO items VALUES (1)");
    })).rejects.toMatchObject({ code: "23505" });
    expect((await db.query("SELECT * FROM items")).rowCount).toBe(0);

    const before = await errorCount();
    await expect(db.query("SELEC 1")).rejects.toMatchObject({ code: "42601" });
    expect((await errorCount()) - before).toBe(1);
    expect(db.circuitState).toBe("closed");
  });

  it("completes 50 concurrent queries through a pool of 10 without a timeout", async () => {
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => db.query<{ i: number }>("SELECT $1::int AS i, pg_sleep(0.05)", [i])));
    const elapsedMs = performance.now() - started;
    expect(results.map((result) => result.rows[0]!.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    console.log(`50 concurrent queries (50 ms each, pool of 10): ${elapsedMs.toFixed(0)} ms`);
  });

  it("opens the circuit when the server stops, fails fast, reports 503-worthy health, and recovers by itself", async () => {
    const health = [pgHealthCheck(db)];
    expect((await runHealthChecks(health)).status).toBe("Healthy");
    await engine.containers.stop(container.id, { timeoutSeconds: 10 });

    const failures = await Promise.allSettled(Array.from({ length: 3 }, () => db.query("SELECT 1")));
    expect(failures.every((result) => result.status === "rejected")).toBe(true);
    expect(db.circuitState).toBe("open");
    const report = await runHealthChecks(health);
    expect(report).toMatchObject({ status: "Unhealthy", failing: ["database"] });

    const started = performance.now();
    await expect(db.query("SELECT 1")).rejects.toBeInstanceOf(DependencyUnavailableError);
    const failFastMs = performance.now() - started;
    expect(failFastMs).toBeLessThan(50);
    console.log(`open circuit: a query fails in ${failFastMs.toFixed(2)} ms`);

    await engine.containers.start(container.id);
    const restarted = performance.now();
    await eventually("queries to succeed again", 60_000, () => db.query("SELECT 1"));
    console.log(`recovered ${(performance.now() - restarted).toFixed(0)} ms after the container started again`);
    expect(db.circuitState).toBe("closed");
    expect((await runHealthChecks(health)).status).toBe("Healthy");
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/circuit opened after 5 consecutive failures/),
      expect.stringMatching(/circuit half-open/),
      expect.stringMatching(/circuit closed/),
    ]));
    expect(lines.join("\n")).not.toContain(PASSWORD);
  });
});
