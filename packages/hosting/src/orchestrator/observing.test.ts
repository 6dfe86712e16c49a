import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { fakeOrchestrator, stopAfterEach, within } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";

const { track } = stopAfterEach();

describe("what the orchestrator tells an observer (the dashboard)", () => {
  it("keeps when it started, each resource's rendered environment and its last health-check round", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { api: { healthyAfterMs: 60 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const password = builder.addParameter("password", { secret: true, value: "s3cret-value" });
    builder.addExecutable("api", "api", ".").withEnvironment("PASSWORD", password).withHealthCheck("ready", fake.probe("api"));
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake], { now: () => 1_000_000 }));
    expect(orchestrator.environment("api")).toBeUndefined();

    await within(orchestrator.start(), 2_000, "start()");

    expect(orchestrator.startedAt).toBe(1_000_000);
    expect(orchestrator.environment("api")).toMatchObject({ PASSWORD: "s3cret-value" });
    expect(orchestrator.environment("password")).toBeUndefined();
    const last = orchestrator.lastHealthCheck("api");
    expect(last).toMatchObject({ healthy: true });
    expect(last?.at).toBeGreaterThan(Date.now() - 60_000);
  });

  it("records a failing round's reason, naming the check", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { api: { healthyAfterMs: 60_000 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addExecutable("api", "api", ".").withHealthCheck("ready", fake.probe("api"));
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    void orchestrator.start();

    await within(orchestrator.states.when("api", (s) => (s.health === "Unhealthy" ? true : undefined)), 2_000, "api unhealthy");

    expect(orchestrator.lastHealthCheck("api")).toMatchObject({ healthy: false, reason: expect.stringMatching(/^health check 'ready' failed/) });
  });
});
