import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { fakeOrchestrator, firstIndex, recordEvents, within, stopAfterEach } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";

const { track } = stopAfterEach();

describe("Orchestrator failure propagation", () => {
  it("fails dependents transitively when a dependency fails to start, without hanging", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { a: { failStart: "image 'a:latest' not found" } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const a = builder.addContainer("a", "a");
    const b = builder.addContainer("b", "b").waitFor(a);
    builder.addContainer("c", "c").waitFor(b);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start() to settle after a failure");

    expect(orchestrator.states.get("a")).toMatchObject({ state: "FailedToStart", reason: "image 'a:latest' not found" });
    expect(orchestrator.states.get("b")).toMatchObject({
      state: "FailedToStart",
      reason: "dependency 'a' failed to start: image 'a:latest' not found",
    });
    expect(orchestrator.states.get("c")).toMatchObject({
      state: "FailedToStart",
      reason: "dependency 'b' failed to start: dependency 'a' failed to start: image 'a:latest' not found",
    });
    expect(fake.has("start-called", "b")).toBe(false);
    expect(fake.has("start-called", "c")).toBe(false);
  });

  it("fails a dependent whose dependency crashes before it is healthy", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { a: { exitAfterMs: 5, exitCode: 3, healthyAfterMs: 10_000 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const a = builder.addExecutable("a", "a", ".").withHealthCheck("ready", fake.probe("a"));
    builder.addExecutable("b", "b", ".").waitFor(a);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    expect(orchestrator.states.get("a")).toMatchObject({ state: "Exited", exitCode: 3, reason: "exited with code 3" });
    expect(orchestrator.states.get("b")).toMatchObject({ state: "FailedToStart", reason: "dependency 'a' exited with code 3" });
  });

  it("fails a dependent after the dependency's startup timeout, naming the last probe error", async () => {
    const fake = new FakeRuntime({ target: "container" });
    fake.setHealthy("a", false);
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const a = builder.addContainer("a", "a").withHealthCheck("ready", fake.probe("a")).withStartupTimeout(100);
    builder.addContainer("b", "b").waitFor(a);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake], { defaultStartupTimeoutMs: 60_000 }));

    // start() itself keeps waiting for a's health; watch b's state instead.
    void orchestrator.start();
    await within(orchestrator.states.when("b", (s) => (s.state === "FailedToStart" ? true : undefined)), 2_000, "b to fail");

    const b = orchestrator.states.get("b");
    expect(b.state).toBe("FailedToStart");
    expect(b.reason).toMatch(/^dependency 'a' did not become healthy within .+: health check 'ready' failed: 'a' is not ready \(fake\)$/);
    expect(orchestrator.states.get("a")).toMatchObject({ state: "Running", health: "Unhealthy" });
    expect(fake.has("start-called", "b")).toBe(false);
  });

  it("settles when a resource nobody waits for is not healthy within its timeout, reporting why", async () => {
    const fake = new FakeRuntime({ target: "container" });
    fake.setHealthy("lonely", false);
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addContainer("lonely", "lonely").withHealthCheck("ready", fake.probe("lonely")).withStartupTimeout(100);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake], { defaultStartupTimeoutMs: 60_000 }));

    await within(orchestrator.start(), 2_000, "start() to settle");

    expect(orchestrator.states.get("lonely")).toMatchObject({
      state: "Running",
      health: "Unhealthy",
      reason: "not healthy within 0.1 s: health check 'ready' failed: 'lonely' is not ready (fake)",
    });
  });

  it("counts the startup timeout from when the dependency starts, not from when the app starts", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { first: { healthyAfterMs: 150 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const first = builder.addContainer("first", "first").withHealthCheck("ready", fake.probe("first"));
    const second = builder.addContainer("second", "second").waitFor(first).withStartupTimeout(100);
    builder.addContainer("third", "third").waitFor(second);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    expect(orchestrator.states.all().map((s) => `${s.name}:${s.state}/${s.health}`)).toEqual([
      "first:Running/Healthy",
      "second:Running/Healthy",
      "third:Running/Healthy",
    ]);
  });
});

describe("Orchestrator wait kinds", () => {
  it("proceeds on waitForStart once the dependency is running, healthy or not", async () => {
    const fake = new FakeRuntime({ target: "container" });
    fake.setHealthy("worker", false);
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const worker = builder.addContainer("worker", "worker").withHealthCheck("ready", fake.probe("worker"));
    builder.addContainer("api", "api").waitForStart(worker);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const events = recordEvents(orchestrator);

    // start() itself waits for the worker's health, which never comes; watch api's state instead.
    void orchestrator.start();
    await within(orchestrator.states.when("api", (s) => (s.state === "Running" ? true : undefined)), 2_000, "api to run");

    expect(orchestrator.states.get("worker").health).not.toBe("Healthy");
    expect(firstIndex(events, "api", (s) => s.state === "Starting")).toBeGreaterThan(firstIndex(events, "worker", (s) => s.state === "Running"));
  });

  it("proceeds on waitForCompletion once the job exits with code 0", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { migrate: { exitAfterMs: 10, exitCode: 0 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const migrate = builder.addExecutable("migrate", "migrate", ".");
    builder.addExecutable("api", "api", ".").waitForCompletion(migrate);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    expect(orchestrator.states.get("migrate")).toMatchObject({ state: "Finished", exitCode: 0 });
    expect(orchestrator.states.get("api")).toMatchObject({ state: "Running", health: "Healthy" });
    expect(fake.event("start-called", "api").seq).toBeGreaterThan(fake.event("exited", "migrate").seq);
  });

  it("fails a waitForCompletion dependent when the job exits with code 1", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { migrate: { exitAfterMs: 10, exitCode: 1 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const migrate = builder.addExecutable("migrate", "migrate", ".");
    builder.addExecutable("api", "api", ".").waitForCompletion(migrate);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    expect(orchestrator.states.get("migrate")).toMatchObject({ state: "Exited", exitCode: 1, reason: "exited with code 1" });
    expect(orchestrator.states.get("api")).toMatchObject({
      state: "FailedToStart",
      reason: "dependency 'migrate' exited with code 1 (expected 0)",
    });
    expect(fake.has("start-called", "api")).toBe(false);
  });

  it("honours a custom exit code in waitForCompletion", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { seed: { exitAfterMs: 5, exitCode: 3 }, check: { exitAfterMs: 5, exitCode: 0 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const seed = builder.addExecutable("seed", "seed", ".");
    const check = builder.addExecutable("check", "check", ".");
    builder.addExecutable("after-seed", "a", ".").waitForCompletion(seed, 3);
    builder.addExecutable("after-check", "b", ".").waitForCompletion(check, 3);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    expect(orchestrator.states.get("after-seed")).toMatchObject({ state: "Running" });
    expect(orchestrator.states.get("after-check")).toMatchObject({
      state: "FailedToStart",
      reason: "dependency 'check' exited with code 0 (expected 3)",
    });
  });
});
