import { describe, expect, it } from "vitest";
import { applyTestcontainersDefaults } from "./testcontainers-environment.js";

describe("applyTestcontainersDefaults", () => {
  it("disables Ryuk and overrides the host when neither is set", () => {
    const env: NodeJS.ProcessEnv = {};
    applyTestcontainersDefaults(env);
    expect(env).toEqual({ TESTCONTAINERS_RYUK_DISABLED: "true", TESTCONTAINERS_HOST_OVERRIDE: "localhost" });
  });

  it("keeps what the user set", () => {
    const env: NodeJS.ProcessEnv = { TESTCONTAINERS_RYUK_DISABLED: "false", TESTCONTAINERS_HOST_OVERRIDE: "docker.internal" };
    applyTestcontainersDefaults(env);
    expect(env).toEqual({ TESTCONTAINERS_RYUK_DISABLED: "false", TESTCONTAINERS_HOST_OVERRIDE: "docker.internal" });
  });
});
