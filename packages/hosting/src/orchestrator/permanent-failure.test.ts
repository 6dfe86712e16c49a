import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { PermanentProbeError } from "../health/permanent-probe-error.js";
import { fakeOrchestrator, within, stopAfterEach } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";

const { track } = stopAfterEach();
const REJECTED = "resource 'db' rejected the credentials of its connection string (password authentication failed); put the old password back";

describe("a health check that fails permanently", () => {
  it("fails the resource at once, long before its start-up timeout, with the check's sentence, and its dependents with it", async () => {
    const fake = new FakeRuntime({ target: "container" });
    let probes = 0;
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addContainer("db", "db").withHealthCheck("login", async () => {
      probes += 1;
      throw probes === 1 ? new Error("Connection terminated unexpectedly") : new PermanentProbeError(REJECTED);
    });
    builder.addContainer("api", "api").waitFor(db);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake], { defaultStartupTimeoutMs: 600_000 }));

    await within(orchestrator.start(), 5_000, "start() to settle after a permanent probe failure");

    expect(orchestrator.states.get("db")).toMatchObject({ state: "FailedToStart", reason: `health check 'login' failed: ${REJECTED}` });
    expect(orchestrator.states.get("api")).toMatchObject({ state: "FailedToStart", reason: `dependency 'db' failed to start: health check 'login' failed: ${REJECTED}` });
    const probesAtFailure = probes;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(probes, "a failed resource is probed no more").toBe(probesAtFailure);
  });

  it("keeps probing an ordinary failure until the start-up timeout", async () => {
    const fake = new FakeRuntime({ target: "container" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder
      .addContainer("db", "db")
      .withStartupTimeout(300)
      .withHealthCheck("login", async () => {
        throw new Error("Connection terminated unexpectedly");
      });
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 5_000, "start() to settle at the start-up timeout");

    expect(orchestrator.states.get("db")).toMatchObject({ state: "Running", health: "Unhealthy" });
    expect(orchestrator.states.get("db").reason).toMatch(/^not healthy within .+: health check 'login' failed: Connection terminated unexpectedly$/);
  });

  it("only marks a resource that was healthy before Unhealthy, and keeps probing it", async () => {
    const fake = new FakeRuntime({ target: "container" });
    let probes = 0;
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addContainer("db", "db").withHealthCheck("login", async () => {
      probes += 1;
      if (probes > 1) throw new PermanentProbeError(REJECTED);
    });
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 5_000, "start()");
    await within(orchestrator.states.when("db", (s) => (s.health === "Unhealthy" ? true : undefined)), 5_000, "db to turn unhealthy");

    expect(orchestrator.states.get("db")).toMatchObject({ state: "Running", health: "Unhealthy", reason: `health check 'login' failed: ${REJECTED}` });
  });
});
