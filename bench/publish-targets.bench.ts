// Time to all-healthy of the reference model (pgAdmin left out, free host ports) three ways on this
// machine: `run` (bosun's orchestrator: containers plus host processes), docker-compose 1.29
// (`up -d` of the published files) and Swarm (`docker stack deploy`, one node). Images are built
// first with publish --build (not timed; an unchanged app is not rebuilt).
//   BOSUN_IMAGE_MAP=images/offline/image-map.json npx tsx --conditions=bosun-source bench/publish-targets.bench.ts [run] [compose] [swarm]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseEnvFile } from "../test/support/env-file.js";
import { cli, publishableReference } from "../test/support/published-reference.js";
import { joinSwarm, removeStackAndLeave } from "../test/support/swarm-engine.js";
import { containerHealth } from "../test/support/wait-healthy.js";

const SERVICES = 6;
const TIMEOUT_MS = 300_000;

async function untilHealthy(label: string, serviceLabel: string, prefix: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const health = await containerHealth(label, serviceLabel, prefix);
    if (health.size === SERVICES && [...health.values()].every((h) => h === "healthy")) return;
    if (Date.now() > deadline) throw new Error(`not healthy within ${TIMEOUT_MS / 1000} s: ${[...health].map((e) => e.join(" ")).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function timeRun(): Promise<number> {
  const { app, env } = await publishableReference("bosun-e2e");
  process.env.BOSUN_SECRETS_DIR = env.BOSUN_SECRETS_DIR;
  const started = performance.now();
  const running = await app.start();
  await running.settled;
  const ms = performance.now() - started;
  const unhealthy = running.resources().filter((r) => !r.name.endsWith("-password") && r.health !== "Healthy");
  await running.stop();
  // run keeps named data volumes; the next run has new passwords, so start from empty ones like the others.
  const volumes = (await cli("docker", ["volume", "ls", "-q", "--filter", "name=bosun-e2e-"])).split("\n").filter(Boolean);
  if (volumes.length > 0) await cli("docker", ["volume", "rm", ...volumes]);
  if (unhealthy.length > 0) throw new Error(`run: not healthy: ${unhealthy.map((r) => r.name).join(", ")}`);
  return ms;
}

async function timeCompose(): Promise<number> {
  const output = mkdtempSync(path.join(os.tmpdir(), "bosun-bench-compose-"));
  const project = "bosun-bench-compose";
  const { app, env } = await publishableReference("bosun-e2e");
  await app.publish({ target: "compose", outputDir: output, envFile: true, build: true, env });
  const started = performance.now();
  try {
    await cli("docker-compose", ["-p", project, "up", "-d"], { cwd: output, timeoutMs: TIMEOUT_MS });
    await untilHealthy(`com.docker.compose.project=${project}`, "com.docker.compose.service", "");
    return performance.now() - started;
  } finally {
    await cli("docker-compose", ["-p", project, "down", "-v"], { cwd: output, timeoutMs: TIMEOUT_MS });
    rmSync(output, { recursive: true, force: true });
  }
}

async function timeSwarm(): Promise<number> {
  const output = mkdtempSync(path.join(os.tmpdir(), "bosun-bench-swarm-"));
  const stack = "bosun-bench-swarm";
  const { app, env } = await publishableReference("bosun-e2e");
  await app.publish({ target: "swarm", outputDir: output, envFile: true, build: true, env, swarmEndpointMode: "dnsrr" });
  const swarm = await joinSwarm();
  try {
    const deployEnv = { ...process.env, ...parseEnvFile(readFileSync(path.join(output, ".env"), "utf8")) };
    const started = performance.now();
    await cli("docker", ["stack", "deploy", "-c", "stack.yaml", stack], { cwd: output, env: deployEnv });
    await untilHealthy(`com.docker.stack.namespace=${stack}`, "com.docker.swarm.service.name", `${stack}_`);
    return performance.now() - started;
  } finally {
    await removeStackAndLeave(stack, swarm);
    rmSync(output, { recursive: true, force: true });
  }
}

const chosen = process.argv.slice(2);
for (const [label, measure] of [["run", timeRun], ["compose", timeCompose], ["swarm", timeSwarm]] as const) {
  if (chosen.length > 0 && !chosen.includes(label)) continue;
  try {
    console.log(`${label.padEnd(8)} all healthy in ${((await measure()) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.log(`${label.padEnd(8)} failed: ${(error as Error).message}`);
  }
}
