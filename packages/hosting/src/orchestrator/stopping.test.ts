import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { fakeOrchestrator, within, stopAfterEach } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";

const { track, holds } = stopAfterEach();

describe("Orchestrator.stop()", () => {
  it("stops dependents before their dependencies, then closes the runtime", async () => {
    const stopSlowly = { stopDelayMs: 10 };
    const fake = new FakeRuntime({ target: "container", scripts: { db: stopSlowly, api: stopSlowly, web: stopSlowly, other: stopSlowly } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addContainer("db", "postgres");
    const api = builder.addContainer("api", "api").waitFor(db);
    builder.addContainer("web", "web").withHttpEndpoint({ targetPort: 80 }).withReference(api.withHttpEndpoint({ targetPort: 8080 }));
    builder.addContainer("other", "other");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");

    await within(orchestrator.stop(), 2_000, "stop()");

    const seq = (kind: "stop-called" | "stopped" | "close", name = "") => fake.event(kind, name).seq;
    expect(seq("stopped", "web")).toBeLessThan(seq("stop-called", "api"));
    expect(seq("stopped", "api")).toBeLessThan(seq("stop-called", "db"));
    // Unrelated resources stop alongside, not after the chain.
    expect(seq("stop-called", "other")).toBeLessThan(seq("stopped", "web"));
    expect(seq("close")).toBeGreaterThan(Math.max(...["db", "api", "web", "other"].map((n) => seq("stopped", n))));
    expect(orchestrator.states.all().map((s) => `${s.name}:${s.state}`)).toEqual(["db:Finished", "api:Finished", "web:Finished", "other:Finished"]);
  });

  it("is safe to call twice", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { a: { stopDelayMs: 10 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const a = builder.addExecutable("a", "a", ".");
    builder.addExecutable("b", "b", ".").waitFor(a);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");

    await within(Promise.all([orchestrator.stop(), orchestrator.stop()]), 2_000, "two concurrent stop()s");
    await within(orchestrator.stop(), 2_000, "a third stop()");

    expect(fake.describe().filter((e) => e.startsWith("stop-called") || e === "close")).toEqual(["stop-called:b", "stop-called:a", "close"]);
  });

  it("stops a resource whose start was still in progress when stop() was called", async () => {
    const fake = new FakeRuntime({ target: "container" });
    const release = fake.hold("slow");
    holds.push(release);
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const slow = builder.addContainer("slow", "slow");
    builder.addContainer("dependent", "dependent").waitFor(slow);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const started = orchestrator.start();
    await within(orchestrator.states.when("slow", (s) => (s.state === "Starting" ? true : undefined)), 2_000, "slow to be starting");

    const stopped = orchestrator.stop();
    // Let stop() run as far as it can while the runtime is still starting 'slow'.
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await within(stopped, 2_000, "stop()");
    await within(started, 2_000, "start() to settle");

    expect(fake.has("stopped", "slow")).toBe(true);
    expect(fake.event("stopped", "slow").seq).toBeLessThan(fake.event("close", "").seq);
    expect(fake.has("start-called", "dependent")).toBe(false);
  });

  it("does not start a resource after stop() when it was waiting for a referenced resource's endpoints", async () => {
    const fake = new FakeRuntime({ target: "host" });
    const release = fake.hold("cache");
    holds.push(release);
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const cache = builder.addExecutable("cache", "cache", ".").withEndpoint({ port: 6380 });
    builder.addExecutable("api", "api", ".").withReference(cache);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const started = orchestrator.start();
    await within(orchestrator.states.when("api", (s) => (s.state === "Starting" ? true : undefined)), 2_000, "api to be starting");

    const stopped = orchestrator.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await within(stopped, 2_000, "stop()");
    await within(started, 2_000, "start() to settle");

    expect(fake.describe()).not.toContain("start-called:api");
    expect(fake.has("stopped", "cache")).toBe(true);
  });
});

describe("Orchestrator exits", () => {
  it("reports a resource that exits on its own as Finished with code 0 or Exited with the reason", async () => {
    const fake = new FakeRuntime({ target: "host" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addExecutable("job", "job", ".");
    builder.addExecutable("server", "server", ".").withHealthCheck("ready", fake.probe("server"));
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");

    fake.exit("job", 0);
    fake.exit("server", 137);
    await within(orchestrator.states.when("server", (s) => (s.state === "Exited" ? true : undefined)), 2_000, "server to exit");
    await within(orchestrator.states.when("job", (s) => (s.state === "Finished" ? true : undefined)), 2_000, "job to finish");

    expect(orchestrator.states.get("job")).toMatchObject({ state: "Finished", exitCode: 0 });
    expect(orchestrator.states.get("server")).toMatchObject({ state: "Exited", exitCode: 137, reason: "exited with code 137", health: "Unknown" });
  });

  it("does not call a job healthy when it exited before its health was first assessed", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { job: { exitAfterMs: 0, exitCode: 0 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addExecutable("job", "job", ".");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");
    await within(orchestrator.states.when("job", (s) => (s.state === "Finished" ? true : undefined)), 2_000, "job to finish");

    expect(orchestrator.states.get("job")).toMatchObject({ state: "Finished", exitCode: 0, health: "Unknown" });
  });
});
