// CPU time and resident memory of a process, from /proc (Linux).
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

export interface Usage {
  /** User plus system CPU time so far, in seconds. */
  readonly cpuSeconds: number;
  /** Resident set size, in MB. */
  readonly rssMb: number;
}

export function usageOf(pid: number): Usage {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return { cpuSeconds: ticks / TICKS_PER_SECOND, rssMb: Number(rss?.[1] ?? 0) / 1024 };
}

/** The share of one core `pid` used over `ms`, and its RSS at the end. */
export async function measureIdle(pid: number, ms: number): Promise<{ cpuPercent: number; rssMb: number; ticks: number }> {
  const before = usageOf(pid);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = usageOf(pid);
  const seconds = after.cpuSeconds - before.cpuSeconds;
  return { cpuPercent: (seconds / (ms / 1000)) * 100, rssMb: after.rssMb, ticks: Math.round(seconds * TICKS_PER_SECOND) };
}
