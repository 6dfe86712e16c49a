import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseEnvFile } from "./support/env-file.js";
import { containerEnvironment, dockerRunArguments, type ManifestContainer, type PodInputs } from "./support/kubelet-emulation.js";
import { dockerRunOnce } from "./support/docker-run-once.js";
import { cli, publishableReference } from "./support/published-reference.js";
import { REPO_ROOT } from "./support/workspace-files.js";

// No cluster runs here, so the engine plays the kubelet: the backing services of the published
// reference manifests run as their manifests say (image, args, env from the ConfigMap and the Secret
// kustomize would make from .env, $(NAME) expanded), each reachable by its Service name; then the
// app's init containers run their waits against them and the probes run inside them.
const NETWORK = `bosun-k8s-${process.pid}`;
const BACKING = ["postgres", "cache", "messaging"] as const;
const output = mkdtempSync(path.join(os.tmpdir(), "bosun-publish-kubernetes-"));
const started: string[] = [];
/** Parsed manifests, read by path. */
const objects: Record<string, any>[] = [];
let inputs: PodInputs;

const containersOf = (kind: string, name: string) => {
  const workload = objects.find((o) => o.kind === kind && o.metadata.name === name)!;
  return workload.spec.template.spec as { initContainers?: ManifestContainer[]; containers: ManifestContainer[] };
};

beforeAll(async () => {
  const reference = await publishableReference("bosun-k8s");
  const env = { ...reference.env, BOSUN_IMAGE_MAP: path.join(REPO_ROOT, "images/offline/image-map.json") };
  await reference.app.publish({ target: "kubernetes", outputDir: output, envFile: true, env });
  for (const file of readdirSync(output).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")) {
    objects.push(...parseAllDocuments(readFileSync(path.join(output, file), "utf8")).map((d) => d.toJS() as Record<string, any>));
  }
  inputs = {
    configMaps: new Map(objects.filter((o) => o.kind === "ConfigMap").map((o) => [o.metadata.name as string, o.data as Record<string, string>])),
    secretValues: new Map(Object.entries(parseEnvFile(readFileSync(path.join(output, ".env"), "utf8")))),
  };
  await cli("docker", ["network", "create", NETWORK]);
  for (const service of BACKING) {
    const kind = objects.some((o) => o.kind === "StatefulSet" && o.metadata.name === service) ? "StatefulSet" : "Deployment";
    const [container] = containersOf(kind, service).containers;
    const name = `${NETWORK}-${service}`;
    await cli("docker", ["run", "-d", "--name", name, "--network", NETWORK, "--network-alias", service, ...dockerRunArguments(container!, containerEnvironment(container!, inputs))]);
    started.push(name);
  }
}, 300_000);

afterAll(async () => {
  for (const name of started) await cli("docker", ["rm", "-f", "-v", name]).catch(() => {});
  await cli("docker", ["network", "rm", NETWORK]).catch(() => {});
  rmSync(output, { recursive: true, force: true });
});

describe("the published Kubernetes manifests, run by the engine as a kubelet would", () => {
  it("auth-api waits for the migration Job, the cache and messaging, the Job for postgres; the service waits pass", async () => {
    const { initContainers = [] } = containersOf("Deployment", "auth-api");
    expect(initContainers.map((c) => c.name)).toEqual(["wait-for-auth-api-migrate", "wait-for-cache", "wait-for-messaging"]);
    // Waiting for the Job asks a cluster's API (kubectl wait), which the engine cannot play: checked as written.
    const jobWait = initContainers.find((c) => c.name === "wait-for-auth-api-migrate")!;
    expect(jobWait.args).toEqual(["wait", "--for=condition=complete", "--timeout=3600s", "job/auth-api-migrate"]);
    const jobInit = containersOf("Job", "auth-api-migrate").initContainers ?? [];
    expect(jobInit.map((c) => c.name)).toEqual(["wait-for-postgres"]);
    const began = Date.now();
    const waits = [...initContainers.filter((c) => c !== jobWait), ...jobInit].map((container) =>
      dockerRunOnce(["--network", NETWORK, ...dockerRunArguments(container, containerEnvironment(container, inputs))], { timeoutMs: 180_000 }).then(() => [container.name, (Date.now() - began) / 1000] as const),
    );
    const finished = await Promise.all(waits);
    console.log(`kubernetes init containers passed after ${finished.map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(", ")}`);
  }, 240_000);

  it.each(BACKING)("the readiness probe of %s passes inside its container once it is ready", async (service) => {
    const kind = objects.some((o) => o.kind === "StatefulSet" && o.metadata.name === service) ? "StatefulSet" : "Deployment";
    const [container] = containersOf(kind, service).containers;
    const command = container!.readinessProbe!.exec!.command;
    await expect(cli("docker", ["exec", `${NETWORK}-${service}`, ...command], { timeoutMs: 30_000 })).resolves.toBeDefined();
  }, 60_000);

  it("the Redis wait fails with a wrong password: the PING is authenticated", async () => {
    const wait = containersOf("Deployment", "auth-api").initContainers!.find((c) => c.name === "wait-for-cache")!;
    const wrong: PodInputs = { ...inputs, secretValues: new Map([...inputs.secretValues].map(([k, v]) => [k, `${v}-wrong`])) };
    const once = { ...wait, command: ["sh", "-c", wait.command![2]!.replace(/^until (.*); do .*$/, "$1")] };
    await expect(dockerRunOnce(["--network", NETWORK, ...dockerRunArguments(once, containerEnvironment(once, wrong))], { timeoutMs: 30_000 })).rejects.toThrow();
    await expect(dockerRunOnce(["--network", NETWORK, ...dockerRunArguments(once, containerEnvironment(once, inputs))], { timeoutMs: 30_000 })).resolves.toBeDefined();
  }, 90_000);
});
