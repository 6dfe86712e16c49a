import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEngine } from "../../engine/connect-engine.js";
import type { EngineClient } from "../../engine/engine-client.js";
import { loadImageSubstitution } from "../../images/index.js";
import type { PublishService } from "../publish-model.js";
import { buildServiceImages, type BuiltServiceImage } from "./build-service-images.js";
import { planServiceImage } from "./plan-service-image.js";

// Builds the reference auth-api's image for real (from this workspace, no network) and runs it
// with `docker run`: it must start and stop only because its environment is missing.
const ROOT = fileURLToPath(new URL("../../../../../", import.meta.url));
const APP = "bosun-image-test";
const run = promisify(execFile);
const substitution = loadImageSubstitution({ env: process.env, cwd: ROOT });
const substituteImage = (reference: string) => substitution.substitute(reference).image;
const suffix = randomBytes(4).toString("hex");
const network = `bosun-image-test-${suffix}`;
const output = mkdtempSync(join(tmpdir(), "bosun-image-test-"));
let engine: EngineClient;
let built: BuiltServiceImage[];

const source = { directory: join(ROOT, "examples/ecommerce/auth-api"), script: "src/index.ts" };
const plan = planServiceImage({ appName: APP, service: "auth-api", kind: "node-app", source, containerPorts: [8080], outputDirectory: output, appHostDirectory: join(ROOT, "apphost") });
const service: PublishService = {
  name: "auth-api",
  kind: "node-app",
  image: plan.image,
  build: plan.build,
  source,
  command: [],
  ports: [{ name: "http", scheme: "http", protocol: "tcp", containerPort: 8080, external: false }],
  environment: [],
  volumes: [],
  dependencies: [],
  healthChecks: [],
  restart: "always",
  replicas: 1,
  stateful: false,
  fileVariables: [],
};

let runs = 0;

/**
 * `docker run` of the image, then its removal; resolves with the exit code and everything it printed.
 * Not `--rm`: through Podman 4.3's API, `docker run --rm` exits 0 whatever the container's exit code.
 */
async function runImage(args: string[], command: string[] = []): Promise<{ code: number; output: string }> {
  const name = `${network}-run-${++runs}`;
  try {
    const { stdout, stderr } = await run("docker", ["run", "--name", name, "--network", network, ...args, plan.image, ...command], { timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  } finally {
    await run("docker", ["rm", "-f", "-v", name]).catch(() => {});
  }
}

beforeAll(async () => {
  engine = await connectEngine();
  await run("docker", ["network", "create", network]);
  built = await buildServiceImages([service], { engine, appName: APP, outputDirectory: output, appHostDirectory: join(ROOT, "apphost"), substituteImage });
}, 600_000);

afterAll(async () => {
  await run("docker", ["rm", "-f", "-v", `${network}-cache`]).catch(() => {});
  await run("docker", ["network", "rm", network]).catch(() => {});
  rmSync(output, { recursive: true, force: true });
});

describe("the image of a node app", () => {
  it("is built from the workspace and tagged <app>-<service>:latest", async () => {
    expect(built).toEqual([expect.objectContaining({ service: "auth-api", image: "bosun-image-test-auth-api:latest" })]);
    const info = await engine.images.inspect(plan.image);
    expect(info?.labels["bosun.service"]).toBe("auth-api");
  });

  it("is not rebuilt when nothing it is built from changed", async () => {
    const again = await buildServiceImages([service], { engine, appName: APP, outputDirectory: output, appHostDirectory: join(ROOT, "apphost"), substituteImage });
    expect(again).toEqual([expect.objectContaining({ service: "auth-api", id: built[0]!.id, rebuilt: false })]);
  });

  it("starts the app, which stops only because the AppHost's variables are missing", async () => {
    const { code, output } = await runImage([]);
    // The app itself ran: its own configuration check is what stops it.
    expect(output).toMatch(/auth-api cannot start: \w+ is not set/);
    expect(code).toBe(1);
  });

  it("fills secret templates from the secrets folder before the command starts", async () => {
    const secrets = mkdtempSync(join(tmpdir(), "bosun-secrets-"));
    writeFileSync(join(secrets, "POSTGRES_PASSWORD"), "pg-s3cret\n", { mode: 0o644 });
    chmodSync(secrets, 0o755); // the app runs as uid 1000
    const { output } = await runImage([
      "-v", `${secrets}:/secrets:ro`, "-e", "BOSUN_SECRETS_DIR=/secrets", "-e", "BOSUN_SECRET_TEMPLATES=ConnectionStrings__ecommercedb",
      "-e", "ConnectionStrings__ecommercedb=postgresql://postgres:${POSTGRES_PASSWORD}@postgres:5432/ecommercedb",
    ], ["node", "-e", "console.log(process.env.ConnectionStrings__ecommercedb)"]);
    rmSync(secrets, { recursive: true, force: true });
    expect(output).toBe("postgresql://postgres:pg-s3cret@postgres:5432/ecommercedb\n");
  });

  it("waits for a dependency that starts later, then starts the app", async () => {
    const waitFor = JSON.stringify([{ service: "cache", kind: "healthy", probe: "redis", target: "redis://:pw@cache:6379" }]);
    const app = runImage(["-e", `BOSUN_WAIT_FOR=${waitFor}`, "-e", "BOSUN_WAIT_TIMEOUT=90"]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await run("docker", ["run", "-d", "--name", `${network}-cache`, "--network", network, "--network-alias", "cache", substituteImage("docker.io/library/redis:8.6")]);
    const { output } = await app;
    expect(output).toMatch(/bosun-entrypoint: waiting for 'cache' \(redis:\/\/cache:6379\) to be healthy: /);
    expect(output).toMatch(/bosun-entrypoint: 'cache' is healthy after \d+\.\d s/);
    expect(output).not.toContain(":pw@");
    // The app itself ran: its own configuration check is what stops it.
    expect(output).toMatch(/auth-api cannot start: \w+ is not set/);
  });

  it("gives up on a dependency that never comes, naming it", async () => {
    const waitFor = JSON.stringify([{ service: "postgres", kind: "healthy", probe: "postgres", target: "postgresql://postgres:pw@nowhere:5432/db" }]);
    const { code, output } = await runImage(["-e", `BOSUN_WAIT_FOR=${waitFor}`, "-e", "BOSUN_WAIT_TIMEOUT=2"]);
    expect(code).toBe(1);
    expect(output).toMatch(/bosun-entrypoint: gave up waiting for 'postgres' \(postgres:\/\/nowhere:5432\) to be healthy after \d+\.\d s: /);
  });
});
