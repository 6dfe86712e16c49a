import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createBuilder } from "bosun";
import { APPHOST_DIRECTORY, everyFeatureApp, referenceApp } from "./publish/publish-models.js";

const run = promisify(execFile);
// Inside the AppHost's git-ignored publish folder, where the build folders' paths resolve as they do by default.
const scratch = path.join(APPHOST_DIRECTORY, "publish", `.compose-config-${process.pid}`);
const secretsDir = mkdtempSync(path.join(os.tmpdir(), "bosun-compose-secrets-"));
afterAll(() => [scratch, secretsDir].forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** `docker-compose` (1.29 here) in a folder; resolves to its exit code and output. */
async function compose(folder: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run("docker-compose", args, { cwd: folder, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, output: (failed.stdout ?? "") + (failed.stderr ?? "") };
  }
}

const VALUES = { "Parameters__api-base": "https://api.example", "Parameters__api-key": "test-key", ConnectionStrings__crm: "https://crm.example" };

describe("docker-compose 1.29 on published files", () => {
  it.each([
    ["reference", referenceApp],
    ["every-feature", everyFeatureApp],
  ] as const)("accepts the %s model's docker-compose.yaml once .env is filled (docker-compose config -q)", async (name, app) => {
    const outputDir = path.join(scratch, name);
    await app().publish({ target: "compose", outputDir, envFile: true, env: { ...VALUES, BOSUN_SECRETS_DIR: secretsDir } });
    expect(await compose(outputDir, "config", "-q")).toEqual({ code: 0, output: "" });
  });

  it("refuses to start without a secret's value, naming the variable", async () => {
    const outputDir = path.join(scratch, "no-env");
    await referenceApp().publish({ target: "compose", outputDir, env: {} });
    const { code, output } = await compose(outputDir, "config", "-q");
    expect(code).not.toBe(0);
    expect(output).toMatch(/CACHE_PASSWORD.*set it in \.env, see \.env\.example/);
  });
});

describe("published health checks on real servers", () => {
  it("reach healthy for PostgreSQL, Redis and RabbitMQ under docker-compose, and down -v leaves nothing", async () => {
    const builder = createBuilder({ appHostDirectory: APPHOST_DIRECTORY, appName: `checks${process.pid}` });
    builder.addPostgres("db").withDataVolume().addDatabase("appdb");
    builder.addRedis("cache");
    builder.addRabbitMQ("broker");
    const outputDir = path.join(scratch, "checks");
    const env = { ...process.env, BOSUN_SECRETS_DIR: secretsDir };
    await builder.build().publish({ target: "compose", outputDir, envFile: true, env });
    const project = readFileSync(path.join(outputDir, ".env"), "utf8").match(/^COMPOSE_PROJECT_NAME=(.*)$/m)![1]!;
    try {
      const started = Date.now();
      expect((await compose(outputDir, "up", "-d")).code).toBe(0);
      const health = async () => {
        const { stdout } = await run("docker", ["ps", "-a", "--filter", `label=com.docker.compose.project=${project}`, "--format", "{{.Names}} {{.Status}}"]);
        return stdout.trim().split("\n");
      };
      let lines = await health();
      while (!lines.every((line) => line.includes("(healthy)")) && Date.now() - started < 120_000) {
        expect(lines.filter((line) => line.includes("unhealthy") || line.includes("Exited"))).toEqual([]);
        await new Promise((resolve) => setTimeout(resolve, 500));
        lines = await health();
      }
      console.log(`compose: db, cache and broker healthy ${((Date.now() - started) / 1000).toFixed(1)} s after up -d`);
      expect(lines).toHaveLength(3);
      expect(lines.every((line) => line.includes("(healthy)")), lines.join("\n")).toBe(true);
    } finally {
      await compose(outputDir, "down", "-v");
    }
    const left = await run("docker", ["ps", "-a", "-q", "--filter", `label=com.docker.compose.project=${project}`]);
    const volumes = await run("docker", ["volume", "ls", "-q", "--filter", `label=com.docker.compose.project=${project}`]);
    expect([left.stdout.trim(), volumes.stdout.trim()]).toEqual(["", ""]);
  });
});
