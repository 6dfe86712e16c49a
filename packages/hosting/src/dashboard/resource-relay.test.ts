import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { fakeOrchestrator, stopAfterEach, within } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";
import { LogStore } from "./log-store.js";
import type { ResourceView } from "./protocol.js";
import { relayResourceChanges } from "./resource-relay.js";
import { ResourceViews } from "./resource-views.js";

const { track } = stopAfterEach();

describe("relayResourceChanges()", () => {
  it("re-sends a waiting dependent's row when what it waits for changes, and marks a restart in the log", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { db: { healthyAfterMs: 60_000 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addExecutable("db", "db", ".").withHealthCheck("ready", fake.probe("db"));
    builder.addExecutable("api", "api", ".").waitFor(db);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    const views = new ResourceViews(builder.resources, { startedAt: 0, snapshot: (n) => orchestrator.states.get(n), stderrCount: () => 0 });
    const store = new LogStore();
    const sent: ResourceView[] = [];
    const abort = new AbortController();
    void relayResourceChanges({ events: (signal) => orchestrator.states.events(signal) }, views, store, (view) => sent.push(view), abort.signal);
    void orchestrator.start();

    await within(orchestrator.states.when("db", (s) => (s.health === "Unhealthy" ? true : undefined)), 2_000, "db unhealthy");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const apiRows = sent.filter((v) => v.name === "api").map((v) => v.waitingFor);
    expect(apiRows.at(-1)).toBe("waiting for db: unhealthy — health check 'ready' failed: 'db' is not ready (fake)");
    expect(orchestrator.states.get("api").state).toBe("Waiting");

    fake.setHealthy("db", true);
    await within(orchestrator.restartResource("db"), 2_000, "restart db");
    await within(orchestrator.states.when("api", (s) => (s.health === "Healthy" ? true : undefined)), 2_000, "api healthy");
    abort.abort();

    expect(store.since(0).map((l) => [l.resource, l.stream, l.text, l.marker])).toEqual([["db", "system", "— restarted (#1) —", "restart"]]);
    expect(sent.filter((v) => v.name === "api").at(-1)).toMatchObject({ state: "Running", health: "Healthy" });
  });
});
