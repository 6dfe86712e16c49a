import { createServer } from "node:net";
import amqp from "amqplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEngine, loadImageSubstitution, type EngineClient } from "@bosun/hosting/runtime";
import { eventually } from "../../../test/support/eventually.js";
import { startTestContainer, type StartedContainer } from "../../../test/support/test-containers.js";
import { connectAmqp } from "./amqp/connect-amqp.js";
import type { AmqpConnection } from "./amqp/amqp-connection.js";
import { amqpHealthCheck, redisHealthCheck } from "./health/dependency-checks.js";
import { runHealthChecks } from "./health/run-health-checks.js";
import type { LoggerLike } from "./logging/logger-like.js";
import { createRedis } from "./redis/create-redis.js";

const substitution = loadImageSubstitution({ env: process.env, cwd: process.cwd() });
const REDIS = substitution.substitute("docker.io/library/redis:7").image;
const RABBITMQ = substitution.substitute("docker.io/library/rabbitmq:3-management").image;
const PASSWORD = "s3cret-Pa55word";

let engine: EngineClient;
const containers: StartedContainer[] = [];
const lines: string[] = [];
const logger: LoggerLike = {
  debug: () => {},
  info: (_d, message) => void lines.push(`info: ${message}`),
  warn: (_d, message) => void lines.push(`warn: ${message}`),
  error: (_d, message) => void lines.push(`error: ${message}`),
};

/** A fixed host port, so the restarted container is where the client was told it is. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function restart(container: StartedContainer, stopSeconds: number): Promise<void> {
  await engine.containers.stop(container.id, { timeoutSeconds: stopSeconds });
  await engine.containers.start(container.id);
}

beforeAll(async () => {
  engine = await connectEngine();
});

afterAll(async () => {
  for (const container of containers) await engine.containers.remove(container.id, { force: true, removeVolumes: true });
});

describe(`createRedis against ${REDIS}`, () => {
  it("reconnects by itself after the server restarts, and fails commands fast while it is down", async () => {
    const port = await freePort();
    const container = await startTestContainer(engine, { name: "sd-redis", image: REDIS, env: {}, cmd: ["redis-server", "--requirepass", PASSWORD], ports: [{ containerPort: 6379, hostPort: port }] });
    containers.push(container);
    const redis = createRedis("cache", { logger, env: { ConnectionStrings__cache: `redis://:${PASSWORD}@localhost:${port}` }, reconnect: { maxDelayMs: 500 } });
    try {
      await eventually("redis to answer", 60_000, () => redis.set("k", "v"));
      await engine.containers.stop(container.id, { timeoutSeconds: 5 });
      const started = performance.now();
      await expect(redis.get("k")).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(6_000);
      expect((await runHealthChecks([redisHealthCheck(redis)])).failing).toEqual(["cache"]);

      await engine.containers.start(container.id);
      await eventually("redis to answer again", 60_000, async () => expect(await redis.ping()).toBe("PONG"));
      expect((await runHealthChecks([redisHealthCheck(redis)])).status).toBe("Healthy");
      expect(lines.join("\n")).toMatch(/cache 'cache' \(localhost:\d+\): connection lost; reconnecting[\s\S]*reconnected/);
      expect(lines.join("\n")).not.toContain(PASSWORD);
    } finally {
      redis.disconnect();
    }
  });
});

describe(`connectAmqp against ${RABBITMQ}`, () => {
  it("re-establishes connection, channel and exchange after the broker restarts, refusing publishes meanwhile", async () => {
    const port = await freePort();
    const container = await startTestContainer(engine, {
      name: "sd-rabbitmq",
      image: RABBITMQ,
      hostname: "sd-rabbitmq",
      env: { RABBITMQ_DEFAULT_USER: "shop", RABBITMQ_DEFAULT_PASS: PASSWORD },
      ports: [{ containerPort: 5672, hostPort: port }],
    });
    containers.push(container);
    const url = `amqp://shop:${PASSWORD}@localhost:${port}`;
    let setups = 0;
    let bus: AmqpConnection | undefined;
    try {
      bus = await connectAmqp("messaging", {
        logger,
        env: { ConnectionStrings__messaging: url },
        startupTimeoutMs: 90_000,
        reconnect: { initialDelayMs: 200, maxDelayMs: 1_000 },
        setup: async (channel) => {
          setups += 1;
          await channel.assertExchange("test.events", "topic", { durable: true });
        },
      });
      await bus.publish("test.events", "a.b", { n: 1 });

      await restart(container, 20);
      expect(bus.isConnected).toBe(false);
      await expect(bus.publish("test.events", "a.b", { n: 2 })).rejects.toMatchObject({ code: "DEPENDENCY_UNAVAILABLE" });
      expect((await runHealthChecks([amqpHealthCheck(bus)])).failing).toEqual(["messaging"]);

      const started = performance.now();
      await eventually("the broker connection to come back", 90_000, async () => {
        if (!bus!.isConnected) throw new Error("not yet");
      });
      console.info(`[figures] AMQP reconnected ${Math.round(performance.now() - started)} ms after the broker container started again`);
      expect(setups).toBe(2);

      const consumer = await amqp.connect(url, { timeout: 5_000 });
      try {
        const channel = await consumer.createChannel();
        const { queue } = await channel.assertQueue("", { exclusive: true });
        await channel.bindQueue(queue, "test.events", "a.*");
        await bus.publish("test.events", "a.b", { n: 3 });
        const message = await eventually("the message", 10_000, async () => {
          const got = await channel.get(queue, { noAck: true });
          if (got === false) throw new Error("not yet");
          return JSON.parse(got.content.toString()) as unknown;
        });
        expect(message).toEqual({ n: 3 });
      } finally {
        await consumer.close();
      }
      expect(lines.join("\n")).toMatch(/broker 'messaging' \(localhost:\d+\): connection lost; reconnecting[\s\S]*reconnected/);
      expect(lines.join("\n")).not.toContain(PASSWORD);
    } finally {
      await bus?.close();
    }
  });
});
