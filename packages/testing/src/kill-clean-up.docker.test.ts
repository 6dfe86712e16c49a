import { readFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it, onTestFinished } from "vitest";
import { defineApp } from "../../../apphost/app.js";
import { startTestApp } from "./index.js";
import { APPHOST_DIRECTORY, objectsOf } from "./testing-support/engine-view.js";
import { runFixtures, until, waitForFixture } from "./testing-support/run-fixtures.js";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

it("with the watchdog off, removes what a SIGKILLed test run left behind on the next startTestApp", async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "bosun-kill-")), "app.json");
  // The next run's reaping is the safety net for when the watchdog died too; this test takes it away.
  const run = runFixtures(["hanging-app"], { env: { BOSUN_FIXTURE_OUT: out, BOSUN_WATCHDOG: "off" } });
  // A failure before the kill below must not leave the hanging run behind.
  onTestFinished(() => run.kill());
  const { appKey, pid } = await waitForFixture(run, "the hanging app started", 150_000, async () =>
    readFile(out, "utf8").then((text) => JSON.parse(text) as { appKey: string; pid: number }, () => undefined),
  );
  const before = await objectsOf(appKey);
  expect(before.containers.map((c) => c.state)).toEqual(["running"]);
  expect(before.networks).toHaveLength(1);

  run.kill();
  expect((await run.exited).signal).toBe("SIGKILL");
  // The group's processes die a moment after npx, and stay zombies until their new parent reaps them.
  await until("the killed worker's process to disappear", 10_000, async () => (isAlive(pid) ? undefined : true));
  // Nothing ran the killed run's clean-up: its container and network are still there.
  expect((await objectsOf(appKey)).containers).toHaveLength(1);

  const t0 = performance.now();
  await using app = await startTestApp(defineApp, { resources: ["cache"], appHostDirectory: APPHOST_DIRECTORY });
  console.info(`[figures] next startTestApp (reap + cache) took ${Math.round(performance.now() - t0)} ms`);
  expect(await objectsOf(appKey)).toEqual({ containers: [], networks: [] });
  expect(app.resource("cache").health).toBe("Healthy");
});
