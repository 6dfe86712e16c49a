import { connectEngine } from "@bosun/hosting/runtime";
import { describe, expect, it } from "vitest";

// The docker project runs on Docker's socket, the podman project with DOCKER_HOST at Podman's.
const expected = process.env["DOCKER_HOST"]?.includes("podman") ? "Podman" : "Docker";

describe("the engine bosun connects to", () => {
  it(`identifies itself as ${expected}, with its version and API version`, async () => {
    const engine = await connectEngine();
    const version = await engine.version();
    expect(version.product).toBe(expected);
    expect(version.version).toMatch(/^\d+\.\d+/);
    expect(version.apiVersion).toMatch(/^1\.\d+$/);
  });
});
