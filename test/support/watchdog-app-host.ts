import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectEngine } from "@bosun/hosting/runtime";
import { isRunning } from "./process-running.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const APPHOST_SCRIPT = path.join(REPO_ROOT, "test", "fixtures", "watchdog-apphost.ts");

/** One `npx tsx watchdog-apphost.ts` run, in a process group of its own as a terminal job is. */
export interface AppHostRun {
  readonly child: ChildProcess;
  /** The process group: npm, its `sh -c`, tsx's node and the AppHost. */
  readonly group: number;
  readonly stateDirectory: string;
  output(): string;
  readonly exited: Promise<void>;
}

/** What the session recorded about itself: the AppHost's pid and its worker's process group. */
export interface SessionView {
  readonly sessionId: string;
  readonly ownerPid: number;
  readonly workerGroup: number;
}

/** Starts the watchdog fixture AppHost through npx, as a user does, and waits for its summary. */
export async function startAppHostRun(appHostDirectory: string, name: string): Promise<AppHostRun> {
  const stateDirectory = path.join(appHostDirectory, `state-${name}`);
  mkdirSync(stateDirectory, { recursive: true });
  const env = {
    ...process.env,
    WATCHDOG_APPHOST_DIR: appHostDirectory,
    BOSUN_STATE_DIR: stateDirectory,
    BOSUN_SECRETS_DIR: path.join(appHostDirectory, "secrets"),
    NO_COLOR: "1",
  };
  const child = spawn("npx", ["tsx", "--conditions=bosun-source", APPHOST_SCRIPT], { cwd: REPO_ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  // The pipes close when the last process holding them (the AppHost, not npm) has ended.
  const exited = new Promise<void>((resolve) => child.stdout!.once("close", () => resolve()));
  const run: AppHostRun = { child, group: child.pid!, stateDirectory, output: () => chunks.join(""), exited };
  await until(`the AppHost '${name}' to report its resources healthy`, 120_000, async () => {
    if (/all \d+ resources healthy/.test(run.output())) return true;
    if (child.exitCode !== null) throw new Error(`the AppHost '${name}' ended before it was healthy:\n${run.output()}`);
    return undefined;
  });
  return run;
}

/** The session file the process runtime wrote in the run's own state folder. */
export function sessionOf(run: AppHostRun): SessionView {
  const folder = path.join(run.stateDirectory, "sessions");
  const file = readdirSync(folder).find((name) => name.endsWith(".json"));
  if (!file) throw new Error(`no session file in ${folder}`);
  const record = JSON.parse(readFileSync(path.join(folder, file), "utf8")) as { sessionId: string; ownerPid: number; groups: Record<string, number> };
  return { sessionId: record.sessionId, ownerPid: record.ownerPid, workerGroup: record.groups.worker! };
}

/**
 * What of a session still exists: its containers, networks, worker process and watchdog. The
 * persistent container carries the labels of the session that created it, but outlives it.
 */
export async function leftOf(session: SessionView): Promise<{ containers: string[]; networks: string[]; worker: boolean; watchdog: boolean }> {
  const engine = await connectEngine();
  const labels = { "bosun.session": session.sessionId };
  const [containers, networks] = await Promise.all([engine.containers.list({ labels, all: true }), engine.networks.list({ labels })]);
  const ofSession = containers.filter((c) => c.labels["bosun.lifetime"] !== "persistent");
  return { containers: ofSession.map((c) => c.name), networks: networks.map((n) => n.name), worker: isRunning(session.workerGroup), watchdog: watchdogPidOf(session.sessionId) !== undefined };
}

export const NOTHING_LEFT = { containers: [], networks: [], worker: false, watchdog: false };

/** The watchdog process guarding a session, found by the session id on its command line. */
export function watchdogPidOf(sessionId: string): number | undefined {
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const command = readQuietly(`/proc/${entry}/cmdline`);
    if (command.includes("watchdog-main") && command.includes(`"sessionId":"${sessionId}"`) && isRunning(Number(entry))) return Number(entry);
  }
  return undefined;
}

/** The lines the watchdog wrote after cleaning up behind a dead AppHost. */
export function watchdogLog(run: AppHostRun): string {
  return readQuietly(path.join(run.stateDirectory, "watchdog.log"));
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Polls `check` every 100 ms until it returns a value; throws after `timeoutMs` with `details`. */
export async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, details: () => string = () => ""): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s\n${details()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Milliseconds from now until nothing of `session` is left (polled; bounded generously). */
export async function timeUntilGone(session: SessionView, since: number, timeoutMs = 60_000): Promise<number> {
  let last = "";
  await until(`session ${session.sessionId} to be removed`, timeoutMs, async () => {
    const left = await leftOf(session);
    last = JSON.stringify(left);
    return left.containers.length + left.networks.length === 0 && !left.worker ? true : undefined;
  }, () => `still there: ${last}`);
  return Math.round(performance.now() - since);
}
