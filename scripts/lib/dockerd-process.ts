import { spawn } from "node:child_process";
import { existsSync, openSync, readFileSync, rmSync } from "node:fs";

/** The pid recorded in dockerd's pid file when that process is still a running dockerd. */
export function liveDockerdPid(pidFile: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8").trim());
  } catch {
    return undefined;
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "dockerd" ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes a pid file whose process is not a running dockerd (a killed dockerd leaves it behind,
 * and the next dockerd refuses to start while it exists). Returns whether it removed one.
 */
export function removeStalePidFile(pidFile: string): boolean {
  if (!existsSync(pidFile) || liveDockerdPid(pidFile) !== undefined) return false;
  rmSync(pidFile, { force: true });
  return true;
}

/**
 * Starts dockerd detached from this process, its output appended to `logFile`.
 * Resolves `exited` with a few words if it ends (or cannot start) while we wait for it.
 */
export function startDockerd(dockerd: string, args: readonly string[], logFile: string): { pid: number | undefined; exited: Promise<string> } {
  const logFd = openSync(logFile, "a");
  const child = spawn(dockerd, [...args], { detached: true, stdio: ["ignore", logFd, logFd] });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    child.once("error", (error) => resolve(`could not be started (${error.message})`));
  });
  child.unref();
  return { pid: child.pid, exited };
}

/** The last lines of a log file, for an error message. */
export function tailFile(path: string, lines: number): string {
  try {
    return readFileSync(path, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return `(cannot read ${path})`;
  }
}
