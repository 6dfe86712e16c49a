import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { connectEngine, type EngineClient } from "@bosun/hosting/runtime";
import { sleep } from "./app-host-process.js";

/**
 * A `podman system service` of the suite's own, on its own socket: stopping it disturbs no other
 * user of the machine's engines (Podman's containers live on under conmon; the store is shared).
 */
export class OwnPodmanService {
  readonly socketPath: string;
  readonly logFile: string;
  #child: ChildProcess | undefined;

  constructor(socketPath: string, logFile: string) {
    this.socketPath = socketPath;
    this.logFile = logFile;
  }

  get host(): string {
    return `unix://${this.socketPath}`;
  }

  /** Starts the service and resolves with a client once it answers (throws after 30 s). */
  async start(): Promise<EngineClient> {
    mkdirSync(dirname(this.socketPath), { recursive: true });
    rmSync(this.socketPath, { force: true });
    const log = openSync(this.logFile, "a");
    this.#child = spawn("podman", ["system", "service", "--time=0", this.host], { stdio: ["ignore", log, log] });
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(200)) {
      const engine = await connectEngine({ candidates: [{ description: `the fault suite's Podman service ${this.socketPath}`, endpoint: { kind: "unix", socketPath: this.socketPath } }], pingTimeoutMs: 1_000 }).catch(() => undefined);
      if (engine) return engine;
    }
    throw new Error(`podman system service did not answer at ${this.socketPath} within 30 s; see ${this.logFile}`);
  }

  /** Stops the service (SIGTERM, then SIGKILL after 10 s) and waits for it to end. */
  async stop(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const ended = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await ended;
    clearTimeout(timer);
  }
}
