// Time from `kill -9` of an AppHost to nothing of its session left (container, network, Node
// process), removed by the watchdog alone, over RUNS runs of `npx tsx test/fixtures/watchdog-apphost.ts`:
// half with the whole process group killed (a terminal job), half with the AppHost process alone (OOM).
//   npm run bench:watchdog [-- runs]     (needs an engine; set BOSUN_IMAGE_MAP without a registry)
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineWatchdogApp } from "../test/fixtures/watchdog-apphost.js";
import { sessionOf, startAppHostRun, timeUntilGone } from "../test/support/watchdog-app-host.js";

const RUNS = Number(process.argv[2] ?? 6);
const TARGET_MS = 5_000;
const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-bench-watchdog-"));

const timings: { how: string; ms: number }[] = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
    const how = i % 2 === 0 ? "group" : "AppHost alone";
    const run = await startAppHostRun(appHostDirectory, `run-${i}`);
    const session = sessionOf(run);
    const killedAt = performance.now();
    process.kill(how === "group" ? -run.group : session.ownerPid, "SIGKILL");
    const ms = await timeUntilGone(session, killedAt);
    await run.exited;
    timings.push({ how, ms });
    console.log(`run ${i + 1}/${RUNS}: SIGKILL of the ${how} → session removed in ${ms} ms`);
  }
} finally {
  await defineWatchdogApp(appHostDirectory).run(["down", "--volumes"]);
}

const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
console.log(`\nclean-up after SIGKILL over ${sorted.length} runs: min ${sorted[0]} ms, median ${median} ms, max ${sorted.at(-1)} ms (target ${TARGET_MS} ms)`);
if (sorted.at(-1)! > TARGET_MS) process.exitCode = 1;
