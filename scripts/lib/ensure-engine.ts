import { spawn } from "node:child_process";
import { existsSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connectEngine, type EngineClient } from "../../packages/hosting/src/engine/index.js";
import { EngineUnreachableError } from "../../packages/hosting/src/errors/bosun-error.js";
import { findExecutable } from "./find-executable.js";
import { runCommand } from "./run-command.js";

const DOCKERD_LOG = "/var/log/bosun-dockerd.log";
const DOCKERD_PID_FILE = "/var/run/docker.pid";
const READY_WITHIN_MS = 60_000;
const POLL_MS = 500;
const REPORT_EVERY_MS = 5_000;

/**
 * Returns a connected engine. When none answers and this is root on Debian, provisions one:
 * installs docker.io if dockerd is missing, clears a stale pid file, starts dockerd detached
 * (log in /var/log/bosun-dockerd.log) and waits until it answers. Elsewhere it throws the
 * engine client's EngineUnreachableError, which names every place tried.
 */
export async function ensureEngine(log: (line: string) => void = console.log): Promise<EngineClient> {
  let unreachable: EngineUnreachableError;
  try {
    return await connectEngine();
  } catch (error) {
    if (!(error instanceof EngineUnreachableError)) throw error;
    unreachable = error;
  }
  if (!canProvision()) throw unreachable;

  log(`engine: ${unreachable.message}`);
  log("engine: this is Debian and we are root, so bosun provisions a local Docker engine");
  const dockerd = await installDockerIfMissing(log);
  if (dockerdPids().length > 0) {
    log("engine: a dockerd process is already running; waiting for it to answer");
    return waitForEngine(log, undefined);
  }
  if (existsSync(DOCKERD_PID_FILE)) {
    log(`engine: removing stale ${DOCKERD_PID_FILE} (no dockerd process is alive)`);
    rmSync(DOCKERD_PID_FILE, { force: true });
  }
  log(`engine: starting ${dockerd} in the background (log: ${DOCKERD_LOG})`);
  const logFd = openSync(DOCKERD_LOG, "a");
  const child = spawn(dockerd, [], { detached: true, stdio: ["ignore", logFd, logFd] });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    child.once("error", (error) => resolve(`could not be started (${error.message})`));
  });
  child.unref();
  return waitForEngine(log, exited);
}

function canProvision(): boolean {
  return process.platform === "linux" && process.getuid?.() === 0 && existsSync("/etc/debian_version");
}

async function installDockerIfMissing(log: (line: string) => void): Promise<string> {
  const existing = findExecutable("dockerd");
  if (existing) return existing;
  log("engine: dockerd is not installed; installing Debian's docker.io (apt-get update && apt-get install -y docker.io)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "docker.io"]]) {
    const code = await runCommand("apt-get", args, { env });
    if (code !== 0) {
      throw new EngineUnreachableError(
        `no Docker engine reachable, and installing one failed: 'apt-get ${args.join(" ")}' exited with code ${code}; ` +
          "install Docker yourself or set DOCKER_HOST",
      );
    }
  }
  const installed = findExecutable("dockerd");
  if (!installed) {
    throw new EngineUnreachableError("apt-get installed docker.io but no dockerd executable was found; install Docker yourself or set DOCKER_HOST");
  }
  return installed;
}

async function waitForEngine(log: (line: string) => void, exited: Promise<string> | undefined): Promise<EngineClient> {
  const started = Date.now();
  let failure: string | undefined;
  void exited?.then((how) => (failure = how));
  let nextReport = started + REPORT_EVERY_MS;
  let lastError = "";
  for (;;) {
    try {
      const engine = await connectEngine({ pingTimeoutMs: 1_000 });
      const info = await engine.info();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log(`engine: Docker ${info.serverVersion} answers at ${engine.endpoint} after ${seconds} s`);
      return engine;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (failure !== undefined) {
      throw new EngineUnreachableError(`dockerd ${failure} before it answered; its last log lines:\n${tail(DOCKERD_LOG, 15)}`);
    }
    if (Date.now() - started > READY_WITHIN_MS) {
      throw new EngineUnreachableError(
        `dockerd did not answer within ${READY_WITHIN_MS / 1000} s (${lastError}); see ${DOCKERD_LOG}`,
      );
    }
    if (Date.now() >= nextReport) {
      log(`engine: waiting for dockerd to answer… ${Math.round((Date.now() - started) / 1000)} s`);
      nextReport += REPORT_EVERY_MS;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Process ids whose command name is dockerd. */
function dockerdPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "dockerd") pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return `(cannot read ${path})`;
  }
}
