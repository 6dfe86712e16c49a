import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { fakeOrchestrator, recordEvents, stepsOf, stopAfterEach, within } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";

const { track } = stopAfterEach();

const startsOf = (fake: FakeRuntime, name: string) => fake.describe().filter((e) => e === `started:${name}`).length;

describe("Orchestrator.restartResource()", () => {
  it("restarts a process on the same port; its dependency and its dependent keep running", async () => {
    const fake = new FakeRuntime({ target: "host" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addExecutable("db", "db", ".");
    const api = builder.addExecutable("api", "api", ".").withHttpEndpoint().withHealthCheck("ready", fake.probe("api")).waitFor(db);
    builder.addExecutable("web", "web", ".").withReference(api).waitFor(api);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");
    const port = orchestrator.states.get("api").endpoints.http;
    const events = recordEvents(orchestrator);

    await within(orchestrator.restartResource("api", "src/index.ts changed"), 2_000, "restartResource('api')");

    expect(stepsOf(events, "api")).toEqual(["Stopping/Unknown", "Waiting/Unknown", "Starting/Unknown", "Running/Unknown", "Running/Healthy"]);
    expect(events.find((e) => e.snapshot.name === "api" && e.snapshot.state === "Stopping")?.snapshot.reason).toBe("restarting: src/index.ts changed");
    expect(orchestrator.states.get("api")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1, endpoints: { http: port } });
    expect(fake.requests.get("web")?.env).toMatchObject({ services__api__http__0: port });
    expect([startsOf(fake, "db"), startsOf(fake, "api"), startsOf(fake, "web")]).toEqual([1, 2, 1]);
    expect(stepsOf(events, "web")).toEqual([]);
  });

  it("keeps a container's published host port", async () => {
    const fake = new FakeRuntime({ target: "container" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addContainer("cache", "redis").withEndpoint({ targetPort: 6379, name: "tcp" });
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");
    const before = orchestrator.states.get("cache").endpoints.tcp;

    await within(orchestrator.restartResource("cache"), 2_000, "restartResource('cache')");

    expect(orchestrator.states.get("cache")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1, endpoints: { tcp: before } });
    expect(startsOf(fake, "cache")).toBe(2);
  });

  it("makes a dependent that is still waiting wait for the new start's health", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { api: { healthyAfterMs: 150 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const api = builder.addExecutable("api", "api", ".").withHealthCheck("ready", fake.probe("api"));
    builder.addExecutable("web", "web", ".").waitFor(api);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const started = orchestrator.start();
    await within(orchestrator.states.when("api", (s) => (s.state === "Running" ? true : undefined)), 2_000, "api running");

    await within(orchestrator.restartResource("api"), 2_000, "restartResource('api')");
    await within(started, 2_000, "start()");

    const secondStart = fake.timeline.filter((e) => e.kind === "started" && e.resource === "api")[1]!;
    expect(fake.event("start-called", "web").seq).toBeGreaterThan(secondStart.seq);
    expect(fake.event("start-called", "web").at - secondStart.at).toBeGreaterThanOrEqual(140);
    expect(orchestrator.states.get("web")).toMatchObject({ state: "Running", health: "Healthy" });
  });

  it("starts again a resource that crashed, and refuses one that runs or has nothing of its own", async () => {
    const fake = new FakeRuntime({ target: "host" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addExecutable("worker", "worker", ".");
    builder.addParameter("token");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");

    expect(() => orchestrator.startResource("worker")).toThrow("resource 'worker' is Running, not stopped; use restartResource('worker')");
    expect(() => orchestrator.restartResource("token")).toThrow("resource 'token' has no process or container of its own");
    fake.exit("worker", 1);
    await within(orchestrator.states.when("worker", (s) => (s.state === "Exited" ? true : undefined)), 2_000, "worker to exit");
    await within(orchestrator.startResource("worker"), 2_000, "startResource('worker')");

    expect(orchestrator.states.get("worker")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1, exitCode: undefined });
  });

  it("runs restarts one after another and stops cleanly during one", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { api: { stopDelayMs: 20 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addExecutable("api", "api", ".");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");

    await within(Promise.all([orchestrator.restartResource("api"), orchestrator.restartResource("api")]), 2_000, "two restarts");
    const third = orchestrator.restartResource("api");
    await within(orchestrator.stop(), 2_000, "stop() during a restart");
    await within(third, 2_000, "the third restart to settle");

    expect(orchestrator.states.get("api").restarts).toBe(2);
    const events = fake.describe().filter((e) => e.startsWith("started") || e.startsWith("stopped"));
    expect(events).toEqual(["started:api", "stopped:api", "started:api", "stopped:api", "started:api", "stopped:api"]);
  });
});
