import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { AppBuilder } from "bosun";
import { startTestApp, TEST_LABEL, type TestApp } from "./index.js";
import { objectsOf, testEngine } from "./testing-support/engine-view.js";

/** A cache and two long-running processes; no health checks on the processes, so Running is ready. */
function cacheAndWorkers(builder: AppBuilder): void {
  builder.addRedis("cache");
  for (const name of ["worker-a", "worker-b"]) builder.addExecutable(name, process.execPath, ".", ["-e", "setInterval(() => {}, 1000)"]);
}

async function containerOf(app: TestApp, resource: string) {
  const engine = await testEngine();
  const [container] = await engine.containers.list({ labels: { [TEST_LABEL.session]: app.sessionId, [TEST_LABEL.resource]: resource }, all: true });
  if (!container) throw new Error(`no container for '${resource}'`);
  return { engine, id: container.id, hostPorts: async () => (await engine.containers.inspect(container.id))?.ports.map((p) => p.hostPort) };
}

async function ping(connectionString: string): Promise<string> {
  const redis = new Redis(connectionString, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await redis.ping();
  } finally {
    redis.disconnect();
  }
}

describe("stopping and restarting parts of a test app", () => {
  it("with stableHostPorts, a container stopped and started through the engine keeps its host port and connection string", async () => {
    await using app = await startTestApp(cacheAndWorkers, { resources: ["cache"], stableHostPorts: true });
    const cache = await containerOf(app, "cache");
    const before = await cache.hostPorts();
    expect(before).toEqual([Number(app.endpoint("cache").port)]);

    await cache.engine.containers.stop(cache.id, { timeoutSeconds: 0 });
    await expect(ping(app.connectionString("cache"))).rejects.toThrow();
    await cache.engine.containers.start(cache.id);

    expect(await cache.hostPorts()).toEqual(before);
    await expect.poll(() => ping(app.connectionString("cache")).catch(() => "not yet"), { timeout: 30_000 }).toBe("PONG");
  });

  it("stopResource ends one process as if it crashed, and leaves the others running", async () => {
    await using app = await startTestApp(cacheAndWorkers, { resources: ["worker-a", "worker-b"] });
    const stopped = await app.stopResource("worker-a");
    expect(stopped).toMatchObject({ name: "worker-a", state: "Exited", exitCode: 143 });
    expect(app.resource("worker-b")).toMatchObject({ state: "Running", health: "Healthy" });
  });

  it("restartResource starts a stopped process again and leaves the others alone", async () => {
    await using app = await startTestApp(cacheAndWorkers, { resources: ["worker-a", "worker-b"] });
    await app.stopResource("worker-a");
    const restarted = await app.restartResource("worker-a");
    expect(restarted).toMatchObject({ name: "worker-a", state: "Running", health: "Healthy", restarts: 1 });
    expect(app.resource("worker-b")).toMatchObject({ state: "Running", restarts: 0 });
  });

  it("stopResource removes a container with its volumes; stop() still cleans up the rest", async () => {
    const app = await startTestApp(cacheAndWorkers, { resources: ["cache", "worker-a"] });
    try {
      expect((await app.stopResource("cache")).state).toMatch(/^(Exited|Finished)$/);
      expect((await objectsOf(app.appKey)).containers).toEqual([]);
      expect(app.resource("worker-a").state).toBe("Running");
      await expect(app.stopResource("cache-password")).rejects.toThrow("resource 'cache-password' has no process or container of its own to stop");
    } finally {
      await app.stop();
    }
    expect(await objectsOf(app.appKey)).toEqual({ containers: [], networks: [] });
  });
});
