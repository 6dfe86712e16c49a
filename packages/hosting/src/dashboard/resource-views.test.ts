import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { RunningApp } from "../app/running-app.js";
import { fakeOrchestrator, stopAfterEach, within } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";
import { resourceDetails } from "./resource-details.js";
import { ResourceViews } from "./resource-views.js";

const { track } = stopAfterEach();

function fixture() {
  const host = new FakeRuntime({ target: "host", scripts: { db: { healthyAfterMs: 60_000 } } });
  const containers = new FakeRuntime({ target: "container", timeline: host.timeline });
  const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
  const password = builder.addParameter("password", { secret: true, value: "pw-secret-1" });
  const db = builder.addExecutable("db", "postgres", "/srv").withArgs("-p", "5432").withHealthCheck("ready", host.probe("db"));
  const cache = builder.addContainer("cache", "redis:7").withVolume("cachedata", "/data", { readOnly: true });
  builder.addExecutable("api", "api", "/srv/api").withEnvironment("DB_PASSWORD", password).withEnvironment("MODE", "dev").waitFor(db).withReference(cache);
  const orchestrator = track(fakeOrchestrator(builder.resources, [host, containers], { now: () => 5_000 }));
  const app = new RunningApp(orchestrator, orchestrator.start(), { appHost: { name: "x", directory: "/tmp/x/apphost" } as never, id: "abc", pid: 1 }, builder.resources);
  const views = new ResourceViews(builder.resources, { startedAt: 5_000, snapshot: (n) => app.resource(n), stderrCount: (n) => (n === "api" ? 3 : 0) });
  return { host, app, views };
}

describe("ResourceViews", () => {
  it("says what a waiting resource waits for, and why that is not ready", async () => {
    const { app, views } = fixture();
    await within(app.resource("db").health === "Unhealthy" ? Promise.resolve() : waitFor(app, "db", "Unhealthy"), 2_000, "db unhealthy");

    const api = views.view("api");

    expect(api).toMatchObject({ name: "api", kind: "process", state: "Waiting", source: "api", errorLogCount: 3 });
    expect(api.waitingFor).toBe("waiting for db: unhealthy — health check 'ready' failed: 'db' is not ready (fake)");
    expect(api.commands).toEqual({ start: false, stop: false, restart: true });
    expect(views.view("db")).toMatchObject({ kind: "process", source: "postgres -p 5432", dependents: ["api"], commands: { start: false, stop: true, restart: true } });
    expect(views.view("db").startedAt).toBeGreaterThanOrEqual(5_000);
    expect(views.view("cache")).toMatchObject({ kind: "container", source: "redis:7", dependents: ["api"] });
    expect(views.view("password")).toMatchObject({ kind: "parameter", commands: { start: false, stop: false, restart: false } });
  });

  it("offers start once a process exited, and stop no more", async () => {
    const { app, views } = fixture();
    await app.waitForHealthy("cache");
    await app.stopResource("cache");

    expect(views.view("cache")).toMatchObject({ state: "Finished", commands: { start: true, stop: false, restart: true } });
  });
});

describe("resourceDetails()", () => {
  it("lists the environment it started with, secret values flagged, and each check's last result", async () => {
    const { app, views, host } = fixture();
    host.setHealthy("db", true);
    await app.waitForHealthy("api");

    const api = resourceDetails(views, app, "api")!;
    const db = resourceDetails(views, app, "db")!;
    const cache = resourceDetails(views, app, "cache")!;

    expect(api.environment).toContainEqual({ name: "DB_PASSWORD", value: "pw-secret-1", secret: true });
    expect(api.environment).toContainEqual({ name: "MODE", value: "dev", secret: false });
    expect(api.references).toEqual(["db", "cache"]);
    expect(api.properties).toContainEqual({ name: "working directory", value: "/srv/api" });
    expect(db.healthChecks).toEqual([{ name: "ready", lastResult: "Healthy", lastAt: expect.any(Number) }]);
    expect(cache.volumes).toEqual([{ source: "cachedata", target: "/data", readOnly: true }]);
    expect(resourceDetails(views, app, "nobody")).toBeUndefined();
  });
});

function waitFor(app: RunningApp, name: string, health: string): Promise<void> {
  return new Promise((resolve) => {
    const abort = new AbortController();
    void (async () => {
      for await (const event of app.events(abort.signal)) {
        if (event.snapshot.name === name && event.snapshot.health === health) {
          abort.abort();
          resolve();
        }
      }
    })();
  });
}
