import { existsSync } from "node:fs";
import { EngineUnreachableError } from "@bosun/hosting";
import { connectEngine, type EngineClient } from "@bosun/hosting/runtime";
import { liveDockerdPid, removeStalePidFile, startDockerd, tailFile } from "./dockerd-process.js";
import { findExecutable } from "./find-executable.js";
import { runCommand } from "./run-command.js";

export interface EnsureEngineOptions {
  readonly log?: (line: string) => void;
  /** How to reach the engine; defaults to connectEngine() (DOCKER_HOST, context, default sockets). */
  readonly connect?: (pingTimeoutMs?: number) => Promise<EngineClient>;
  /** Arguments for a dockerd we start; the daemon's defaults otherwise. */
  readonly dockerdArgs?: readonly string[];
  readonly pidFile?: string;
  readonly logFile?: string;
  readonly readyWithinMs?: number;
}

const POLL_MS = 500;
const REPORT_EVERY_MS = 5_000;

/**
 * Returns a connected engine. When none answers and this is root on Debian, provisions one:
 * installs docker.io if dockerd is missing, clears a stale pid file, starts dockerd detached
 * (log in /var/log/bosun-dockerd.log) and waits until it answers. Elsewhere it throws the
 * engine client's EngineUnreachableError, which names every place tried.
 */
export async function ensureEngine(options: EnsureEngineOptions = {}): Promise<EngineClient> {
  const log = options.log ?? console.log;
  const connect = options.connect ?? ((pingTimeoutMs?: number) => connectEngine(pingTimeoutMs ? { pingTimeoutMs } : {}));
  const pidFile = options.pidFile ?? "/var/run/docker.pid";
  const logFile = options.logFile ?? "/var/log/bosun-dockerd.log";
  const readyWithinMs = options.readyWithinMs ?? 60_000;

  let unreachable: EngineUnreachableError;
  try {
    return await connect();
  } catch (error) {
    if (!(error instanceof EngineUnreachableError)) throw error;
    unreachable = error;
  }
  if (!canProvision()) throw unreachable;

  log(`engine: ${unreachable.message}`);
  log("engine: this is Debian and we are root, so bosun provisions a local Docker engine");
  const dockerd = await installDockerIfMissing(log);
  const running = liveDockerdPid(pidFile);
  if (running !== undefined) {
    log(`engine: dockerd (pid ${running}) is already running; waiting for it to answer`);
    return waitForEngine({ connect, log, logFile, readyWithinMs, exited: undefined });
  }
  if (removeStalePidFile(pidFile)) log(`engine: removed stale ${pidFile} (no dockerd process is alive)`);
  const started = startDockerd(dockerd, options.dockerdArgs ?? [], logFile);
  log(`engine: started ${dockerd} in the background (pid ${started.pid}, log: ${logFile})`);
  return waitForEngine({ connect, log, logFile, readyWithinMs, exited: started.exited });
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
    throw new EngineUnreachableError(
      "apt-get installed docker.io but no dockerd executable was found; install Docker yourself or set DOCKER_HOST",
    );
  }
  return installed;
}

interface WaitOptions {
  readonly connect: (pingTimeoutMs?: number) => Promise<EngineClient>;
  readonly log: (line: string) => void;
  readonly logFile: string;
  readonly readyWithinMs: number;
  readonly exited: Promise<string> | undefined;
}

async function waitForEngine(options: WaitOptions): Promise<EngineClient> {
  const { log, logFile, readyWithinMs } = options;
  const started = Date.now();
  let failure: string | undefined;
  void options.exited?.then((how) => (failure = how));
  let nextReport = started + REPORT_EVERY_MS;
  let lastError = "";
  for (;;) {
    try {
      const engine = await options.connect(1_000);
      const info = await engine.info();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log(`engine: Docker ${info.serverVersion} answers at ${engine.endpoint} after ${seconds} s`);
      return engine;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (failure !== undefined) {
      throw new EngineUnreachableError(`dockerd ${failure} before it answered; the end of ${logFile}:\n${tailFile(logFile, 15)}`);
    }
    if (Date.now() - started > readyWithinMs) {
      throw new EngineUnreachableError(`dockerd did not answer within ${readyWithinMs / 1000} s (${lastError}); see ${logFile}`);
    }
    if (Date.now() >= nextReport) {
      log(`engine: waiting for dockerd to answer… ${Math.round((Date.now() - started) / 1000)} s`);
      nextReport += REPORT_EVERY_MS;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
