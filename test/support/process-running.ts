import { readFileSync } from "node:fs";

/**
 * Whether process `pid` runs: it exists and is not a zombie (killed, not yet collected by its
 * parent). /proc/<pid>/stat's state letter follows the last ')' of the command name.
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}
