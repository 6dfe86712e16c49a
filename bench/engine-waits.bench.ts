// What following running containers costs the engine's own service: its CPU share of one core over a
// window with N quiet containers (a) watched by nothing, (b) waited for by bosun's engine client, and
// (c) waited for as bosun did before, one pending `POST /containers/{id}/wait` each (the baseline,
// measured in the same run). On Podman 4.3 (c) is the costly one: it serves a pending wait by polling.
//   npm run bench:engine-waits                      (the engine bosun finds: Docker first)
//   DOCKER_HOST=unix:///run/podman/podman.sock npm run bench:engine-waits
//   BENCH_CONTAINERS=6 BENCH_WINDOW_SECONDS=15      (the defaults)
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connectEngine, loadImageSubstitution } from "@bosun/hosting/runtime";
import { usageOf } from "./idle/process-usage.js";

const CONTAINERS = Number(process.env.BENCH_CONTAINERS ?? 6);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_SECONDS ?? 15) * 1000;
const engine = await connectEngine();
const { product, version } = await engine.version();
const service = product === "Podman" ? "^/usr/bin/podman system service" : "^/usr/sbin/dockerd";
const pid = Number(execFileSync("pgrep", ["-f", service], { encoding: "utf8" }).trim().split("\n")[0]);
const image = loadImageSubstitution({ env: process.env, cwd: process.cwd() }).substitute("docker.io/library/redis:8.6").image;
const session = randomBytes(4).toString("hex");

async function engineCpuPercent(): Promise<number> {
  const before = usageOf(pid).cpuSeconds;
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  return ((usageOf(pid).cpuSeconds - before) / (WINDOW_MS / 1000)) * 100;
}

const ids: string[] = [];
try {
  for (let i = 0; i < CONTAINERS; i += 1) {
    const id = await engine.containers.create({
      name: `bosun-bench-waits-${session}-${i}`,
      image,
      entrypoint: ["sh", "-c"],
      cmd: ["while true; do sleep 1; done"],
      env: {},
      labels: { "bosun-bench": "engine-waits" },
      ports: [],
      mounts: [],
    });
    await engine.containers.start(id);
    ids.push(id);
  }
  console.log(`engine: ${product} ${version}, service pid ${pid}; ${CONTAINERS} quiet containers, ${WINDOW_MS / 1000} s per window`);
  console.log(`(a) nothing waiting:                      ${(await engineCpuPercent()).toFixed(1)} % of a core`);

  // One controller per wait, as the runtime has one per container.
  const bosunWaits = ids.map((id) => {
    const controller = new AbortController();
    engine.containers.wait(id, { signal: controller.signal }).catch(() => {});
    return controller;
  });
  console.log(`(b) bosun's engine client waiting on each: ${(await engineCpuPercent()).toFixed(1)} % of a core`);
  for (const controller of bosunWaits) controller.abort();

  // `docker wait` makes the same request (DOCKER_HOST says which engine) and then just waits.
  const rawWaits = ids.map((id) => spawn("docker", ["wait", id], { stdio: "ignore" }));
  console.log(`(c) baseline, a pending wait on each:      ${(await engineCpuPercent()).toFixed(1)} % of a core`);
  for (const wait of rawWaits) wait.kill();
} finally {
  for (const id of ids) await engine.containers.remove(id, { force: true, removeVolumes: true });
}
