import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "./support/eventually.js";
import { runSample, sampleEnvironment, stopSample, waitForHealthy } from "./support/aspire-sample.js";

// Aspire's RabbitMQ validation AppHost (test/fixtures/aspire/Aspire.Hosting.RabbitMQ, see its
// NOTICE), unchanged but for its import line. It fixes host port 15673, so it runs on Docker only:
// side by side with the Docker run, a Podman run would find the port taken (test/docker-only-tests.ts).

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
}, 120_000);

describe("playground/polyglot/TypeScript/Aspire.Hosting.RabbitMQ/ValidationAppHost", () => {
  it("runs both brokers healthy, the persistent one with its management UI on host port 15673", { timeout: 240_000 }, async () => {
    const env = sampleEnvironment();
    const run = runSample("Aspire.Hosting.RabbitMQ", ["run", "--no-dashboard"], env);
    cleanups.push(async () => {
      await stopSample(run);
      // messaging2 is persistent and both have data volumes: down --volumes removes them.
      await runSample("Aspire.Hosting.RabbitMQ", ["down", "--volumes"], env).exited;
    });
    await waitForHealthy(run, 2, 200_000);
    expect(run.url("messaging2", "management")).toBe("http://localhost:15673");
    const management = await eventually("the management UI", 30_000, async () => {
      const response = await fetch(run.url("messaging", "management"), { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(String(response.status));
      return response.status;
    });
    expect(management).toBe(200);
    expect(await stopSample(run)).toBe(0);
  });
});

