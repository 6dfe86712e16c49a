import { describe, expect, it } from "vitest";
import type { ResourceView } from "../../protocol.js";
import { outcomeOf } from "./commands.js";

const worker: ResourceView = {
  name: "worker",
  kind: "node-app",
  state: "Running",
  health: "Healthy",
  startedAt: 1_000,
  restarts: 0,
  endpoints: [],
  errorLogCount: 0,
  commands: { start: false, stop: true, restart: true },
  dependents: [],
};

describe("outcomeOf", () => {
  it("waits while a restarted resource has not visibly started again", () => {
    expect(outcomeOf("restart", worker, worker, false)).toBeUndefined();
    expect(outcomeOf("restart", worker, { ...worker, state: "Starting", health: "Unknown" }, true)).toBeUndefined();
  });

  it("reports a restart seen through its states in between", () => {
    expect(outcomeOf("restart", worker, { ...worker, restarts: 1 }, true)).toBe("worker restarted: Running, Healthy");
  });

  it("reports a restart that reached the page as one update, by its count or its start time", () => {
    expect(outcomeOf("restart", worker, { ...worker, restarts: 1, startedAt: 2_000 }, false)).toBe("worker restarted: Running, Healthy");
    expect(outcomeOf("start", { ...worker, state: "Exited" }, { ...worker, startedAt: 2_000 }, false)).toBe("worker started: Running, Healthy");
  });

  it("reports a start that failed, and a stop once the resource is no longer active", () => {
    expect(outcomeOf("start", worker, { ...worker, state: "Exited", reason: "exited with code 1" }, true)).toBe("worker did not start: exited with code 1");
    expect(outcomeOf("stop", worker, { ...worker, state: "Stopping" }, true)).toBeUndefined();
    expect(outcomeOf("stop", worker, { ...worker, state: "Exited" }, true)).toBe("worker stopped (Exited)");
  });
});
