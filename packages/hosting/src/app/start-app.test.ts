import { DependencyFailedError, HealthTimeoutError } from "../errors/bosun-error.js";
import { describe, expect, it } from "vitest";
import type { Resource } from "../model/resource.js";
import type { PreflightProblem, ResourceRuntime } from "../runtime/resource-runtime.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";
import { FAST_SCHEDULE } from "../testing-support/fake-orchestrator.js";
import { createBuilder } from "./distributed-application-builder.js";

/** Like a container engine, whose `stop()` resolves before the container's exit is reported. */
function reportingExitsLate(fake: FakeRuntime): ResourceRuntime {
  return {
    name: fake.name,
    target: fake.target,
    supports: (resource) => fake.supports(resource),
    start: async (request) => {
      const started = await fake.start(request);
      return { ...started, exited: started.exited.then((code) => new Promise<number>((resolve) => setTimeout(() => resolve(code), 20))) };
    },
  };
}

/** A fake container runtime whose preflight reports a missing image for the named resources. */
function runtimeMissingImagesOf(...names: string[]): FakeRuntime {
  const fake = new FakeRuntime({ target: "container", scripts: Object.fromEntries(names.map((n) => [n, { failStart: `image for '${n}' is not available` }])) });
  return Object.assign(fake, {
    preflight: async (resources: readonly Resource[]): Promise<PreflightProblem[]> =>
      resources.filter((r) => names.includes(r.name)).map((r) => ({ resource: r.name, kind: "image", message: `resource '${r.name}': image missing` })),
  });
}

describe("startApp's checks before anything starts", () => {
  it("refuses to start anything when a resource others depend on has no image, and closes what it opened meanwhile", async () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addContainer("db", "db").withEndpoint({ targetPort: 5432 });
    builder.addContainer("api", "api").waitFor(db);
    const fake = runtimeMissingImagesOf("db");

    await expect(builder.build().start({ runtimes: () => [fake], env: {} })).rejects.toThrowErrorMatchingInlineSnapshot(`
      [BosunError: cannot start the app:
        - resource 'db': image missing]
    `);
    // The runtime opened (its network) while the checks ran, and was closed again; nothing started.
    expect(fake.describe()).toEqual(["open", "close"]);
  });

  it("starts the rest when only a resource nothing depends on has no image, and reports it failed", async () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addContainer("db", "db");
    builder.addContainer("admin", "admin").waitFor(db);
    const fake = runtimeMissingImagesOf("admin");
    const progress: string[] = [];

    await using app = await builder.build().start({ runtimes: () => [fake], env: {}, schedule: FAST_SCHEDULE, onProgress: (m) => progress.push(m) });
    await app.settled;

    expect(progress).toEqual(["resource 'admin': image missing (nothing depends on 'admin', so the rest starts without it)"]);
    expect(app.resource("db")).toMatchObject({ state: "Running", health: "Healthy" });
    expect(app.resource("admin")).toMatchObject({ state: "FailedToStart", reason: "image for 'admin' is not available" });
  });
});

describe("a running app", () => {
  it("renders connection strings for the host and stops one resource while the rest runs", async () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addConnectionString("crm");
    builder.addContainer("web", "web").withHttpEndpoint({ targetPort: 80 });
    builder.addContainer("worker", "worker");
    const fake = new FakeRuntime({ target: "container" });

    await using app = await builder.build().start({ runtimes: () => [fake], env: { ConnectionStrings__crm: "https://crm.example.com/?key=k1" }, schedule: FAST_SCHEDULE });
    await app.settled;

    expect(app.connectionString("crm")).toBe("https://crm.example.com/?key=k1");
    expect(() => app.connectionString("web")).toThrowErrorMatchingInlineSnapshot(`[BosunError: resource 'web' has no connection string; use app.resource('web').endpoints for its address]`);
    await app.stopResource("web");
    expect(app.resource("web").state).toBe("Finished");
    expect(app.resource("worker")).toMatchObject({ state: "Running", health: "Healthy" });
  });

  it("records a stopped resource's exit as a crash before stopResource resolves, and refuses one with nothing of its own to stop", async () => {
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addConnectionString("crm");
    builder.addContainer("web", "web");
    const fake = new FakeRuntime({ target: "container", scripts: { web: { stopExitCode: 143 } } });

    await using app = await builder.build().start({ runtimes: () => [reportingExitsLate(fake)], env: { ConnectionStrings__crm: "https://crm.example.com/" }, schedule: FAST_SCHEDULE });
    await app.settled;

    await app.stopResource("web");
    expect(app.resource("web")).toMatchObject({ state: "Exited", exitCode: 143, reason: "exited with code 143" });
    await expect(app.stopResource("crm")).rejects.toThrowErrorMatchingInlineSnapshot(
      `[BosunError: resource 'crm' has no process or container of its own to stop; stop the one it belongs to (a database's server, for example)]`,
    );
  });
});

describe("waitForHealthy", () => {
  it("tells a dependency failure, a health timeout and success apart", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { db: { failStart: "image missing" } } });
    fake.setHealthy("slow", false);
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addContainer("db", "db");
    builder.addContainer("api", "api").waitFor(db);
    builder.addContainer("slow", "slow").withHealthCheck("ready", fake.probe("slow")).withStartupTimeout(100);
    builder.addContainer("fine", "fine");

    await using app = await builder.build().start({ runtimes: () => [fake], env: {}, schedule: FAST_SCHEDULE });

    await expect(app.waitForHealthy("api")).rejects.toBeInstanceOf(DependencyFailedError);
    await expect(app.waitForHealthy("slow")).rejects.toBeInstanceOf(HealthTimeoutError);
    await expect(app.waitForHealthy("db")).rejects.toThrow("resource 'db' is FailedToStart: image missing");
    await expect(app.waitForHealthy("fine")).resolves.toMatchObject({ state: "Running", health: "Healthy" });
  });
});
