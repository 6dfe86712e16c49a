import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAuthRoundTrip } from "./support/auth-round-trip.js";
import { parseEnvFile } from "./support/env-file.js";
import { eventually } from "./support/eventually.js";
import { cli, LEFT_OUT, publishableReference } from "./support/published-reference.js";
import { joinSwarm, removeStackAndLeave, type SwarmState } from "./support/swarm-engine.js";
import { containerHealth } from "./support/wait-healthy.js";

// End to end on Docker Swarm (one node, advertised on 127.0.0.1): publish the reference AppHost,
// build its images, `docker stack deploy`, and use it. Swarm has no start order: the app images wait
// for their dependencies themselves. The engine is left as it was found, also when a test fails.
const STACK = "bosun-e2e-swarm";
const LABEL = `com.docker.stack.namespace=${STACK}`;
const SERVICES = ["auth-api", "cache", "frontend", "gateway", "messaging", "postgres"];
/** The one-shot migration job: Swarm runs it once (restart on failure only) and cannot make auth-api wait for it. */
const JOB = "auth-api-migrate";
const output = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-swarm-"));
let swarm: SwarmState | undefined;
let gatewayPort: number;

/** `service replicas` of the stack, e.g. `postgres 1/1`. */
async function replicas(): Promise<Map<string, string>> {
  const lines = await cli("docker", ["service", "ls", "--filter", `label=${LABEL}`, "--format", "{{.Name}} {{.Replicas}}"]);
  return new Map(lines.split("\n").filter(Boolean).map((line) => line.replace(`${STACK}_`, "").split(" ") as [string, string]));
}

/** Health of each running task container, by service. */
const taskHealth = () => containerHealth(LABEL, "com.docker.swarm.service.name", `${STACK}_`);

beforeAll(async () => {
  const reference = await publishableReference("bosun-e2e");
  gatewayPort = reference.gatewayPort;
  // These kernels have no IPVS: Swarm's virtual IPs and ingress ports do not work, DNS round robin and host ports do.
  await reference.app.publish({ target: "swarm", outputDir: output, envFile: true, build: true, env: reference.env, swarmEndpointMode: "dnsrr" });
  swarm = await joinSwarm();
  // Variables the stack file interpolates (secrets of images without *_FILE) come from the deploying shell.
  const env = { ...process.env, ...parseEnvFile(readFileSync(path.join(output, ".env"), "utf8")) };
  const deployed = Date.now();
  await cli("docker", ["stack", "deploy", "-c", "stack.yaml", STACK], { cwd: output, env });
  await eventually("every service converged with healthy tasks", 300_000, async () => {
    const [counts, health] = [await replicas(), await taskHealth()];
    const behind = SERVICES.filter((service) => counts.get(service) !== "1/1" || health.get(service) !== "healthy");
    if (behind.length > 0) throw new Error(`not converged: ${behind.map((s) => `${s} ${counts.get(s) ?? "-"} ${health.get(s) ?? "no task"}`).join(", ")}`);
  });
  console.log(`swarm: all ${SERVICES.length} services 1/1 with healthy tasks ${((Date.now() - deployed) / 1000).toFixed(1)} s after docker stack deploy`);
}, 900_000);

afterAll(async () => {
  await removeStackAndLeave(STACK, swarm);
  rmSync(output, { recursive: true, force: true });
}, 300_000);

describe(`the reference AppHost published for Swarm (${LEFT_OUT.join(", ")} left out: no image here)`, () => {
  it("converges every service to 1/1 with a healthy task, and no task was restarted", async () => {
    expect([...(await replicas())].filter(([service]) => service !== JOB).sort()).toEqual(SERVICES.map((service) => [service, "1/1"]));
    expect([...(await taskHealth())].sort()).toEqual(SERVICES.map((service) => [service, "healthy"]));
    for (const service of SERVICES) {
      const tasks = await cli("docker", ["service", "ps", `${STACK}_${service}`, "--format", "{{.DesiredState}} {{.Error}}"]);
      expect(tasks.trim(), `tasks of ${service}`).toBe("Running");
    }
  });

  it("runs the migration job once to completion; auth-api, started at once, became healthy without a restart", async () => {
    const tasks = await cli("docker", ["service", "ps", `${STACK}_${JOB}`, "--format", "{{.DesiredState}} {{.CurrentState}} {{.Error}}"]);
    expect(tasks.trim()).toMatch(/^Shutdown Complete [^\n]*$/);
    const logs = await cli("docker", ["service", "logs", "--raw", `${STACK}_${JOB}`]);
    expect(logs).toContain("applied: 0001_create_aspnet_users, 0002_create_refresh_tokens, 0003_create_app_role");
  });

  it("lets the app services wait for their dependencies instead of crash-looping", async () => {
    const logs = await cli("docker", ["service", "logs", "--raw", `${STACK}_auth-api`]);
    expect(logs).toContain("bosun-entrypoint: waiting for cache, messaging");
    expect(logs).not.toMatch(/gave up waiting/);
  });

  it("carries register → login → refresh → logout through the gateway", async () => {
    await expectAuthRoundTrip(`http://127.0.0.1:${gatewayPort}`, "swarm@example.com");
  });

  it("leaves the engine as it found it after docker stack rm and docker swarm leave", async () => {
    await removeStackAndLeave(STACK, swarm);
    const state = swarm!;
    swarm = undefined;
    for (const kind of ["container", "network", "volume"] as const) {
      const left = await cli("docker", [kind === "container" ? "ps" : kind, ...(kind === "container" ? ["-a"] : ["ls"]), "-q", "--filter", `label=${LABEL}`]);
      expect(left.trim(), `${kind}s of ${STACK}`).toBe("");
    }
    expect((await cli("docker", ["info", "--format", "{{.Swarm.LocalNodeState}}"])).trim()).toBe(state.wasActive ? "active" : "inactive");
  });
});
