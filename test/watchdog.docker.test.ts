import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { appKeyOf, connectEngine, describeAppHost } from "@bosun/hosting/runtime";
import { defineWatchdogApp } from "./fixtures/watchdog-apphost.js";
import { leftOf, NOTHING_LEFT, sessionOf, startAppHostRun, timeUntilGone, until, watchdogLog, watchdogPidOf } from "./support/watchdog-app-host.js";

const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-watchdog-"));
const appKey = appKeyOf(describeAppHost(appHostDirectory, "watchdog-test"));

/** The persistent container and the named data volume, which outlive every session. */
async function keptObjects() {
  const engine = await connectEngine();
  const containers = await engine.containers.list({ labels: { "bosun.app": appKey, "bosun.lifetime": "persistent" }, all: true });
  const volumes = await engine.volumes.list({ labels: { "bosun.app": appKey } });
  return { containers: containers.map((c) => c.state), volumes: volumes.map((v) => v.name) };
}

describe("the watchdog", () => {
  afterAll(async () => {
    await defineWatchdogApp(appHostDirectory).run(["down", "--volumes"]);
  });

  it("removes a SIGKILLed AppHost group's containers, network and processes by itself, and leaves a concurrent session alone", async () => {
    // One after the other: the first creates the persistent container the second reuses.
    const survivor = await startAppHostRun(appHostDirectory, "survivor");
    const killed = await startAppHostRun(appHostDirectory, "killed");
    const [dead, alive] = [sessionOf(killed), sessionOf(survivor)];
    expect((await leftOf(dead)).containers).toHaveLength(1);

    const killedAt = performance.now();
    process.kill(-killed.group, "SIGKILL");
    const ms = await timeUntilGone(dead, killedAt);
    console.info(`[figures] watchdog: session removed ${ms} ms after SIGKILL of the AppHost's process group`);

    await until("the watchdog to exit", 30_000, async () => (watchdogPidOf(dead.sessionId) === undefined ? true : undefined));
    expect(await leftOf(dead)).toEqual(NOTHING_LEFT);
    expect(watchdogLog(killed)).toContain(`session ${dead.sessionId} of ${appKey}: AppHost (pid ${dead.ownerPid}) ended without stopping; ended 1 process group (worker), removed 1 container`);
    expect(await keptObjects()).toEqual({ containers: ["running"], volumes: [`${appKey}-cache-data`] });

    const untouched = await leftOf(alive);
    expect(untouched).toMatchObject({ containers: [expect.stringContaining(alive.sessionId)], networks: [expect.stringContaining(alive.sessionId)], worker: true, watchdog: true });
    // SIGTERM to the AppHost itself: to the group, tsx's relay may SIGKILL an AppHost slow to
    // acknowledge on a loaded machine (docs/lifetime.md), and this test is about the watchdog.
    process.kill(alive.ownerPid, "SIGTERM");
    await survivor.exited;
    expect(survivor.output()).toContain("stopped; session containers and network removed");
    await until("the survivor's watchdog to exit", 30_000, async () => (watchdogPidOf(alive.sessionId) === undefined ? true : undefined));
    expect(await leftOf(alive)).toEqual(NOTHING_LEFT);
    expect(watchdogLog(survivor)).toBe("");
  });

  it("does the same when only the AppHost's own process is SIGKILLed (OOM killer), its npx and tsx wrappers ending after it", async () => {
    const run = await startAppHostRun(appHostDirectory, "oom");
    const session = sessionOf(run);

    const killedAt = performance.now();
    process.kill(session.ownerPid, "SIGKILL");
    const ms = await timeUntilGone(session, killedAt);
    console.info(`[figures] watchdog: session removed ${ms} ms after SIGKILL of the AppHost process alone`);

    await run.exited;
    await until("the watchdog to exit", 30_000, async () => (watchdogPidOf(session.sessionId) === undefined ? true : undefined));
    expect(await leftOf(session)).toEqual(NOTHING_LEFT);
    expect(await keptObjects()).toEqual({ containers: ["running"], volumes: [`${appKey}-cache-data`] });
  });
});
