// npm run faults [-- --cycles N] [-- --only kill,crash,engine,disk]: the fault suite against the
// real engine (docs/faults.md). Prints figures and one line per check; exits 1 when a check fails.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { connectEngine } from "@bosun/hosting/runtime";
import { formatCheck, type Check } from "./support/checks.js";
import { crashes } from "./crashes.js";
import { engineRestart } from "./engine-restart.js";
import { fullDisk } from "./full-disk.js";
import { killCycles } from "./kill-cycles.js";

const SCENARIOS = ["kill", "crash", "engine", "disk"] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: { cycles: { type: "string" }, only: { type: "string" } },
});
const cycles = Number(values.cycles ?? process.env["BOSUN_FAULT_CYCLES"] ?? 20);
const only = new Set((values.only ?? SCENARIOS.join(",")).split(",") as Scenario[]);
for (const scenario of only) {
  if (!SCENARIOS.includes(scenario)) {
    console.error(`faults: unknown scenario '${scenario}'; choose from ${SCENARIOS.join(", ")}`);
    process.exit(2);
  }
}

const engine = await connectEngine();
const suffix = randomBytes(3).toString("hex");
const checks: Check[] = [];
const figures: string[] = [];
const started = Date.now();

if (only.has("kill")) {
  const volume = `bosun-faults-kill-${suffix}`;
  try {
    const result = await killCycles(engine, cycles, volume);
    figures.push(`kill cycles: ${result.cycles} SIGKILLs, ${result.committed} rows committed, ${result.lost} lost, ${result.duplicates} duplicated, ${result.staleContainers} stale containers and ${result.staleProcesses} stale processes at the next start`);
    checks.push(...result.checks);
  } finally {
    await engine.volumes.remove(volume).catch(() => {});
  }
}

if (only.has("crash")) {
  const result = await crashes(engine);
  figures.push(`crashes: Ctrl-C after the crashes stopped the run in ${result.stopSeconds.toFixed(1)} s`);
  checks.push(...result.checks);
}

if (only.has("engine")) {
  const result = await engineRestart(`bosun-faults-engine-${suffix}`);
  const seconds = (value: number | undefined) => (value === undefined ? "never" : `${value.toFixed(1)} s`);
  figures.push(`engine restart (own Podman service): answering again after ${seconds(result.recoverSeconds)} with containers kept; stopped containers reported after ${seconds(result.reportSeconds)}; Ctrl-C then took ${seconds(result.stopSeconds)}`);
  checks.push(...result.checks);
}

if (only.has("disk")) {
  const result = await fullDisk(engine, `bosun-faults-disk-${suffix}`);
  const recovered = result.recoverSeconds === undefined ? "never" : `${result.recoverSeconds.toFixed(1)} s`;
  figures.push(`full disk: Postgres refused after ${result.filledMb} inserts of 1 MB; ${result.committedBefore} rows committed before, ${result.lost} lost after space returned; writes succeeded again ${recovered} after the remount`);
  checks.push(...result.checks);
}

for (const figure of figures) console.log(`faults: ${figure}`);
for (const check of checks) console.log(formatCheck(check));
const failed = checks.filter((check) => !check.passed).length;
console.log(`faults: ${checks.length - failed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`);
process.exitCode = failed === 0 ? 0 : 1;
