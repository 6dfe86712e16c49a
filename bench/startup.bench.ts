// Start-up bench: npm run bench:startup   (BENCH_RUNS=<n>, default 3; BENCH_ONLY=tests for the
// startTestApp/Testcontainers pair alone)
// In one run, on the same images: (i) the floor — Postgres with a database, Redis and RabbitMQ
// started by parallel `docker run` and polled with real clients every 100 ms until a dependent
// could connect, then a small Node HTTP dependent started and answering; (ii) bosun cold and
// (iii) bosun warm (persistent containers reused), each from `node bench/startup/apphost.mjs` to
// the same dependent answering; `manifest` of the reference AppHost; and `startTestApp` of a
// Postgres database and a Redis against raw Testcontainers. Runs are interleaved so load on the
// machine falls on both sides alike. Figures only; no timed assertion.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appHostCommand, appHostEnv, appHostManifest, runAppHost } from "./startup/apphost-runs.js";
import { runFloor } from "./startup/floor.js";
import { describeCommand, MANIFEST_COMMANDS, timeManifest } from "./startup/manifest-runs.js";
import { removeFloorContainers, REPO_ROOT } from "./startup/processes.js";
import { serversOf } from "./startup/servers.js";
import { formatHeader, formatRow } from "./startup/stats.js";
import { runRawTestcontainers, runStartTestApp, warmUpTestcontainers } from "./startup/testing-pair.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ONLY_TESTS = process.env.BENCH_ONLY === "tests";
const OFFLINE_MAP = path.join(REPO_ROOT, "images", "offline", "image-map.json");

// Like `npm test`: without a registry, the offline stand-ins (when built) replace the official images.
if (!process.env.BOSUN_IMAGE_MAP && !process.env.BOSUN_REGISTRY_MIRROR && existsSync(OFFLINE_MAP)) process.env.BOSUN_IMAGE_MAP = OFFLINE_MAP;
process.env.BOSUN_SECRETS_DIR = mkdtempSync(path.join(os.tmpdir(), "bosun-bench-startup-"));
process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";

const parameters = Object.fromEntries(["postgres-password", "cache-password", "messaging-password"].map((name) => [name, randomBytes(12).toString("hex")]));
const servers = serversOf(await appHostManifest(appHostEnv(parameters, "session")), parameters);
const byName = (name: string) => servers.find((s) => s.name === name)!;

const figures = { floor: [] as number[], cold: [] as number[], warm: [] as number[], testcontainers: [] as number[], startTestApp: [] as number[] };
const manifestTimes = MANIFEST_COMMANDS.map(() => [] as number[]);

console.log(`bosun start-up bench: ${RUNS} runs each; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the start`);
console.log(`images: ${servers.map((s) => s.image).join(", ")}`);
try {
  await removeFloorContainers();
  await warmUpTestcontainers();
  if (!ONLY_TESTS) await runAppHost(parameters, "persistent"); // creates the persistent containers the warm runs reuse
  for (let run = 1; run <= RUNS; run++) {
    if (!ONLY_TESTS) {
      figures.floor.push(await runFloor(servers));
      figures.cold.push(await runAppHost(parameters, "session"));
      figures.warm.push(await runAppHost(parameters, "persistent"));
    }
    figures.testcontainers.push(await runRawTestcontainers(byName("postgres"), byName("cache")));
    figures.startTestApp.push(await runStartTestApp());
    if (ONLY_TESTS) {
      console.log(`run ${run}: testcontainers ${seconds(figures.testcontainers)}, startTestApp ${seconds(figures.startTestApp)} (${ratio(figures.startTestApp, figures.testcontainers)}), load average ${os.loadavg()[0]!.toFixed(1)}`);
      continue;
    }
    for (const [index, command] of MANIFEST_COMMANDS.entries()) manifestTimes[index]!.push(await timeManifest(command));
    console.log(
      `run ${run}: floor ${seconds(figures.floor)}, cold ${seconds(figures.cold)} (${ratio(figures.cold, figures.floor)}), warm ${seconds(figures.warm)}, ` +
        `testcontainers ${seconds(figures.testcontainers)}, startTestApp ${seconds(figures.startTestApp)} (${ratio(figures.startTestApp, figures.testcontainers)}), ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
} finally {
  if (!ONLY_TESTS) await appHostCommand("down", appHostEnv(parameters, "persistent")).catch((error: Error) => console.error(error.message));
  await removeFloorContainers();
}

console.log(`\n${formatHeader()}`);
if (!ONLY_TESTS) {
  console.log(formatRow("floor: parallel docker run + client polls", figures.floor, figures.floor));
  console.log(formatRow("bosun cold (new containers)", figures.cold, figures.floor, "≤ 1.05× floor"));
  console.log(formatRow("bosun warm (persistent containers reused)", figures.warm, undefined, "≤ 1.0 s"));
  for (const [index, command] of MANIFEST_COMMANDS.entries()) {
    console.log(formatRow(describeCommand(command).replace(" apphost/index.ts", ""), manifestTimes[index]!, undefined, index === 0 ? "≤ 0.5 s" : undefined));
  }
}
console.log(formatRow("tests floor: raw Testcontainers (pg + redis)", figures.testcontainers, figures.testcontainers));
console.log(formatRow("startTestApp (postgres database + redis)", figures.startTestApp, figures.testcontainers, "≤ 1.0× Testcontainers"));
console.log(`load average ${os.loadavg()[0]!.toFixed(1)} at the end`);

function seconds(values: readonly number[]): string {
  return `${(values.at(-1)! / 1000).toFixed(2)} s`;
}

/** This run's figure against the floor of the same run. */
function ratio(values: readonly number[], floor: readonly number[]): string {
  return `${(values.at(-1)! / floor.at(-1)!).toFixed(2)}×`;
}
