import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { fakeOrchestrator, firstIndex, recordEvents, stepsOf, within, stopAfterEach } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";
import type { ResourceEvent } from "./resource-state.js";

const { track, holds } = stopAfterEach();

describe("Orchestrator scheduling", () => {
  it("starts a dependent only after its dependency is running and healthy", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { db: { startDelayMs: 5, healthyAfterMs: 30 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addContainer("db", "postgres").withHealthCheck("ready", fake.probe("db"));
    builder.addContainer("api", "api").waitFor(db);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const events = recordEvents(orchestrator);
    const dbWhenApiStarted: string[] = [];
    orchestrator.states.subscribe(({ snapshot }) => {
      if (snapshot.name === "api" && snapshot.state === "Starting") {
        const dbNow = orchestrator.states.get("db");
        dbWhenApiStarted.push(`${dbNow.state}/${dbNow.health}`);
      }
    });

    await within(orchestrator.start(), 2_000, "start()");

    expect(dbWhenApiStarted).toEqual(["Running/Healthy"]);
    expect(fake.event("start-called", "api").seq).toBeGreaterThan(fake.event("started", "db").seq);
    const dbHealthy = firstIndex(events, "db", (s) => s.health === "Healthy");
    expect(dbHealthy).toBeGreaterThanOrEqual(0);
    expect(firstIndex(events, "api", (s) => s.state === "Starting")).toBeGreaterThan(dbHealthy);
    expect(stepsOf(events, "db").at(-1)).toBe("Running/Healthy");
    expect(stepsOf(events, "api")).toEqual(["Waiting/Unknown", "Starting/Unknown", "Running/Unknown", "Running/Healthy"]);
  });

  it("starts independent resources concurrently", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { a: { startDelayMs: 20 }, b: { startDelayMs: 20 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addContainer("a", "a");
    builder.addContainer("b", "b");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    const firstStarted = Math.min(fake.event("started", "a").seq, fake.event("started", "b").seq);
    expect(fake.event("start-called", "a").seq).toBeLessThan(firstStarted);
    expect(fake.event("start-called", "b").seq).toBeLessThan(firstStarted);
  });

  it("starts a resource the moment its own dependencies are met, not after unrelated slow resources", async () => {
    const fake = new FakeRuntime({ target: "container" });
    const releaseSlow = fake.hold("slow");
    holds.push(releaseSlow);
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addContainer("slow", "slow");
    const fast = builder.addContainer("fast", "fast");
    builder.addContainer("consumer", "consumer").waitFor(fast);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    const started = orchestrator.start();
    await within(
      orchestrator.states.when("consumer", (s) => (s.state === "Running" && s.health === "Healthy" ? true : undefined)),
      2_000,
      "consumer to be healthy while 'slow' is still starting",
    );
    expect(orchestrator.states.get("slow").state).toBe("Starting");
    expect(fake.has("started", "slow")).toBe(false);
    releaseSlow();
    await within(started, 2_000, "start()");
    expect(fake.event("started", "consumer").seq).toBeLessThan(fake.event("started", "slow").seq);
  });

  it("resolves start() once every resource is healthy", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { a: { healthyAfterMs: 20 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addExecutable("a", "a", ".").withHealthCheck("ready", fake.probe("a"));
    builder.addExecutable("b", "b", ".");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    expect(orchestrator.states.all().map((s) => `${s.name}:${s.state}/${s.health}`)).toEqual(["a:Running/Healthy", "b:Running/Healthy"]);
  });
});

describe("StateStore.events()", () => {
  it("yields every state change in order", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { db: { healthyAfterMs: 15 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addContainer("db", "postgres").withHealthCheck("ready", fake.probe("db"));
    builder.addContainer("api", "api").waitFor(db);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const abort = new AbortController();
    const seen: ResourceEvent[] = [];
    const consumed = (async () => {
      for await (const event of orchestrator.states.events(abort.signal)) {
        seen.push(event);
        if (event.snapshot.name === "api" && event.snapshot.health === "Healthy") abort.abort();
      }
    })();

    await within(orchestrator.start(), 2_000, "start()");
    await within(consumed, 2_000, "the iterator to end after abort");

    expect(stepsOf(seen, "api")).toEqual(["Waiting/Unknown", "Starting/Unknown", "Running/Unknown", "Running/Healthy"]);
    expect(firstIndex(seen, "api", (s) => s.state === "Starting")).toBeGreaterThan(firstIndex(seen, "db", (s) => s.health === "Healthy"));
    for (const { snapshot, previous } of seen) expect(previous.name).toBe(snapshot.name);
    const dbSeen = seen.filter((e) => e.snapshot.name === "db");
    for (let i = 1; i < dbSeen.length; i++) expect(dbSeen[i]!.previous).toEqual(dbSeen[i - 1]!.snapshot);
  });

  it("yields changes made between calling events() and pulling the first one", async () => {
    const fake = new FakeRuntime({ target: "container" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addContainer("a", "a");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const abort = new AbortController();
    const events = orchestrator.states.events(abort.signal);

    await within(orchestrator.start(), 2_000, "start()");

    const first = await within(events.next(), 1_000, "the first event");
    abort.abort();
    expect(first.value?.snapshot).toMatchObject({ name: "a", state: "Starting" });
  });
});
