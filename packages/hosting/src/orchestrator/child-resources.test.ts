import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { Resource } from "../model/resource.js";
import { fakeOrchestrator, firstIndex, recordEvents, stepsOf, within, stopAfterEach } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";
import type { Orchestrator } from "./orchestrator.js";

const { track } = stopAfterEach();

/** A database-like resource living in a server: no process of its own, created by an initializer. */
class FakeDatabase extends Resource {
  readonly type = "fake.database.v0";
  created = false;
  readonly attempts: string[] = [];

  constructor(
    name: string,
    readonly server: Resource,
    failuresBeforeSuccess: number,
    observe: () => string,
  ) {
    super(name);
    this.addAnnotation({
      type: "initializer",
      description: `create database '${name}'`,
      run: async () => {
        this.attempts.push(observe());
        if (this.attempts.length <= failuresBeforeSuccess) throw new Error("the database system is starting up");
        this.created = true;
      },
    });
    this.addAnnotation({
      type: "health-check",
      check: {
        kind: "probe",
        name: "database",
        probe: async () => {
          if (!this.created) throw new Error(`database '${name}' does not exist`);
        },
      },
    });
  }

  override get parent(): Resource {
    return this.server;
  }
}

describe("Orchestrator child resources", () => {
  it("waits for the parent, retries the initializer until it succeeds, then reports healthy", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { server: { healthyAfterMs: 20 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const server = builder.addContainer("server", "postgres").withHealthCheck("ready", fake.probe("server"));
    let orchestrator!: Orchestrator;
    const observe = () => {
      const parent = orchestrator.states.get("server");
      const child = orchestrator.states.get("appdb");
      return `server:${parent.state}/${parent.health} appdb:${child.state}/${child.health}`;
    };
    const database = builder.addResource(new FakeDatabase("appdb", server.resource, 2, observe)).resource;
    builder.addContainer("api", "api").waitFor(database);
    orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const events = recordEvents(orchestrator);

    await within(orchestrator.start(), 2_000, "start()");

    expect(database.attempts).toEqual([
      "server:Running/Healthy appdb:Running/Unknown",
      "server:Running/Healthy appdb:Running/Unknown",
      "server:Running/Healthy appdb:Running/Unknown",
    ]);
    expect(stepsOf(events, "appdb")).toEqual(["Waiting/Unknown", "Starting/Unknown", "Running/Unknown", "Running/Healthy"]);
    expect(firstIndex(events, "appdb", (s) => s.state === "Starting")).toBeGreaterThan(firstIndex(events, "server", (s) => s.health === "Healthy"));
    expect(firstIndex(events, "api", (s) => s.state === "Starting")).toBeGreaterThan(firstIndex(events, "appdb", (s) => s.health === "Healthy"));
    expect(fake.has("start-called", "appdb")).toBe(false);
  });

  it("fails the child and what waits for it when the parent fails to start", async () => {
    const fake = new FakeRuntime({ target: "container", scripts: { server: { failStart: "port 5432 is already in use" } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const server = builder.addContainer("server", "postgres");
    const database = builder.addResource(new FakeDatabase("appdb", server.resource, 0, () => "")).resource;
    builder.addContainer("api", "api").waitFor(database);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));

    await within(orchestrator.start(), 2_000, "start()");

    expect(database.attempts).toEqual([]);
    expect(orchestrator.states.get("appdb")).toMatchObject({
      state: "FailedToStart",
      reason: "dependency 'server' failed to start: port 5432 is already in use",
    });
    expect(orchestrator.states.get("api").reason).toBe(
      "dependency 'appdb' failed to start: dependency 'server' failed to start: port 5432 is already in use",
    );
  });
});

describe("Orchestrator health after start-up", () => {
  it("reports health changes as events: Healthy, then Unhealthy, then Healthy again", async () => {
    const fake = new FakeRuntime({ target: "host" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    builder.addExecutable("api", "api", ".").withHealthCheck("ready", fake.probe("api"));
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const events = recordEvents(orchestrator);
    const healthIs = (health: string) => orchestrator.states.when("api", (s) => (s.health === health ? s : undefined));

    await within(orchestrator.start(), 2_000, "start()");
    fake.setHealthy("api", false);
    const unhealthy = await within(healthIs("Unhealthy"), 2_000, "api to turn unhealthy");
    fake.setHealthy("api", true);
    await within(healthIs("Healthy"), 2_000, "api to recover");

    expect(unhealthy).toMatchObject({ state: "Running", reason: "health check 'ready' failed: 'api' is not ready (fake)" });
    expect(stepsOf(events, "api")).toEqual(["Starting/Unknown", "Running/Unknown", "Running/Healthy", "Running/Unhealthy", "Running/Healthy"]);
  });
});
