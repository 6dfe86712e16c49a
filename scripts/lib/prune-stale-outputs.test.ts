import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { pruneStaleOutputs } from "./prune-stale-outputs.js";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function packageWith(files: readonly string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bosun-prune-"));
  folders.push(dir);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), "");
  }
  return dir;
}

it("removes the outputs of a source that was moved away, and keeps every output that has its source", () => {
  const kept = ["dist/health/backoff.js", "dist/health/backoff.d.ts", "dist/health/backoff.js.map", "dist/health/backoff.d.ts.map", "dist/.tsbuildinfo"];
  const stale = ["dist/orchestrator/backoff.js", "dist/orchestrator/backoff.d.ts", "dist/orchestrator/backoff.js.map", "dist/orchestrator/backoff.d.ts.map"];
  const dir = packageWith(["src/health/backoff.ts", ...kept, ...stale]);

  expect(pruneStaleOutputs(dir).map((file) => path.relative(dir, file)).sort()).toEqual([...stale].sort());
  expect(kept.filter((file) => !existsSync(path.join(dir, file)))).toEqual([]);
  expect(stale.filter((file) => existsSync(path.join(dir, file)))).toEqual([]);
});

it("does nothing for a package that has not been built", () => {
  expect(pruneStaleOutputs(packageWith(["src/index.ts"]))).toEqual([]);
});
