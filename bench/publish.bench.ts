// Publish bench: npm run bench:publish
// Publishes the reference AppHost and a model of 1,000 resources (PostgreSQL servers and
// databases, Redis, containers and Node apps wired with references and waits) for Compose,
// Swarm and Kubernetes into a scratch folder: resolve, render and write, as `publish --target …` does without
// --build. Prints the median and minimum of several runs. Figures only; no timed assertion.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createBuilder, type DistributedApplication } from "bosun";
import { addLargeModel } from "./support/large-model.js";
import { defineApp } from "../apphost/app.js";

const APPHOST = fileURLToPath(new URL("../apphost/", import.meta.url));
const APP_SOURCE = "../examples/ecommerce/auth-api";
const WARM_UP_RUNS = 3;
const RUNS = 11;
const TARGETS = ["compose", "swarm", "kubernetes"] as const;

function reference(): DistributedApplication {
  const builder = createBuilder({ appHostDirectory: APPHOST, appName: "shop" });
  defineApp(builder);
  return builder.build();
}

function large(resourceCount: number): DistributedApplication {
  const builder = createBuilder({ appHostDirectory: APPHOST, appName: "large" });
  addLargeModel(builder, resourceCount, () => APP_SOURCE);
  return builder.build();
}

interface Figures {
  readonly median: number;
  readonly min: number;
  /** Median CPU time of this process (user + system): steadier than wall time on a shared machine. */
  readonly cpu: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeRuns(app: DistributedApplication, target: (typeof TARGETS)[number]): Promise<Figures> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-bench-"));
  try {
    const once = async (run: number) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      await app.publish({ target, outputDir: path.join(scratch, String(run)), env: {} });
      const used = process.cpuUsage(cpu);
      return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
    };
    for (let i = 0; i < WARM_UP_RUNS; i += 1) await once(-1 - i);
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await once(i));
    const walls = runs.map((r) => r.wall);
    return { median: median(walls), min: Math.min(...walls), cpu: median(runs.map((r) => r.cpu)) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const models = [
  { name: `reference (${reference().resources.length} resources)`, app: reference() },
  { name: "1,000 resources", app: large(1_000) },
];
const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`publish bench: node ${process.version}, ${os.cpus().length} cores, load ${load}; ${RUNS} runs after ${WARM_UP_RUNS} warm-up runs, into an empty folder each time`);
for (const { name, app } of models) {
  for (const target of TARGETS) {
    const figures = await timeRuns(app, target);
    const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
    console.log(`${name.padEnd(28)} ${target.padEnd(10)} wall median ${ms(figures.median)}  min ${ms(figures.min)}   cpu median ${ms(figures.cpu)}`);
  }
}
