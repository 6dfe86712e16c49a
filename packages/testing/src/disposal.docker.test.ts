import { describe, expect, it } from "vitest";
import { BosunError, HealthTimeoutError } from "@bosun/hosting";
import type { AppBuilder } from "bosun";
import { defineApp } from "../../../apphost/app.js";
import { startTestApp, TEST_LABEL } from "./index.js";
import { APPHOST_DIRECTORY, objectsOf, testEngine } from "./testing-support/engine-view.js";

/** What test apps of this process (this test file's worker) still have on the engine. */
async function leftoversOfThisProcess() {
  const engine = await testEngine();
  const labels = { [TEST_LABEL.testing]: "true", [TEST_LABEL.pid]: String(process.pid) };
  return {
    containers: (await engine.containers.list({ labels, all: true })).map((c) => c.name),
    networks: (await engine.networks.list({ labels })).map((n) => n.name),
  };
}

describe("clean-up of a test app", () => {
  it("with `await using` removes the app's containers and network when the test body throws", async () => {
    let appKey = "";
    const body = async () => {
      await using app = await startTestApp(defineApp, { resources: ["cache"], appHostDirectory: APPHOST_DIRECTORY });
      appKey = app.appKey;
      expect((await objectsOf(appKey)).containers).toHaveLength(1);
      throw new Error("the test failed");
    };
    await expect(body()).rejects.toThrow("the test failed");
    expect(await objectsOf(appKey)).toEqual({ containers: [], networks: [] });
  });

  it("stop() can be called twice", async () => {
    const app = await startTestApp(defineApp, { resources: ["cache"], appHostDirectory: APPHOST_DIRECTORY });
    await Promise.all([app.stop(), app.stop()]);
    await app.stop();
    expect(await objectsOf(app.appKey)).toEqual({ containers: [], networks: [] });
  });

  it("throws an error naming the resource whose image is missing, after removing everything it started", async () => {
    const start = startTestApp(defineApp, {
      resources: ["ecommercedb", "cache"],
      images: { cache: "bosun-offline/no-such-image:1" },
      appHostDirectory: APPHOST_DIRECTORY,
    });
    const error = await start.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BosunError);
    const message = (error as Error).message;
    expect(message).toMatch(/^startTestApp: 1 resource did not start \(its containers, network and processes have been removed\):\n  - 'cache': FailedToStart: /);
    expect(message).toContain("image 'bosun-offline/no-such-image:1' is not on the engine and could not be pulled");
    expect(message).toContain("startTestApp(defineApp, { images: { 'cache': 'local/image:tag' } })");
    expect(await leftoversOfThisProcess()).toEqual({ containers: [], networks: [] });
  });

  it("gives up after startupTimeoutMs with the resources that are not healthy, and removes them", async () => {
    const neverHealthy = (builder: AppBuilder) => {
      builder
        .addContainer("sleeper", "bosun-offline/base:bookworm")
        .withArgs("sleep", "infinity")
        .withHealthCheck("never", async () => {
          throw new Error("not ready, on purpose");
        });
    };
    const error = await startTestApp(neverHealthy, { startupTimeoutMs: 3_000 }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(HealthTimeoutError);
    expect((error as Error).message).toMatchInlineSnapshot(`
      "startTestApp: not every resource was healthy within 3 s (its containers, network and processes have been removed):
        - 'sleeper': Running, Unhealthy: health check 'never' failed: not ready, on purpose
      raise startupTimeoutMs, or start fewer resources with { resources: [...] }"
    `);
    expect(await leftoversOfThisProcess()).toEqual({ containers: [], networks: [] });
  });

  it("refuses a resource name the model does not have before starting anything", async () => {
    await expect(startTestApp(defineApp, { resources: ["cache", "auth"], appHostDirectory: APPHOST_DIRECTORY })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[BosunError: startTestApp: no resource named 'auth' in the model; it has 'postgres-password', 'postgres', 'postgres-pgadmin-password', 'postgres-pgadmin-email', 'postgres-pgadmin', 'ecommercedb', 'cache-password', 'cache', 'messaging-password', 'messaging', 'auth-api-db-password', 'auth-api-jwt-key', 'auth-api-migrations', 'auth-api-migrate', 'auth-api', 'gateway', 'frontend']`,
    );
  });
});
