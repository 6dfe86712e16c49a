import { describe, expect, it } from "vitest";
import { describeEngine, identifyEngine } from "./engine-product.js";

describe("identifyEngine", () => {
  it("recognises Podman by its 'Podman Engine' component and reports Podman's own version", () => {
    const answer = {
      Version: "4.3.1",
      ApiVersion: "1.41",
      Components: [{ Name: "Podman Engine", Version: "4.3.1" }, { Name: "Conmon", Version: "conmon version 2.1.6" }],
    };
    expect(identifyEngine(answer)).toEqual({ product: "Podman", version: "4.3.1", apiVersion: "1.41" });
  });

  it("reports Docker for Docker's answer, and for an answer without components", () => {
    const docker = { Version: "20.10.24+dfsg1", ApiVersion: "1.41", Components: [{ Name: "Engine", Version: "20.10.24+dfsg1" }] };
    expect(identifyEngine(docker)).toEqual({ product: "Docker", version: "20.10.24+dfsg1", apiVersion: "1.41" });
    expect(identifyEngine({ Version: "19.03", Components: null })).toEqual({ product: "Docker", version: "19.03", apiVersion: "unknown" });
  });

  it("describes the engine with the place it was found", () => {
    const version = { product: "Podman", version: "4.3.1", apiVersion: "1.41" } as const;
    expect(describeEngine(version, "Podman socket /run/podman/podman.sock")).toBe("Podman 4.3.1 (API 1.41) at Podman socket /run/podman/podman.sock");
  });
});
