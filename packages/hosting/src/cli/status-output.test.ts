import { afterEach, describe, expect, it, vi } from "vitest";
import type { ResourceSnapshot } from "../orchestrator/resource-state.js";
import { createStatusOutput } from "./status-output.js";

function snapshot(change: Partial<ResourceSnapshot>): ResourceSnapshot {
  return { name: "postgres", state: "Running", health: "Unhealthy", endpoints: {}, restarts: 0, ...change };
}

/** The lines a non-terminal status output prints for these successive snapshots, without their time stamps. */
function printedFor(snapshots: readonly ResourceSnapshot[]): string[] {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => lines.push(line.replace(/^\[[ .\d]+ s\] /, "")));
  const output = createStatusOutput({ tty: false, redact: (line) => line, nameWidth: 8, shown: ["postgres"] });
  for (const s of snapshots) output.update([s], s);
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("the status output written to a file or pipe", () => {
  it("prints the current reason each time it changes, not only the first probe error", () => {
    const lines = printedFor([
      snapshot({ reason: "health check 'postgres' failed: Connection terminated unexpectedly" }),
      snapshot({ reason: "health check 'postgres' failed: password authentication failed for user \"postgres\"" }),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("password authentication failed");
    expect(lines[1]).not.toContain("Connection terminated");
  });

  it("prints nothing new when a probe fails again for the same reason", () => {
    const failing = snapshot({ reason: "health check 'postgres' failed: connect ECONNREFUSED" });
    expect(printedFor([failing, { ...failing }, { ...failing }])).toHaveLength(1);
  });

  it("prints a change of state even when the reason stays", () => {
    const lines = printedFor([snapshot({ reason: "x" }), snapshot({ state: "FailedToStart", reason: "x" })]);
    expect(lines.map((l) => l.includes("FailedToStart"))).toEqual([false, true]);
  });
});
