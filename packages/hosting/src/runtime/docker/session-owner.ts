import { readProcStat } from "../process/proc-stat.js";
import { hostname } from "node:os";
import { LABEL } from "./docker-labels.js";

/** Tells whether a process on this machine is still running. */
export type IsAlive = (pid: number) => boolean;

/**
 * `kill(pid, 0)` delivers nothing; ESRCH means no such process, EPERM means it exists. A zombie (a
 * killed process its parent has not collected yet) answers too, but runs nothing: on Linux it
 * counts as gone.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  return process.platform === "linux" && readProcStat(pid)?.state === "Z";
}

export interface OwnerCheck {
  readonly isAlive?: IsAlive;
  /** This machine's name, as written in `bosun.host`. */
  readonly host?: string;
}

/**
 * Whether the session that created something has ended without cleaning up: its AppHost process
 * ran on this machine and is gone. Another machine's sessions (a shared remote engine) are never gone.
 */
export function ownerIsGone(labels: Readonly<Record<string, string>>, check: OwnerCheck = {}): boolean {
  if (labels[LABEL.host] !== (check.host ?? hostname())) return false;
  const pid = Number(labels[LABEL.pid]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  return !(check.isAlive ?? isProcessAlive)(pid);
}
