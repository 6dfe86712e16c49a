import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Where bosun's CI serves Podman's Docker-compatible API (Podman's own rootful default). */
export const PODMAN_SOCKET = "/run/podman/podman.sock";
export const PODMAN_HOST = `unix://${PODMAN_SOCKET}`;

/**
 * A containers.conf drop-in for machines that refuse to raise a container's rlimits: Podman raises
 * nofile/nproc by default ("error setting rlimit type 7: operation not permitted"), and Debian's
 * crun fails on a hybrid cgroup layout, so runc is named.
 */
export const CONTAINERS_CONF_PATH = "/etc/containers/containers.conf.d/bosun.conf";
export const CONTAINERS_CONF = [
  "# Written by bosun's npm test (scripts/lib/ensure-podman.ts); see docs/engines.md.",
  "[containers]",
  "default_ulimits = []",
  "",
  "[engine]",
  'runtime = "runc"',
  "",
].join("\n");

/** Writes the drop-in unless it already says the same; returns whether it wrote. */
export function writeContainersConf(path = CONTAINERS_CONF_PATH): boolean {
  if (existsSync(path) && readFileSync(path, "utf8") === CONTAINERS_CONF) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, CONTAINERS_CONF);
  return true;
}

/**
 * Starts `podman system service --time=0 unix://<socket>` detached, its output appended to
 * `logFile`. `exited` resolves with a few words if it ends (or cannot start).
 */
export function startPodmanService(podman: string, socketPath: string, logFile: string): { pid: number | undefined; exited: Promise<string> } {
  mkdirSync(dirname(socketPath), { recursive: true });
  const logFd = openSync(logFile, "a");
  const child = spawn(podman, ["system", "service", "--time=0", `unix://${socketPath}`], { detached: true, stdio: ["ignore", logFd, logFd] });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    child.once("error", (error) => resolve(`could not be started (${error.message})`));
  });
  child.unref();
  return { pid: child.pid, exited };
}
