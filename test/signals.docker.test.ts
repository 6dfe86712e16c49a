import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defineWatchdogApp } from "./fixtures/watchdog-apphost.js";
import { leftOf, NOTHING_LEFT, sessionOf, startAppHostRun, until, watchdogLog, watchdogPidOf, type AppHostRun, type SessionView } from "./support/watchdog-app-host.js";

const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-signals-"));

/** npm's own process in the run's group: the `npx` a user typed. */
function npmOf(run: AppHostRun): number {
  return run.group;
}

/**
 * The run ended by stopping the app itself: its last line says so, nothing of the session is left,
 * and the watchdog had nothing to do (it writes a line only when it cleans up after a dead AppHost).
 */
async function expectCleanStop(run: AppHostRun, session: SessionView): Promise<void> {
  await run.exited;
  expect(run.output()).toMatch(/stopped; session containers and network removed, volumes kept\n$/);
  await until("the watchdog to exit", 30_000, async () => (watchdogPidOf(session.sessionId) === undefined ? true : undefined));
  expect(await leftOf(session)).toEqual(NOTHING_LEFT);
  expect(watchdogLog(run)).toBe("");
}

describe("signals as users send them", () => {
  afterAll(async () => {
    await defineWatchdogApp(appHostDirectory).run(["down", "--volumes"]);
  });

  it("Ctrl-C in a terminal (SIGINT to the whole group) stops the app cleanly", async () => {
    const run = await startAppHostRun(appHostDirectory, "sigint");
    const session = sessionOf(run);
    process.kill(-run.group, "SIGINT");
    await expectCleanStop(run, session);
  });

  it("SIGTERM to the AppHost alone (an IDE's stop button) stops the app cleanly", async () => {
    const run = await startAppHostRun(appHostDirectory, "sigterm");
    const session = sessionOf(run);
    process.kill(session.ownerPid, "SIGTERM");
    await expectCleanStop(run, session);
  });

  it.each(["SIGTERM", "SIGKILL"] as const)("%s to the npx in front of it, which ends without passing anything on, stops the app cleanly", async (signal) => {
    const run = await startAppHostRun(appHostDirectory, `npx-${signal}`);
    const session = sessionOf(run);
    process.kill(npmOf(run), signal);
    await expectCleanStop(run, session);
    expect(run.output()).toMatch(/the command that started this AppHost ended \(npm exec [^,]*, pid \d+\): stopping/);
  });

  it("SIGHUP to the group (the terminal was closed) stops the app cleanly", async () => {
    const run = await startAppHostRun(appHostDirectory, "sighup");
    const session = sessionOf(run);
    process.kill(-run.group, "SIGHUP");
    await expectCleanStop(run, session);
  });
});
