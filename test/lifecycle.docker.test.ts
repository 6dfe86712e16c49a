import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { appKeyOf, connectEngine, describeAppHost } from "@bosun/hosting/runtime";
import { defineLifecycleApp } from "./fixtures/lifecycle-apphost.js";
import { isRunning } from "./support/process-running.js";

const APPHOST_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "lifecycle-apphost.ts");
const appHostDirectory = mkdtempSync(path.join(os.tmpdir(), "bosun-lifecycle-"));
const secretsDirectory = path.join(appHostDirectory, "secrets");
const appKey = appKeyOf(describeAppHost(appHostDirectory, "lifecycle-test"));
const env = { ...process.env, LIFECYCLE_APPHOST_DIR: appHostDirectory, BOSUN_SECRETS_DIR: secretsDirectory };

interface StartedAppHost {
  readonly child: ChildProcess;
  readonly output: string[];
  readonly postgresPort: number;
}

/**
 * Starts the AppHost as a child process and waits for its "all … healthy" summary, and for the
 * worker's pid file (a process is "healthy" once spawned; on a loaded machine tsx may take a while
 * more to run it, and the file must not be a previous run's).
 */
async function startAppHost(extraEnv: Record<string, string> = {}): Promise<StartedAppHost> {
  rmSync(workerPidFile(), { force: true });
  const child = spawn(process.execPath, ["--import", "tsx", APPHOST_SCRIPT], { env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const healthy = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no summary within 120 s:\n${output.join("")}`)), 120_000);
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString());
      const text = output.join("");
      const port = /postgres \(tcp\): tcp:\/\/localhost:(\d+)/.exec(text);
      if (/all \d+ resources healthy/.test(text) && port) {
        clearTimeout(timer);
        resolve(Number(port[1]));
      }
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.once("exit", (code) => reject(new Error(`AppHost exited with ${code}:\n${output.join("")}`)));
  });
  const postgresPort = await healthy;
  const written = () => existsSync(workerPidFile()) && readFileSync(workerPidFile(), "utf8").trim() !== "";
  for (const deadline = Date.now() + 60_000; !written(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error(`the worker wrote no ${workerPidFile()} within 60 s of the AppHost's summary`);
  }
  return { child, output, postgresPort };
}

function workerPidFile(): string {
  return path.join(appHostDirectory, "worker.pid");
}

/** Polls until the process has ended (a SIGKILL takes a moment to land). */
async function endsWithin(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    if (!isRunning(pid)) return true;
  }
  return !isRunning(pid);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
}

function postgresUrl(port: number): string {
  const file = readdirSync(secretsDirectory).find((f) => f.endsWith(".json"))!;
  const secrets = JSON.parse(readFileSync(path.join(secretsDirectory, file), "utf8")) as Record<string, string>;
  return `postgresql://postgres:${secrets["postgres-password"]}@127.0.0.1:${port}/appdb`;
}

async function query(port: number, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: postgresUrl(port), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function appObjects() {
  const engine = await connectEngine();
  const labels = { "bosun.app": appKey };
  return {
    containers: await engine.containers.list({ labels, all: true }),
    networks: await engine.networks.list({ labels }),
    volumes: await engine.volumes.list({ labels }),
  };
}

describe("the AppHost's lifetime", () => {
  afterAll(async () => {
    await defineLifecycleApp(appHostDirectory).run(["down", "--volumes"]);
  });

  it("on SIGINT ends its processes, removes every container and network of the session and keeps the data volume", async () => {
    const first = await startAppHost();
    await query(first.postgresPort, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('written before SIGINT')");
    first.child.kill("SIGINT");
    expect(await exited(first.child)).toBe(0);
    expect(await endsWithin(Number(readFileSync(workerPidFile(), "utf8")), 5_000)).toBe(true);

    const left = await appObjects();
    expect(left.containers).toEqual([]);
    expect(left.networks).toEqual([]);
    expect(left.volumes.map((v) => v.name)).toEqual([expect.stringContaining("postgres-data")]);

    const second = await startAppHost();
    const { rows } = await query(second.postgresPort, "SELECT value FROM kept");
    expect(rows).toEqual([{ value: "written before SIGINT" }]);
    second.child.kill("SIGINT");
    await exited(second.child);
  });

  it("with the watchdog off (or killed with it), the next run reaps what a SIGKILLed AppHost left, processes included", async () => {
    const killed = await startAppHost({ BOSUN_WATCHDOG: "off" });
    killed.child.kill("SIGKILL");
    await exited(killed.child);
    const orphaned = await appObjects();
    expect(orphaned.containers.length).toBeGreaterThan(0);
    expect(orphaned.networks.length).toBe(1);
    const workerPid = Number(readFileSync(workerPidFile(), "utf8"));
    expect(isRunning(workerPid)).toBe(true);

    const next = await defineLifecycleApp(appHostDirectory).start({ env });
    try {
      await next.settled;
      const after = await appObjects();
      const sessions = new Set(after.containers.map((c) => c.labels["bosun.session"]));
      expect([...sessions]).toEqual([next.session.id]);
      expect(after.networks.map((n) => n.labels["bosun.session"])).toEqual([next.session.id]);
      expect(await endsWithin(workerPid, 5_000)).toBe(true);
    } finally {
      await next.stop();
    }
  });
});
