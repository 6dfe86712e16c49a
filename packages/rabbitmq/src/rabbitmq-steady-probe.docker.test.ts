import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createBuilder, type RunningApp } from "@bosun/hosting";
import { describe, expect, it } from "vitest";
import { rabbitmq } from "./index.js";

const run = promisify(execFile);
/** Steady rounds every 200 ms, so a few seconds hold many of them. */
const SCHEDULE = { initialDelayMs: 50, factor: 1.5, maxStartupDelayMs: 100, steadyDelayMs: 200, probeTimeoutMs: 2_000 };
const STEADY_WINDOW_MS = 3_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Under heavy load the engine sometimes fails to freeze a container at once ("unable to freeze"); a later try works. */
async function pauseContainer(container: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run("docker", ["pause", container]);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await pause(1_000);
    }
  }
}

/** Resolves when `name`'s health becomes `health`. */
async function healthBecomes(app: RunningApp, name: string, health: "Healthy" | "Unhealthy"): Promise<void> {
  const abort = new AbortController();
  if (app.resources().find((r) => r.name === name)?.health === health) return;
  for await (const event of app.events(abort.signal)) {
    if (event.snapshot.name === name && event.snapshot.health === health) return abort.abort();
  }
}

describe("a healthy RabbitMQ broker's steady-state health rounds", () => {
  it("add no line to the broker's log per round, and still report the broker Unhealthy when its app stops", async () => {
    const tag = `${process.pid}-${Date.now().toString(36)}`;
    const container = `messaging-steady-${tag}`;
    const builder = createBuilder({ appHostDirectory: mkdtempSync(path.join(os.tmpdir(), "bosun-steady-probe-")), appName: "steady-probe" }).use(rabbitmq);
    builder.addRabbitMQ("messaging").withContainerName(container);
    const logs: string[] = [];
    await using app = await builder.build().start({ schedule: SCHEDULE, onLog: (resource, _stream, line) => resource === "messaging" && logs.push(line) });
    await app.waitForHealthy("messaging");
    // The first steady round opens the kept connection; rounds after it must not connect again.
    await pause(1_000);
    const accepted = () => logs.filter((line) => line.includes("accepting AMQP connection")).length;
    const before = accepted();
    await pause(STEADY_WINDOW_MS);
    // A connection per round would log about STEADY_WINDOW_MS / steadyDelayMs = 15 of them.
    expect(accepted() - before).toBe(0);
    expect(app.resources().find((r) => r.name === "messaging")).toMatchObject({ state: "Running", health: "Healthy" });

    const unhealthy = healthBecomes(app, "messaging", "Unhealthy");
    await run("docker", ["exec", container, "rabbitmqctl", "stop_app"]);
    await unhealthy;
    const healthy = healthBecomes(app, "messaging", "Healthy");
    await run("docker", ["exec", container, "rabbitmqctl", "start_app"]);
    await healthy;

    const frozen = healthBecomes(app, "messaging", "Unhealthy");
    await pauseContainer(container);
    try {
      await frozen;
      // Checked while still paused: once unpaused, the next 200-ms round may find it Healthy again.
      expect(app.resources().find((r) => r.name === "messaging")).toMatchObject({ state: "Running", health: "Unhealthy" });
    } finally {
      await run("docker", ["unpause", container]);
    }
  });
});
