import { describe, expect, it } from "vitest";
import type { AppBuilder } from "bosun";
import { defineApp } from "../../../apphost/app.js";
import { startTestApp } from "./index.js";
import { APPHOST_DIRECTORY, objectsOf } from "./testing-support/engine-view.js";

describe("startTestApp with Node apps", () => {
  it("starts auth-api as a process after its database, cache and broker, and binds httpClient to it", async () => {
    await using app = await startTestApp(defineApp, { resources: ["auth-api"], appHostDirectory: APPHOST_DIRECTORY });
    expect(app.resources().map((r) => r.name)).not.toContain("gateway");
    const response = await app.httpClient("auth-api")("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "Healthy" });
    expect(app.endpoint("auth-api").hostname).toBe("localhost");
    expect(app.logs("auth-api").length).toBeGreaterThan(0);
    expect((await objectsOf(app.appKey)).containers.map((c) => c.labels["bosun.resource"]).sort()).toEqual(["cache", "messaging", "postgres"]);
  });

  it("gives Node apps and executables the extra env", async () => {
    const printer = (builder: AppBuilder) => {
      builder.addExecutable("printer", process.execPath, ".", ["-e", "console.log(`greeting=${process.env.GREETING}`)"]);
    };
    await using app = await startTestApp(printer, { env: { GREETING: "hello from the test" } });
    await expect.poll(() => app.resource("printer").state).toBe("Finished");
    expect(app.logs("printer")).toEqual(["greeting=hello from the test"]);
  });
});
