import amqp from "amqplib";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEngine, loadImageSubstitution, type EngineClient } from "@bosun/hosting/runtime";
import { eventually } from "./support/eventually.js";
import { startTestContainer, type StartedContainer } from "./support/test-containers.js";

// The official images bosun defaults to; BOSUN_IMAGE_MAP (set by `npm test` on machines without
// registry access) turns them into the offline stand-ins, whose contract this test pins.
const POSTGRES = "docker.io/library/postgres:17.6";
const REDIS = "docker.io/library/redis:8.6";
const RABBITMQ = "docker.io/library/rabbitmq:4.2-management";
const READY_WITHIN_MS = 90_000;
const PROBE_TIMEOUT_MS = 3_000;
const PASSWORD = "s3cret-Pa55word";

const substitution = loadImageSubstitution({ env: process.env, cwd: process.cwd() });
const image = (reference: string) => substitution.substitute(reference).image;

let engine: EngineClient;
const started: Promise<StartedContainer>[] = [];
let postgres: Promise<StartedContainer>;
let redis: Promise<StartedContainer>;
let rabbitmq: Promise<StartedContainer>;

function track(container: Promise<StartedContainer>): Promise<StartedContainer> {
  started.push(container);
  container.catch(() => {}); // reported by the test that awaits it
  return container;
}

/** Probes until ready; on failure the error carries the container's last log lines. */
async function whenReady<T>(container: StartedContainer, what: string, probe: () => Promise<T>): Promise<T> {
  try {
    return await eventually(what, READY_WITHIN_MS, probe);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- last log lines of ${container.name} ---\n${await container.recentLogs()}`);
  }
}

beforeAll(async () => {
  engine = await connectEngine();
  // All three start at once; each test waits only for its own server.
  postgres = track(
    startTestContainer(engine, {
      name: "postgres",
      image: image(POSTGRES),
      env: { POSTGRES_USER: "shop", POSTGRES_PASSWORD: PASSWORD, POSTGRES_DB: "orders" },
      ports: [{ containerPort: 5432 }],
    }),
  );
  redis = track(
    startTestContainer(engine, {
      name: "redis",
      image: image(REDIS),
      env: {},
      cmd: ["redis-server", "--requirepass", PASSWORD],
      ports: [{ containerPort: 6379 }],
    }),
  );
  rabbitmq = track(
    startTestContainer(engine, {
      name: "rabbitmq",
      image: image(RABBITMQ),
      env: { RABBITMQ_DEFAULT_USER: "shop", RABBITMQ_DEFAULT_PASS: PASSWORD },
      ports: [{ containerPort: 5672 }, { containerPort: 15672 }],
    }),
  );
});

afterAll(async () => {
  const containers = await Promise.allSettled(started);
  for (const result of containers) {
    if (result.status === "fulfilled") await engine.containers.remove(result.value.id, { force: true, removeVolumes: true });
  }
});

describe(`postgres (${image(POSTGRES)})`, () => {
  it("accepts the POSTGRES_USER with its password and has created POSTGRES_DB in UTF8", async () => {
    const container = await postgres;
    const port = container.hostPort(5432);
    const row = await whenReady(container, "a pg query", async () => {
      const client = new pg.Client({
        host: "127.0.0.1",
        port,
        user: "shop",
        password: PASSWORD,
        database: "orders",
        connectionTimeoutMillis: PROBE_TIMEOUT_MS,
        query_timeout: PROBE_TIMEOUT_MS,
      });
      client.on("error", () => {});
      try {
        await client.connect();
        const result = await client.query(
          "SELECT 1 AS one, current_user AS user, current_database() AS db, " +
            "pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
        );
        return result.rows[0] as { one: number; user: string; db: string; encoding: string };
      } finally {
        await client.end().catch(() => {});
      }
    });
    expect(row).toEqual({ one: 1, user: "shop", db: "orders", encoding: "UTF8" });
  });
});

describe(`redis (${image(REDIS)})`, () => {
  it("answers PING, SET and GET with --requirepass and refuses clients without the password", async () => {
    const container = await redis;
    const port = container.hostPort(6379);
    const connect = async (password?: string) => {
      const client = new Redis({
        host: "127.0.0.1",
        port,
        ...(password ? { password } : {}),
        lazyConnect: true,
        enableReadyCheck: false, // the ready check would fail without a password and close the connection
        connectTimeout: PROBE_TIMEOUT_MS,
        commandTimeout: PROBE_TIMEOUT_MS,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on("error", () => {});
      await client.connect();
      return client;
    };

    const answers = await whenReady(container, "redis PING/SET/GET", async () => {
      const client = await connect(PASSWORD);
      try {
        return [await client.ping(), await client.set("greeting", "hello"), await client.get("greeting")];
      } finally {
        client.disconnect();
      }
    });
    expect(answers).toEqual(["PONG", "OK", "hello"]);

    const anonymous = await connect();
    try {
      await expect(anonymous.get("greeting")).rejects.toThrow(/NOAUTH/);
    } finally {
      anonymous.disconnect();
    }
  });
});

describe(`rabbitmq (${image(RABBITMQ)})`, () => {
  it("accepts RABBITMQ_DEFAULT_USER over AMQP and delivers a message through a queue", async () => {
    const container = await rabbitmq;
    const url = `amqp://shop:${PASSWORD}@127.0.0.1:${container.hostPort(5672)}`;
    const connection = await whenReady(container, "an AMQP connection", () => amqp.connect(url, { timeout: PROBE_TIMEOUT_MS }));
    try {
      const channel = await connection.createChannel();
      const { queue } = await channel.assertQueue("", { exclusive: true });
      channel.sendToQueue(queue, Buffer.from("order #1"));
      const received = await eventually("the message to arrive", 10_000, async () => {
        const message = await channel.get(queue, { noAck: true });
        if (message === false) throw new Error("queue still empty");
        return message.content.toString();
      });
      expect(received).toBe("order #1");
    } finally {
      await connection.close().catch(() => {});
    }
  });

  it("serves the management API's /api/overview with basic auth", async () => {
    const container = await rabbitmq;
    const url = `http://127.0.0.1:${container.hostPort(15672)}/api/overview`;
    const get = (user: string, password: string) =>
      fetch(url, {
        headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` },
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
    const overview = await whenReady(container, "GET /api/overview", async () => {
      const response = await get("shop", PASSWORD);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as { rabbitmq_version?: string; management_version?: string };
    });
    expect(overview.rabbitmq_version).toMatch(/^\d+\.\d+/);
    expect(overview.management_version).toMatch(/^\d+\.\d+/);
    expect((await get("shop", "wrong-password")).status).toBe(401);
  });
});
