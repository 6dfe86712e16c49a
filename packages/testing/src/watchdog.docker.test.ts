import { readFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it, onTestFinished } from "vitest";
import { objectsOf } from "./testing-support/engine-view.js";
import { isRunning } from "../../../test/support/process-running.js";
import { runFixtures, until, waitForFixture } from "./testing-support/run-fixtures.js";

it("removes a SIGKILLed test run's container, network and Node process within seconds, without waiting for a next run", async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "bosun-runner-kill-")), "app.json");
  const run = runFixtures(["hanging-worker-app"], { env: { BOSUN_FIXTURE_OUT: out } });
  // A failure before the kill below must not leave the hanging run behind.
  onTestFinished(() => run.kill());
  const { appKey, workerPidFile } = await waitForFixture(run, "the hanging app started", 150_000, async () =>
    readFile(out, "utf8").then((text) => JSON.parse(text) as { appKey: string; workerPidFile: string }, () => undefined),
  );
  const workerPid = Number(await readFile(workerPidFile, "utf8"));
  const before = await objectsOf(appKey);
  expect(before.containers.map((c) => c.state)).toEqual(["running"]);
  expect(before.networks).toHaveLength(1);
  expect(isRunning(workerPid)).toBe(true);

  const killedAt = performance.now();
  run.kill();
  let left = "";
  await until("the killed run's session to be removed", 60_000, async () => {
    const objects = await objectsOf(appKey);
    left = JSON.stringify({ containers: objects.containers.map((c) => c.name), networks: objects.networks.map((n) => n.name), worker: isRunning(workerPid) });
    return objects.containers.length + objects.networks.length === 0 && !isRunning(workerPid) ? true : undefined;
  }, () => `still there: ${left}`);
  console.info(`[figures] watchdog: test session removed ${Math.round(performance.now() - killedAt)} ms after SIGKILL of the test runner`);
  expect((await run.exited).signal).toBe("SIGKILL");
});
