import amqp from "amqplib";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineApp } from "../../../apphost/app.js";
import { startTestApp, TEST_LABEL, type TestApp } from "./index.js";
import { APPHOST_DIRECTORY, mountsOf, objectsOf, STACK_RESOURCES, testEngine } from "./testing-support/engine-view.js";

let app: TestApp;
let startedInMs = 0;

beforeAll(async () => {
  const t0 = performance.now();
  app = await startTestApp(defineApp, { resources: [...STACK_RESOURCES], appHostDirectory: APPHOST_DIRECTORY });
  startedInMs = performance.now() - t0;
  console.info(`[figures] reference subset (${STACK_RESOURCES.join(", ")}) healthy in ${Math.round(startedInMs)} ms`);
});

afterAll(async () => {
  await app?.stop();
});

async function containerOf(resource: string) {
  const { containers } = await objectsOf(app.appKey);
  const container = containers.find((c) => c.labels[TEST_LABEL.resource] === resource);
  if (!container) throw new Error(`no container for '${resource}' among ${containers.map((c) => c.name).join(", ")}`);
  return container;
}

describe("startTestApp with the reference stack's ecommercedb, cache and messaging", () => {
  it("starts the requested resources with their parents and parameters, and nothing else", () => {
    expect(app.resources().map((r) => [r.name, r.state, r.health])).toEqual([
      ["postgres-password", "Running", "Healthy"],
      ["postgres", "Running", "Healthy"],
      ["ecommercedb", "Running", "Healthy"],
      ["cache-password", "Running", "Healthy"],
      ["cache", "Running", "Healthy"],
      ["messaging-password", "Running", "Healthy"],
      ["messaging", "Running", "Healthy"],
    ]);
    expect(app.resource("ecommercedb").state).toBe("Running");
  });

  it("gives a pg client a working connection string for the database", async () => {
    const client = new pg.Client({ connectionString: app.connectionString("ecommercedb"), connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query("CREATE TABLE orders (id serial PRIMARY KEY, item text NOT NULL)");
      await client.query("INSERT INTO orders (item) VALUES ($1)", ["kettle"]);
      const result = await client.query<{ db: string; item: string }>("SELECT current_database() AS db, item FROM orders");
      expect(result.rows).toEqual([{ db: "ecommercedb", item: "kettle" }]);
    } finally {
      await client.end();
    }
  });

  it("gives ioredis a working connection string for the cache, password included", async () => {
    const redis = new Redis(app.connectionString("cache"), { connectTimeout: 5_000, maxRetriesPerRequest: 1, lazyConnect: true });
    await redis.connect();
    try {
      await redis.set("greeting", "hello");
      expect(await redis.get("greeting")).toBe("hello");
    } finally {
      redis.disconnect();
    }
  });

  it("gives amqplib a working connection string for the broker", async () => {
    const connection = await amqp.connect(app.connectionString("messaging"), { timeout: 5_000 });
    try {
      const channel = await connection.createChannel();
      await channel.assertQueue("orders", { durable: false });
      channel.sendToQueue("orders", Buffer.from("order 1"));
      const message = await eventuallyGet(channel, "orders");
      expect(message).toBe("order 1");
    } finally {
      await connection.close();
    }
  });

  it("binds httpClient to the management endpoint of the broker", async () => {
    const { username, password } = new URL(app.connectionString("messaging"));
    const management = app.httpClient("messaging", "management");
    const response = await management("/api/overview", { headers: { authorization: `Basic ${btoa(`${decodeURIComponent(username)}:${decodeURIComponent(password)}`)}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("rabbitmq_version");
    expect(app.endpoint("messaging", "management").protocol).toBe("http:");
  });

  it("publishes every container port on 127.0.0.1 only, on random ports instead of withHostPort's", async () => {
    const engine = await testEngine();
    const published = [];
    for (const resource of ["postgres", "cache", "messaging"]) {
      const info = await engine.containers.inspect((await containerOf(resource)).id);
      published.push(...(info?.ports ?? []).map((p) => ({ resource, hostIp: p.hostIp, hostPort: p.hostPort })));
    }
    expect(published.length).toBe(4);
    expect(new Set(published.map((p) => p.hostIp))).toEqual(new Set(["127.0.0.1"]));
    expect(published.map((p) => p.hostPort)).not.toContain(5433);
    expect(published.map((p) => p.hostPort)).not.toContain(6381);
    expect(Number(app.endpoint("postgres").port)).toBe(published.find((p) => p.resource === "postgres")!.hostPort);
  });

  it("ignores withContainerName, so parallel test apps never fight over 'ecommerce-postgres'", async () => {
    const postgres = await containerOf("postgres");
    expect(postgres.name).not.toBe("ecommerce-postgres");
    expect(postgres.name).toBe(`${app.appKey.replace(/-[0-9a-f]{8}$/, "")}-postgres`);
  });

  it("replaces withDataVolume's named volume with an anonymous one", async () => {
    const mounts = await mountsOf((await containerOf("postgres")).id);
    expect(mounts).toEqual([{ type: "volume", name: expect.stringMatching(/^[0-9a-f]{64}$/), destination: "/var/lib/postgresql/data" }]);
  });

  it("puts the containers on the app's own network, where each answers to its resource name", async () => {
    const engine = await testEngine();
    const network = await engine.networks.inspect(app.networkName);
    expect(network?.containers.map((c) => c.name).sort()).toEqual(
      (await objectsOf(app.appKey)).containers.map((c) => c.name).sort(),
    );
    const lookup = await engine.containers.exec((await containerOf("cache")).id, ["getent", "hosts", "messaging", "postgres"]);
    expect(lookup.exitCode).toBe(0);
    expect(lookup.stdout).toMatch(/\bmessaging\b[\s\S]*\bpostgres\b/);
  });

  it("labels containers and network with the app, session, process and host", async () => {
    const cache = await containerOf("cache");
    expect(cache.labels).toMatchObject({
      [TEST_LABEL.app]: app.appKey,
      [TEST_LABEL.session]: app.sessionId,
      [TEST_LABEL.pid]: String(process.pid),
      [TEST_LABEL.host]: expect.any(String),
      [TEST_LABEL.resource]: "cache",
      [TEST_LABEL.testing]: "true",
    });
    const { networks } = await objectsOf(app.appKey);
    expect(networks.map((n) => n.name)).toEqual([app.networkName]);
  });

  it("keeps every line each container wrote", () => {
    expect(app.logs("cache").some((line) => /Ready to accept connections/.test(line))).toBe(true);
    expect(app.logs("postgres").some((line) => /database system is ready to accept connections/.test(line))).toBe(true);
  });

  it("names the resources it has when asked for one it does not", () => {
    expect(() => app.connectionString("auth-api")).toThrowErrorMatchingInlineSnapshot(
      `[BosunError: this test app has no resource 'auth-api'; it started 'postgres-password', 'postgres', 'ecommercedb', 'cache-password', 'cache', 'messaging-password', 'messaging' (choose with startTestApp(…, { resources: [...] }))]`,
    );
  });

  it("on stop removes its containers, their volumes and its network", async () => {
    const postgresVolume = (await mountsOf((await containerOf("postgres")).id))[0]!.name;
    const t0 = performance.now();
    await app.stop();
    console.info(`[figures] reference subset stopped and removed in ${Math.round(performance.now() - t0)} ms`);
    expect(await objectsOf(app.appKey)).toEqual({ containers: [], networks: [] });
    expect(await (await testEngine()).volumes.inspect(postgresVolume)).toBeUndefined();
  });
});

async function eventuallyGet(channel: amqp.Channel, queue: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const message = await channel.get(queue, { noAck: true });
    if (message) return message.content.toString();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}
