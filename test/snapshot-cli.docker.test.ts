import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { connectEngine } from "@bosun/hosting/runtime";
import { eventually } from "./support/eventually.js";

const ROOT = path.join(import.meta.dirname, "..");
const APPHOST = path.join(import.meta.dirname, "fixtures", "snapshot-apphost.ts");
const BIN = path.join(ROOT, "packages", "bosun", "src", "bin.ts");
const NODE = [process.execPath, "--conditions=bosun-source", "--import", "tsx"] as const;
const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-snapshot-cli-"));
const app = `snapshot-cli-${path.basename(folder).slice(-6).toLowerCase()}`;
const env = { ...process.env, SNAPSHOT_TEST_DIR: folder, SNAPSHOT_TEST_APP: app, BOSUN_SECRETS_DIR: path.join(folder, "secrets"), BOSUN_STATE_DIR: path.join(folder, "state") };
const running: ChildProcess[] = [];

/** The bosun bin from source, as `npx bosun …` in the repository's root. */
function bosun(...args: string[]): Promise<{ stdout: string }> {
  return promisify(execFile)(NODE[0], [...NODE.slice(1), BIN, ...args], { env, cwd: ROOT });
}

/** A client of the run's Redis: its published port from the engine, its password from the secrets file. */
async function redisOfRun(): Promise<Redis> {
  const engine = await connectEngine();
  const [container] = await engine.containers.list({ labels: { "bosun.resource": "cache" }, all: false }).then((all) => all.filter((c) => c.labels["bosun.app"]?.startsWith(`${app}-`)));
  const port = (await engine.containers.inspect(container!.id))!.ports.find((p) => p.containerPort === 6379)!.hostPort;
  const secrets = path.join(folder, "secrets");
  const password = Object.values(JSON.parse(readFileSync(path.join(secrets, readdirSync(secrets)[0]!), "utf8")) as Record<string, string>)[0]!;
  return new Redis({ host: "127.0.0.1", port, password, maxRetriesPerRequest: 1 });
}

describe("snapshot and restore from another terminal while run is running", () => {
  afterAll(async () => {
    running.splice(0).forEach((child) => child.kill("SIGKILL"));
    await promisify(execFile)(NODE[0], [...NODE.slice(1), APPHOST, "down", "--volumes"], { env });
    rmSync(folder, { recursive: true, force: true });
  });

  it("asks the running AppHost over its control socket, through the bosun bin with the AppHost among the resources", { timeout: 180_000 }, async () => {
    const child = spawn(NODE[0], [...NODE.slice(1), APPHOST, "run"], { env, stdio: ["ignore", "pipe", "pipe"] });
    running.push(child);
    const output: string[] = [];
    child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    await eventually("the run's control socket", 90_000, async () => {
      const text = output.join("");
      if (!text.includes("from another terminal") || !/all 1 resources healthy/.test(text)) throw new Error(text);
    });
    const redis = await redisOfRun();
    await redis.set("greeting", "before");
    redis.disconnect();

    const taken = await bosun("snapshot", "cache", path.relative(ROOT, APPHOST), "--name", "via-cli");
    expect(taken.stdout).toMatch(/^snapshot 'via-cli' taken in \d+\.\d s: .*via-cli\n {2}cache: [\d.]+ k?B \(volume-.*\.tar\.gz [\d.]+ k?B\)\n/);
    expect(taken.stdout).not.toContain("no running AppHost answered");

    const changed = await redisOfRun();
    await changed.set("greeting", "after");
    changed.disconnect();
    const restored = await bosun("restore", "via-cli", path.relative(ROOT, APPHOST));
    expect(restored.stdout).toMatch(/^restored snapshot 'via-cli' in \d+\.\d s: cache \([\d.]+ k?B: .*\)\n {2}stopped and started again: cache\n$/);
    const after = await redisOfRun();
    expect(await after.get("greeting")).toBe("before");
    after.disconnect();
    const listed = await bosun("snapshots", path.relative(ROOT, APPHOST));
    expect(listed.stdout).toMatch(/^NAME +TIME \(UTC\) +RESOURCES +SIZE\nvia-cli +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +cache +[\d.]+ k?B\n\(in .*\)\n$/);
  });
});
