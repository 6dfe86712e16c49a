import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appKeyOf } from "../docker/docker-labels.js";
import { processStateDirectory } from "../process/process-registry.js";
import type { SessionInfo } from "../resource-runtime.js";
import type { WatchdogConfig } from "./watchdog-config.js";
import { READY_MESSAGE, RELEASE_MESSAGE } from "./watchdog-messages.js";

/** Set to `off` to run without a watchdog (a killed AppHost's leftovers then wait for the next run). */
const WATCHDOG_VARIABLE = "BOSUN_WATCHDOG";
const DEFAULT_DEADLINE_MS = 60_000;

export interface StartWatchdogOptions {
  /** Whether the session runs containers (the watchdog then connects to the engine). */
  readonly containers: boolean;
  /** The watchdog's environment: the engine is found through it, as the AppHost found it. */
  readonly env?: NodeJS.ProcessEnv;
  /** Where the process runtime records process groups; default as the process runtime's. */
  readonly processDirectory?: string;
}

/** A running watchdog; `release` after a clean stop, or it removes the session when this process dies. */
export interface Watchdog {
  readonly pid: number | undefined;
  /** Tells the watchdog the session was stopped cleanly; it exits without touching anything. */
  release(): Promise<void>;
}

/**
 * Starts the session's watchdog: a detached Node process, in a process group and session of its
 * own (so a signal to the AppHost's group or a closed terminal does not reach it), tied to this
 * process by an IPC channel. When the channel closes without a release, the AppHost is dead and
 * the watchdog removes the session's processes, containers and network. It does not keep this
 * process alive. Undefined when `BOSUN_WATCHDOG=off`.
 * @example const watchdog = startWatchdog(session, { containers: true }); …; await watchdog?.release()
 */
export function startWatchdog(session: SessionInfo, options: StartWatchdogOptions): Watchdog | undefined {
  const env = options.env ?? process.env;
  if (env[WATCHDOG_VARIABLE] === "off") return undefined;
  const processDirectory = options.processDirectory ?? processStateDirectory();
  const config: WatchdogConfig = {
    sessionId: session.id,
    appKey: appKeyOf(session.appHost),
    ownerPid: session.pid,
    containers: options.containers,
    processDirectory,
    logFile: path.join(path.dirname(processDirectory), "watchdog.log"),
    deadlineMs: DEFAULT_DEADLINE_MS,
  };
  const stderr = logOutput(config.logFile);
  const child = spawn(process.execPath, [...entryPoint(), JSON.stringify(config)], { env, detached: true, stdio: ["ignore", "ignore", stderr, "ipc"] });
  // The child has its own copy of the log's descriptor now.
  if (typeof stderr === "number") closeSync(stderr);
  // Without a watchdog the next run still reaps; a failed spawn must not stop this one.
  child.on("error", () => {});
  child.unref();
  child.channel?.unref();
  let ready = false;
  child.on("message", (message) => void (ready ||= message === READY_MESSAGE));
  return {
    pid: child.pid,
    release: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (!ready || !child.connected) {
        // Still loading, so it would not hear a release yet; it has nothing left to guard.
        child.kill("SIGKILL");
        return;
      }
      // Held open until the release is written: an AppHost with nothing else left to do would
      // otherwise exit first, and the watchdog would take that for a death.
      child.channel?.ref();
      await new Promise<void>((resolve) => child.send(RELEASE_MESSAGE, () => resolve()));
      if (child.connected) child.disconnect();
    },
  };
}

/** The watchdog's stderr: its log, so that a watchdog that could not do its work says why. */
function logOutput(logFile: string): number | "ignore" {
  try {
    mkdirSync(path.dirname(logFile), { recursive: true, mode: 0o700 });
    return openSync(logFile, "a", 0o600);
  } catch {
    return "ignore";
  }
}

/** The compiled watchdog under node; from source (tests, `npm start`) the TypeScript one through tsx. */
function entryPoint(): string[] {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".ts")) return [path.join(path.dirname(self), "watchdog-main.js")];
  return ["--import", import.meta.resolve("tsx"), path.join(path.dirname(self), "watchdog-main.ts")];
}
