import { describe, expect, it } from "vitest";
import type { ResourceSnapshot } from "../orchestrator/resource-state.js";
import { formatStatusLine } from "./format-status.js";

const snapshot = (change: Partial<ResourceSnapshot>): ResourceSnapshot => ({ name: "api", state: "Running", health: "Healthy", endpoints: {}, restarts: 0, ...change });

describe("formatStatusLine", () => {
  it("shows a healthy resource's notice that a dependency exited", () => {
    expect(formatStatusLine(snapshot({ reason: "dependency 'cache' exited with code 137" }), 4)).toMatch(/^api +Running +Healthy\s+dependency 'cache' exited with code 137$/);
  });

  it("leaves out another reason while the resource is healthy, and shows it when it is not", () => {
    expect(formatStatusLine(snapshot({ reason: "health check 'http' failed: 503" }), 4)).not.toContain("503");
    expect(formatStatusLine(snapshot({ health: "Unhealthy", reason: "health check 'http' failed: 503" }), 4)).toContain("health check 'http' failed: 503");
  });
});
