import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createBuilder } from "bosun";
import { eventually } from "./support/eventually.js";

/** A Node server answering `<version> <pid>`; the test rewrites it on disk to change the version. */
function writeServer(folder: string, version: string): void {
  const source = `import http from "node:http";
http.createServer((req, res) => res.end("${version} " + process.pid)).listen(Number(process.env.PORT), "127.0.0.1");
`;
  writeFileSync(path.join(folder, "server.mjs"), source);
}

async function answer(url: string): Promise<{ version: string; pid: number }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  const [version, pid] = (await response.text()).split(" ");
  return { version: version!, pid: Number(pid) };
}

describe("restartResource and startResource against the real runtimes", () => {
  it("restarts a Redis container and a Node process on the same ports; dependents keep their process", { timeout: 120_000 }, async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-restart-"));
    process.env.BOSUN_SECRETS_DIR = path.join(folder, "secrets");
    writeServer(folder, "v1");
    const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "restart-test" });
    const cache = builder.addRedis("cache");
    const api = builder.addNodeApp("api", folder, "server.mjs").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/").waitFor(cache);
    builder.addNodeApp("web", folder, "server.mjs").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/").withReference(api).waitFor(api);

    await using app = await builder.build().start();
    await app.settled;
    const cacheUrl = app.resource("cache").endpoints.tcp;
    const apiUrl = app.resource("api").endpoints.http!;
    const webUrl = app.resource("web").endpoints.http!;
    const [apiBefore, webBefore] = [await answer(apiUrl), await answer(webUrl)];

    const cacheSteps: string[] = [];
    const following = new AbortController();
    const collectingCache = (async () => {
      for await (const { snapshot } of app.events(following.signal)) if (snapshot.name === "cache") cacheSteps.push(`${snapshot.state}/${snapshot.health}`);
    })();
    await app.restartResource("cache");
    following.abort();
    await collectingCache;
    // While it restarted, what waits for it saw it neither Running nor healthy.
    expect(cacheSteps[0]).toBe("Stopping/Unknown");
    expect(cacheSteps).toContain("Starting/Unknown");
    expect(cacheSteps.at(-1)).toBe("Running/Healthy");
    expect(app.resource("api")).toMatchObject({ state: "Running", health: "Healthy", restarts: 0 });
    expect(app.resource("cache")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1, endpoints: { tcp: cacheUrl } });
    const redis = new Redis(app.connectionString("cache"), { lazyConnect: true, maxRetriesPerRequest: 0 });
    await redis.connect();
    expect(await redis.ping()).toBe("PONG");
    redis.disconnect();
    expect((await answer(apiUrl)).pid).toBe(apiBefore.pid);

    writeServer(folder, "v2");
    const steps: string[] = [];
    const watching = new AbortController();
    const collecting = (async () => {
      for await (const { snapshot } of app.events(watching.signal)) if (snapshot.name === "api") steps.push(`${snapshot.state}/${snapshot.health}`);
    })();
    await app.restartResource("api");
    watching.abort();
    await collecting;

    const apiAfter = await answer(apiUrl);
    expect(apiAfter.version).toBe("v2");
    expect(apiAfter.pid).not.toBe(apiBefore.pid);
    expect(app.resource("api")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1, endpoints: { http: apiUrl } });
    expect(steps).toContain("Stopping/Unknown");
    expect(steps.at(-1)).toBe("Running/Healthy");
    expect(await answer(webUrl)).toEqual(webBefore);
    expect(app.resource("web").restarts).toBe(0);
  });

  it("starts a process again after it was stopped", { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-restart-"));
    writeServer(folder, "v1");
    const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "restart-test-2" });
    builder.addNodeApp("api", folder, "server.mjs").withHttpEndpoint({ env: "PORT" }).withHttpHealthCheck("/");
    await using app = await builder.build().start();
    await app.settled;
    const url = app.resource("api").endpoints.http!;

    await app.stopResource("api");
    expect(app.resource("api").state).not.toBe("Running");
    await app.startResource("api");

    expect(app.resource("api")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1 });
    expect((await eventually("api to answer", 5_000, () => answer(url))).version).toBe("v1");
  });
});
