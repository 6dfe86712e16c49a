import { createServer } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEngine, loadImageSubstitution, type EngineClient } from "@bosun/hosting/runtime";
import { eventually } from "../../../../test/support/eventually.js";
import { startTestContainer, type StartedContainer } from "../../../../test/support/test-containers.js";
import { DependencyUnavailableError } from "../errors/service-defaults-error.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { createPgPool, type ResilientPool } from "./create-pg-pool.js";
import { isTransientDatabaseError } from "./transient-errors.js";

// A database that goes away under checked-out clients must never end the process (pg emits 'error'
// on such a client and pg-pool does not listen while it is checked out).
const POSTGRES = loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute("docker.io/library/postgres:15").image;
const PASSWORD = "L0st-connection-pw";

let engine: EngineClient;
let container: StartedContainer;
let port: number;
let db: ResilientPool;
const lines: string[] = [];
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => void uncaught.push(error);
const logger: LoggerLike = { debug: () => {}, info: () => {}, warn: (_d, message) => void lines.push(message), error: () => {} };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: free } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return free;
}

/** One statement on a connection of its own (not the pool under test). */
async function admin<R extends pg.QueryResultRow>(text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/faultdb`, connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A transaction idle between two statements, two running statements and a client held idle by the caller. */
async function inFlight() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let attempts = 0;
  const transaction = db.transaction(async (client) => {
    attempts += 1;
    await client.query("INSERT INTO lost_rows VALUES ($1)", [attempts]);
    if (attempts === 1) await gate;
    await client.query("SELECT 1");
    return attempts;
  });
  const running = [db.query("SELECT pg_sleep(2)"), db.query("SELECT pg_sleep(2)")];
  // Settled from the start: they may fail before the test looks at them.
  const outcomes = Promise.allSettled([transaction, ...running]);
  const held = await db.pool.connect();
  await eventually("the transaction and the statements to reach the server", 20_000, async () => {
    const states = await admin<{ state: string }>("SELECT state FROM pg_stat_activity WHERE application_name = 'lost-connection' ORDER BY state");
    if (states.filter((s) => s.state === "active").length < 2 || !states.some((s) => s.state === "idle in transaction")) throw new Error(JSON.stringify(states));
  });
  return { open, settled: () => outcomes, held };
}

const failedTransiently = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === "fulfilled" || outcome.reason instanceof DependencyUnavailableError || isTransientDatabaseError(outcome.reason);

beforeAll(async () => {
  process.on("uncaughtException", recordUncaught);
  process.on("unhandledRejection", recordUncaught);
  engine = await connectEngine();
  port = await freePort();
  container = await startTestContainer(engine, {
    name: "service-defaults-lost-connection",
    image: POSTGRES,
    env: { POSTGRES_PASSWORD: PASSWORD, POSTGRES_DB: "faultdb" },
    ports: [{ containerPort: 5432, hostPort: port }],
  });
  db = createPgPool("faultdb", {
    logger,
    env: { ConnectionStrings__faultdb: `Host=127.0.0.1;Port=${port};Database=faultdb;Username=postgres;Password=${PASSWORD};Application Name=lost-connection;Timeout=3` },
    retry: { initialDelayMs: 100, maxDelayMs: 500 },
    breaker: { halfOpenAfterMs: 500 },
  });
  await eventually("postgres to accept queries", 90_000, () => db.pool.query("SELECT 1"));
  await db.query("CREATE TABLE lost_rows (attempt int)");
});

afterAll(async () => {
  process.off("uncaughtException", recordUncaught);
  process.off("unhandledRejection", recordUncaught);
  if (container) await engine.containers.remove(container.id, { force: true, removeVolumes: true });
  // A failed test may leave its held client checked out, and pool.end() waits for every client.
  await Promise.race([db?.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
});

describe(`createPgPool when the server drops checked-out connections (${POSTGRES})`, () => {
  it("survives pg_terminate_backend under a transaction, running statements and a held client, and retries them", async () => {
    const work = await inFlight();
    await admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lost-connection'");
    await eventually("both checked-out clients to report their lost connection", 10_000, async () => {
      if (lines.filter((line) => line.includes("connection lost while checked out: 57P01")).length < 2) throw new Error(lines.join("\n"));
    });
    work.open();
    const [transaction, ...running] = await work.settled();
    expect(transaction).toEqual({ status: "fulfilled", value: 2 });
    expect(running.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled"]);
    await expect(work.held.query("SELECT 1")).rejects.toThrow(/not queryable/);
    work.held.release();
    expect(await admin("SELECT attempt FROM lost_rows")).toEqual([{ attempt: 2 }]);
    expect(uncaught).toEqual([]);
  });

  it("survives the server being killed under them, fails them as unavailable, and answers once it is back", async () => {
    const work = await inFlight();
    await engine.containers.kill(container.id, "SIGKILL");
    work.open();
    const outcomes = await work.settled();
    expect(outcomes.filter((outcome) => outcome.status === "rejected").length).toBeGreaterThan(0);
    expect(outcomes.every(failedTransiently)).toBe(true);
    work.held.release();
    await engine.containers.start(container.id);
    await eventually("the pool to answer again", 60_000, () => db.transaction((client) => client.query("SELECT 1")));
    expect(uncaught).toEqual([]);
  });

  it("survives another backend crashing (the server resets every connection, as on a full WAL disk)", async () => {
    const work = await inFlight();
    const [{ pid }] = await admin<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'lost-connection' AND state = 'active' LIMIT 1") as [{ pid: number }];
    await engine.containers.exec(container.id, ["sh", "-c", `kill -9 ${pid}`]);
    work.open();
    expect((await work.settled()).every(failedTransiently)).toBe(true);
    work.held.release();
    await eventually("the pool to answer again", 60_000, () => db.transaction((client) => client.query("SELECT 1")));
    expect(lines.some((line) => /connection lost while checked out: (57P02|Connection terminated)/.test(line))).toBe(true);
    expect(uncaught).toEqual([]);
  });
});
