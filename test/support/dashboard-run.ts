import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eventually } from "./eventually.js";

const APPHOST = fileURLToPath(new URL("../fixtures/dashboard-apphost.ts", import.meta.url));

export interface DashboardRunOptions {
  /** More Node processes beside cache and worker (the bench's 20-resource page). */
  readonly extra?: number;
  readonly tickMs?: number;
  /** Extra arguments of `run`, e.g. ["--dashboard-log-lines", "2000"]. */
  readonly args?: readonly string[];
  readonly startupTimeoutMs?: number;
  /** More variables for the AppHost (TICK_STAMP, ERR_EVERY, DASHBOARD_HEAP_MS; see the fixture). */
  readonly env?: Readonly<Record<string, string>>;
  /** Options of the AppHost's node, e.g. ["--expose-gc"]. */
  readonly nodeArgs?: readonly string[];
}

/** A real `run` of test/fixtures/dashboard-apphost.ts with its dashboard, started as a child process. */
export interface DashboardRun extends AsyncDisposable {
  /** The login URL `run` printed (with the per-run token). */
  readonly loginUrl: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  /** A resource's endpoint URL from the run's summary, e.g. endpoint("worker", "http"). */
  endpoint(name: string, endpoint?: string): string;
  stop(): Promise<void>;
}

/** Starts the run and resolves once every resource is healthy and the dashboard's URL is printed. */
export async function startDashboardRun(options: DashboardRunOptions = {}): Promise<DashboardRun> {
  const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-dashboard-"));
  const env = {
    ...process.env,
    DASHBOARD_DIR: folder,
    DASHBOARD_EXTRA: String(options.extra ?? 0),
    TICK_MS: String(options.tickMs ?? 500),
    BOSUN_SECRETS_DIR: path.join(folder, "secrets"),
    BOSUN_STATE_DIR: path.join(folder, "state"),
    ...options.env,
  };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "--conditions=bosun-source", APPHOST, "run", ...(options.args ?? [])], { env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const output = () => chunks.join("");
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await eventually("the dashboard run to be healthy", options.startupTimeoutMs ?? 120_000, async () => {
      if (child.exitCode !== null) throw new Error(`run exited with ${child.exitCode}:\n${output()}`);
      if (!/all \d+ resources healthy/.test(output()) || !/dashboard: http:\/\/127\.0\.0\.1:\d+\/login\?t=\S+/.test(output())) throw new Error(output());
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const loginUrl = /dashboard: (http:\/\/127\.0\.0\.1:\d+\/login\?t=\S+)/.exec(output())![1]!;
  return {
    loginUrl,
    origin: new URL(loginUrl).origin,
    child,
    output,
    endpoint(name, endpoint = "http") {
      const found = new RegExp(`${name} \\(${endpoint}\\): (\\S+)`).exec(output());
      if (!found) throw new Error(`no ${endpoint} endpoint of '${name}' in the run's summary:\n${output()}`);
      return found[1]!;
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
