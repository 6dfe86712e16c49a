import { describe, expect, it } from "vitest";
import { planTests } from "./test-projects.js";

describe("planTests", () => {
  it("runs unit and docker on Docker, and podman on Podman, when no project is named", () => {
    expect(planTests([])).toEqual({ docker: [], podman: ["--project", "podman"], needsEngine: true });
    expect(planTests(["-t", "volume"])).toEqual({ docker: ["-t", "volume"], podman: ["--project", "podman", "-t", "volume"], needsEngine: true });
  });

  it("leaves Podman out when only Docker's projects are named", () => {
    expect(planTests(["--project", "unit", "--project", "docker"])).toEqual({ docker: ["--project", "unit", "--project", "docker"], podman: undefined, needsEngine: true });
  });

  it("runs a unit-only run without any engine and without Podman", () => {
    expect(planTests(["--project", "unit"])).toEqual({ docker: ["--project", "unit"], podman: undefined, needsEngine: false });
  });

  it("runs only the podman project when it alone is named", () => {
    expect(planTests(["--project=podman", "test/stack.docker.test.ts"])).toEqual({
      docker: undefined,
      podman: ["--project", "podman", "test/stack.docker.test.ts"],
      needsEngine: true,
    });
  });

  it("keeps the docker project on Docker when both are named", () => {
    expect(planTests(["--project", "docker", "--project", "podman"])).toEqual({
      docker: ["--project", "docker"],
      podman: ["--project", "podman"],
      needsEngine: true,
    });
  });
});
