// Model build bench: npm run bench:model
// Builds an app model of N resources (PostgreSQL servers and databases, Redis, containers and Node
// apps wired with references and waits in a DAG), validates it with build() and renders the
// manifest. Prints the median and minimum of several runs for each size, and how the time grows
// from the 100-resource baseline. Figures only; no timed assertion.
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import { createBuilder } from "bosun";
import { addLargeModel } from "./support/large-model.js";

// Collect garbage before each timed run, so a run does not pay for the previous run's models.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const SIZES = [100, 1_000, 5_000];
const WARM_UP_RUNS = 5;
const RUNS = 21;

interface Timing {
  readonly add: number;
  readonly build: number;
  readonly manifest: number;
  readonly total: number;
}

function buildModel(resourceCount: number): Timing {
  collectGarbage();
  const started = performance.now();
  const builder = createBuilder({ appHostDirectory: "/tmp/bench/apphost" });
  addLargeModel(builder, resourceCount, (app) => `../services/api-${app}`);
  const added = performance.now();
  const app = builder.build();
  const built = performance.now();
  const manifest = app.manifest();
  const rendered = performance.now();
  if (Object.keys(manifest.resources).length !== resourceCount) throw new Error("the manifest lost resources");
  return { add: added - started, build: built - added, manifest: rendered - built, total: rendered - started };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function measure(resourceCount: number): Record<keyof Timing, { median: number; min: number }> {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) buildModel(resourceCount);
  const runs = Array.from({ length: RUNS }, () => buildModel(resourceCount));
  const phase = (key: keyof Timing) => {
    const values = runs.map((run) => run[key]);
    return { median: median(values), min: Math.min(...values) };
  };
  return { add: phase("add"), build: phase("build"), manifest: phase("manifest"), total: phase("total") };
}

const ms = (value: number) => value.toFixed(2).padStart(8);

const load = os.loadavg()[0]?.toFixed(1) ?? "?";
console.log(`bosun model build bench — Node ${process.version}, ${os.cpus().length} CPUs, load ${load}; ${RUNS} runs after ${WARM_UP_RUNS} warm-up runs`);
console.log("times in ms, median / min (on a busy machine the minimum is the steadier figure)");
console.log(`${"resources".padStart(9)} | ${"add*/with*".padEnd(17)} | ${"build()".padEnd(17)} | ${"manifest()".padEnd(17)} | ${"total".padEnd(17)} | µs/resource`);
// Warm the JIT on a mid-sized model first, so the small baseline is not measured cold.
for (let i = 0; i < 10; i += 1) buildModel(1_000);
const results = new Map<number, ReturnType<typeof measure>>();
for (const size of SIZES) {
  const result = measure(size);
  results.set(size, result);
  const cell = (p: { median: number; min: number }) => `${ms(p.median)} /${ms(p.min)}`;
  const perResource = ((result.total.median / size) * 1000).toFixed(1);
  console.log(`${String(size).padStart(9)} | ${cell(result.add)} | ${cell(result.build)} | ${cell(result.manifest)} | ${cell(result.total)} | ${perResource.padStart(8)}`);
}

const [baselineSize, ...largerSizes] = SIZES;
const baseline = baselineSize === undefined ? undefined : results.get(baselineSize);
if (baselineSize !== undefined && baseline) {
  for (const size of largerSizes) {
    const result = results.get(size);
    if (!result) continue;
    const growth = (key: keyof Timing) => (result[key].min / baseline[key].min).toFixed(1);
    console.log(
      `${size} vs ${baselineSize} resources (×${size / baselineSize}), by minimum: total ×${growth("total")}, build() ×${growth("build")}, manifest() ×${growth("manifest")} (linear would be ×${size / baselineSize})`,
    );
  }
}
const thousand = results.get(1_000);
if (thousand) {
  const { total, build } = thousand;
  console.log(
    `1,000 resources: added, validated and published in ${total.median.toFixed(1)} ms median, ${total.min.toFixed(1)} ms min (build() alone ${build.median.toFixed(1)} / ${build.min.toFixed(1)} ms); target: well under 1,000 ms`,
  );
}
