import { rmSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "./run-command.js";
import { readTestCounts, type TestCounts } from "./vitest-summary.js";
import type { TestPlan } from "./test-projects.js";

export interface EngineRun {
  /** "Docker" or "Podman". */
  readonly engine: string;
  readonly code: number;
  readonly counts: TestCounts;
  readonly seconds: number;
}

export interface EngineRunsOptions {
  readonly root: string;
  readonly plan: TestPlan;
  /** Environment of the run on Docker. */
  readonly env: NodeJS.ProcessEnv;
  /** What the run on Podman adds (BOSUN_PODMAN_HOST and the image map). */
  readonly podmanEnv: NodeJS.ProcessEnv;
  /** Run both at once (the default; BOSUN_TEST_ENGINES=parallel|sequential decides otherwise). */
  readonly parallel?: boolean;
}

/**
 * Runs Vitest once on Docker (unit and docker projects) and once on Podman (podman project), each
 * with its own JSON report under test-results/, sequentially or side by side.
 */
export async function runOnEngines(options: EngineRunsOptions): Promise<EngineRun[]> {
  const { root, plan } = options;
  const runs: (() => Promise<EngineRun>)[] = [];
  if (plan.docker) runs.push(() => runVitest(root, "Docker", plan.docker!, options.env, "vitest.json"));
  if (plan.podman) runs.push(() => runVitest(root, "Podman", plan.podman!, { ...options.env, ...options.podmanEnv }, "vitest-podman.json"));
  const parallel = options.parallel ?? defaultParallel();
  if (runs.length > 1) console.log(`tests: Docker and Podman runs ${parallel ? "side by side" : "one after the other"} (BOSUN_TEST_ENGINES=parallel|sequential decides)`);
  if (parallel) return Promise.all(runs.map((run) => run()));
  const results: EngineRun[] = [];
  for (const run of runs) results.push(await run());
  return results;
}

/** Side by side unless asked otherwise: the tests mostly wait on containers, even on 2 cores. */
function defaultParallel(): boolean {
  return process.env["BOSUN_TEST_ENGINES"] !== "sequential";
}

async function runVitest(root: string, engine: string, args: readonly string[], env: NodeJS.ProcessEnv, reportName: string): Promise<EngineRun> {
  const report = join(root, "test-results", reportName);
  rmSync(report, { force: true });
  const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
  const reporterArgs = ["--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  const started = Date.now();
  console.log(`tests: on ${engine}: vitest run ${args.join(" ")}`.trimEnd());
  const code = await runCommand(process.execPath, [vitest, "run", ...reporterArgs, ...args], { cwd: root, env });
  const counts = readTestCounts(report) ?? { passed: 0, failed: 0 };
  return { engine, code, counts, seconds: Math.round((Date.now() - started) / 1000) };
}

/** One line per engine: what ran there and how long it took. */
export function formatEngineRun(run: EngineRun): string {
  return `tests on ${run.engine}: ${run.counts.passed} passed, ${run.counts.failed} failed in ${run.seconds} s`;
}
