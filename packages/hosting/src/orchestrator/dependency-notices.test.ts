import { describe, expect, it } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import { fakeOrchestrator, stopAfterEach, within } from "../testing-support/fake-orchestrator.js";
import { FakeRuntime } from "../testing-support/fake-runtime.js";

const { track } = stopAfterEach();

describe("Orchestrator: dependents of a resource that exits on its own", () => {
  it("are told, by a reason naming the dependency and its exit code, while they keep running", async () => {
    const fake = new FakeRuntime({ target: "host", scripts: { db: { exitAfterMs: 200, exitCode: 137 } } });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addExecutable("db", "db", ".");
    builder.addExecutable("api", "api", ".").waitFor(db);
    builder.addExecutable("other", "other", ".");
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");

    await within(orchestrator.states.when("db", (s) => (s.state === "Exited" ? true : undefined)), 2_000, "db to exit");

    expect(orchestrator.states.get("db")).toMatchObject({ state: "Exited", exitCode: 137, reason: "exited with code 137" });
    expect(orchestrator.states.get("api")).toMatchObject({ state: "Running", reason: "dependency 'db' exited with code 137" });
    expect(orchestrator.states.get("other").reason).toBeUndefined();
  });

  it("are cleared again once the dependency is healthy after a restart", async () => {
    const fake = new FakeRuntime({ target: "host" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addExecutable("db", "db", ".");
    builder.addExecutable("api", "api", ".").waitFor(db);
    const orchestrator = track(fakeOrchestrator(builder.resources, [fake]));
    await within(orchestrator.start(), 2_000, "start()");
    orchestrator.states.update("db", { state: "Exited", exitCode: 1, reason: "exited with code 1", health: "Unknown" });
    expect(orchestrator.states.get("api").reason).toBe("dependency 'db' exited with code 1");

    orchestrator.states.update("db", { state: "Running", health: "Healthy", reason: undefined });

    expect(orchestrator.states.get("api").reason).toBeUndefined();
  });

  it("are not told of an exit during the app's own stop", async () => {
    const fake = new FakeRuntime({ target: "host" });
    const builder = createBuilder({ appHostDirectory: "/tmp/x/apphost" });
    const db = builder.addExecutable("db", "db", ".");
    builder.addExecutable("api", "api", ".").waitFor(db);
    const orchestrator = fakeOrchestrator(builder.resources, [fake]);
    await within(orchestrator.start(), 2_000, "start()");
    await orchestrator.stop();
    expect(orchestrator.states.get("api").reason).toBeUndefined();
  });
});
