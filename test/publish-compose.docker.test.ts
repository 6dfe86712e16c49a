import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectAuthRoundTrip } from "./support/auth-round-trip.js";
import { recordContainerEvents, startOrderViolations, type ContainerEventRecorder } from "./support/engine-events.js";
import { eventually } from "./support/eventually.js";
import { cli, LEFT_OUT, publishableReference } from "./support/published-reference.js";

// End to end on docker-compose 1.29: publish the reference AppHost, build its images, `up -d`, and use
// it. pgAdmin is left out (its image cannot be had here); host ports are free ones (see
// publishableReference), so this runs beside `npm start` and the other docker tests.
const PROJECT = "bosun-e2e-compose";
const LABEL = `com.docker.compose.project=${PROJECT}`;
const output = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-compose-"));
const compose = (...args: string[]) => cli("docker-compose", ["-p", PROJECT, ...args], { cwd: output, timeoutMs: 300_000 });
let gatewayPort: number;
let upStarted: number;
let recorder: ContainerEventRecorder | undefined;
let allHealthyMs: number;

/** The one-shot migration job auth-api waits for: it must have exited 0 before auth-api starts. */
const JOB = "auth-api-migrate";

/** `service: [dependencies]` as the published file says: service_healthy, except on the migration job. */
function dependencyEdges(): [string, string][] {
  const file = parse(readFileSync(path.join(output, "docker-compose.yaml"), "utf8")) as { services: Record<string, { depends_on?: Record<string, { condition: string }> }> };
  return Object.entries(file.services).flatMap(([name, service]) =>
    Object.entries(service.depends_on ?? {}).map(([dependency, { condition }]) => {
      expect(condition, `${name} → ${dependency}`).toBe(dependency === JOB ? "service_completed_successfully" : "service_healthy");
      return [name, dependency] as [string, string];
    }),
  );
}

async function containerStates(): Promise<Map<string, string>> {
  const ids = (await cli("docker", ["ps", "-aq", "--filter", `label=${LABEL}`])).split("\n").filter(Boolean);
  if (ids.length === 0) return new Map();
  const lines = await cli("docker", ["inspect", "--format", '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.ExitCode}}{{end}}', ...ids]);
  return new Map(lines.split("\n").filter(Boolean).map((line) => line.split(" ") as [string, string]));
}

beforeAll(async () => {
  await cli("docker-compose", ["version"]).catch(() => {
    throw new Error("docker-compose is not installed: npm test installs it (apt-get install docker-compose); run it, or install it yourself");
  });
  const reference = await publishableReference("bosun-e2e");
  gatewayPort = reference.gatewayPort;
  await reference.app.publish({ target: "compose", outputDir: output, envFile: true, build: true, env: reference.env });
  upStarted = Date.now();
  recorder = recordContainerEvents(LABEL, "com.docker.compose.service");
  await compose("up", "-d");
  await eventually("every service healthy", 240_000, async () => {
    const states = await containerStates();
    const notHealthy = [...states].filter(([service, state]) => state !== (service === JOB ? "exited/0" : "running/healthy"));
    if (states.size < 7 || notHealthy.length > 0) throw new Error(`not healthy yet: ${notHealthy.map((s) => s.join(" ")).join(", ") || `${states.size} containers`}`);
  });
  allHealthyMs = Date.now() - upStarted;
  console.log(`compose: all ${(await containerStates()).size} services healthy ${(allHealthyMs / 1000).toFixed(1)} s after docker-compose up -d`);
}, 900_000);

afterAll(async () => {
  recorder?.stop();
  await compose("down", "-v", "--remove-orphans").catch(() => {});
  rmSync(output, { recursive: true, force: true });
});

describe(`the reference AppHost published for Compose (${LEFT_OUT.join(", ")} left out: no image here)`, () => {
  it("runs every service healthy, each started only after what it waits for was healthy, auth-api after the migration job exited 0", async () => {
    expect([...(await containerStates())].sort()).toEqual(
      ["auth-api", JOB, "cache", "frontend", "gateway", "messaging", "postgres"].map((service) => [service, service === JOB ? "exited/0" : "running/healthy"]),
    );
    const edges = dependencyEdges();
    expect(edges).toEqual(
      expect.arrayContaining([[JOB, "postgres"], ["auth-api", JOB], ["auth-api", "cache"], ["auth-api", "messaging"], ["gateway", "auth-api"], ["frontend", "gateway"]]),
    );
    const events = recorder!.events();
    expect(startOrderViolations(events, edges.filter(([, dependency]) => dependency !== JOB))).toEqual([]);
    const jobEnded = events.find((e) => e.service === JOB && e.status === "die")?.timeMs;
    const apiStarted = events.find((e) => e.service === "auth-api" && e.status === "start")?.timeMs;
    expect(jobEnded).toBeDefined();
    expect(apiStarted).toBeGreaterThanOrEqual(jobEnded!);
  });

  it("carries register → login → refresh → logout through the gateway", async () => {
    await expectAuthRoundTrip(`http://127.0.0.1:${gatewayPort}`, "compose@example.com");
  });

  it("serves the front end's pages", async () => {
    const frontend = (await cli("docker", ["ps", "-q", "--filter", `label=${LABEL}`, "--filter", "label=com.docker.compose.service=frontend"])).trim();
    const status = await cli("docker", ["exec", frontend, "node", "-e", 'fetch("http://127.0.0.1:8080/login").then((r) => console.log(r.status))']);
    expect(status.trim()).toBe("200");
  });

  it("builds an app's image with docker-compose build too, from the context publish --build staged", async () => {
    await compose("build", "gateway");
  });

  it("leaves nothing behind after down -v: no container, network or volume of the project", async () => {
    await compose("down", "-v");
    for (const kind of ["container", "network", "volume"] as const) {
      const left = await cli("docker", [kind === "container" ? "ps" : kind, ...(kind === "container" ? ["-a"] : ["ls"]), "-q", "--filter", `label=${LABEL}`]);
      expect(left.trim(), `${kind}s of ${PROJECT}`).toBe("");
    }
  });
});
