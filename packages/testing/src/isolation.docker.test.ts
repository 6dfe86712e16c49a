import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import type { IsolatedAppReport } from "./fixtures/isolated-app.js";
import { objectsOf } from "./testing-support/engine-view.js";
import { runFixtures } from "./testing-support/run-fixtures.js";

// The workspace run may use one worker on a 2-core machine, so the two files are run here in a
// child vitest with two workers: they are at the same time, every time.
it("gives two test files running at the same time an app each, with no shared container, network or data", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bosun-isolation-"));
  const t0 = performance.now();
  const run = runFixtures(["isolated-app-a", "isolated-app-b"], { maxWorkers: 2, env: { BOSUN_RENDEZVOUS_DIR: dir } });
  const { code } = await run.exited;
  console.info(`[figures] two parallel fixture files (cache + ecommercedb each) ran in ${Math.round(performance.now() - t0)} ms`);
  expect(code, run.output()).toBe(0);
  expect(run.output()).toMatch(/Tests\s+2 passed/);

  const [a, b] = ["a", "b"].map((me) => JSON.parse(readFileSync(path.join(dir, `${me}.json`), "utf8")) as IsolatedAppReport);
  expect(a!.pid).not.toBe(b!.pid);
  expect(a!.network).not.toBe(b!.network);
  expect(a!.containers).toHaveLength(2);
  expect(b!.containers).toHaveLength(2);
  expect(a!.containers.filter((name) => b!.containers.includes(name))).toEqual([]);
  expect(await objectsOf(a!.appKey)).toEqual({ containers: [], networks: [] });
  expect(await objectsOf(b!.appKey)).toEqual({ containers: [], networks: [] });
});
