import { existsSync } from "node:fs";
import { EngineUnreachableError } from "@bosun/hosting";
import { connectEngine, describeEngine, type EngineClient } from "@bosun/hosting/runtime";
import { tailFile } from "./dockerd-process.js";
import { findExecutable } from "./find-executable.js";
import { PODMAN_HOST, PODMAN_SOCKET, startPodmanService, writeContainersConf, CONTAINERS_CONF_PATH } from "./podman-service.js";
import { runCommand } from "./run-command.js";

export interface EnsurePodmanOptions {
  readonly log?: (line: string) => void;
  readonly socketPath?: string;
  readonly logFile?: string;
  readonly readyWithinMs?: number;
}

const POLL_MS = 500;

/**
 * Returns a connected Podman engine serving the Docker API on /run/podman/podman.sock. When none
 * answers and this is root on Debian, provisions one, saying each step: installs Debian's podman,
 * writes the containers.conf drop-in (no rlimit raising, runc), starts `podman system service`
 * detached (log in /var/log/bosun-podman.log) and waits for it. Elsewhere throws naming the fix.
 */
export async function ensurePodman(options: EnsurePodmanOptions = {}): Promise<EngineClient> {
  const log = options.log ?? console.log;
  const socketPath = options.socketPath ?? PODMAN_SOCKET;
  const logFile = options.logFile ?? "/var/log/bosun-podman.log";
  const connect = (pingTimeoutMs: number) =>
    connectEngine({ candidates: [{ description: `Podman socket ${socketPath}`, endpoint: { kind: "unix", socketPath } }], pingTimeoutMs });

  const answering = await connect(2_000).catch(() => undefined);
  if (answering) return identified(answering, log);
  const canProvision = process.platform === "linux" && process.getuid?.() === 0 && existsSync("/etc/debian_version");
  if (!canProvision) {
    throw new EngineUnreachableError(`no Podman service answers at ${socketPath}; start one with 'podman system service --time=0 ${PODMAN_HOST}'`);
  }
  const podman = await installPodmanIfMissing(log);
  if (writeContainersConf()) log(`podman: wrote ${CONTAINERS_CONF_PATH} (default_ulimits = [], runtime runc)`);
  const started = startPodmanService(podman, socketPath, logFile);
  log(`podman: started 'podman system service --time=0 unix://${socketPath}' in the background (pid ${started.pid}, log: ${logFile})`);
  let failure: string | undefined;
  void started.exited.then((how) => (failure = how));
  const since = Date.now();
  for (;;) {
    const engine = await connect(1_000).catch(() => undefined);
    if (engine) return identified(engine, log);
    if (failure !== undefined) throw new EngineUnreachableError(`podman system service ${failure} before it answered; the end of ${logFile}:\n${tailFile(logFile, 15)}`);
    if (Date.now() - since > (options.readyWithinMs ?? 30_000)) throw new EngineUnreachableError(`podman system service did not answer at ${socketPath}; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function identified(engine: EngineClient, log: (line: string) => void): Promise<EngineClient> {
  const version = await engine.version();
  if (version.product !== "Podman") throw new EngineUnreachableError(`${engine.endpoint} answers, but it is ${version.product}, not Podman`);
  log(`podman: ${describeEngine(version, engine.endpoint)}`);
  return engine;
}

async function installPodmanIfMissing(log: (line: string) => void): Promise<string> {
  const existing = findExecutable("podman");
  if (existing) return existing;
  log("podman: not installed; installing Debian's podman (apt-get install -y podman)");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => runCommand("apt-get", ["install", "-y", "-q", "podman"], { env });
  // A fresh machine may have empty package lists.
  if ((await install()) !== 0 && ((await runCommand("apt-get", ["update", "-q"], { env })) !== 0 || (await install()) !== 0)) {
    throw new EngineUnreachableError("installing podman with apt-get failed (see above); install it yourself or leave Podman out");
  }
  const installed = findExecutable("podman");
  if (!installed) throw new EngineUnreachableError("apt-get installed podman but no podman executable was found");
  return installed;
}
