import { readdir, readFile, rm } from "node:fs/promises";
import { isProcessAlive } from "../docker/session-owner.js";
import { processStateDirectory, readSessionRecords, type SessionRecord } from "./process-registry.js";
import { parseProcStat } from "./proc-stat.js";

/**
 * Ends the process groups of sessions whose AppHost is gone, and forgets those sessions. A group
 * is only signalled when one of its processes still carries the session's `BOSUN_SESSION` marker,
 * so a recycled process id is never hit. Linux only (it reads /proc); elsewhere it does nothing.
 * Returns the resources whose processes it ended.
 */
export async function reapOrphanProcesses(directory: string = processStateDirectory()): Promise<string[]> {
  if (process.platform !== "linux") return [];
  const reaped: string[] = [];
  for (const { file, record } of await readSessionRecords(directory)) {
    if (isProcessAlive(record.ownerPid)) continue;
    reaped.push(...(await endGroups(record)));
    await rm(file, { force: true });
  }
  return reaped;
}

/**
 * Ends the process groups of one session, whose AppHost the caller knows is gone (the watchdog),
 * and forgets the session. Returns the resources whose processes it ended.
 */
export async function endSessionProcesses(sessionId: string, directory: string = processStateDirectory()): Promise<string[]> {
  if (process.platform !== "linux") return [];
  const found = (await readSessionRecords(directory)).find(({ record }) => record.sessionId === sessionId);
  if (!found) return [];
  const ended = await endGroups(found.record);
  await rm(found.file, { force: true });
  return ended;
}

async function endGroups(record: SessionRecord): Promise<string[]> {
  const ended: string[] = [];
  for (const [resource, group] of Object.entries(record.groups)) {
    if (await groupCarriesMarker(group, record.sessionId)) {
      signalGroup(group);
      ended.push(resource);
    }
  }
  return ended;
}

async function groupCarriesMarker(group: number, sessionId: string): Promise<boolean> {
  const marker = `BOSUN_SESSION=${sessionId}`;
  for (const pid of await membersOf(group)) {
    const environ = await readFile(`/proc/${pid}/environ`, "utf8").catch(() => "");
    if (environ.split("\0").includes(marker)) return true;
  }
  return false;
}

/** Processes whose process group is `group` (field 5 of /proc/<pid>/stat). */
async function membersOf(group: number): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
  const members: number[] = [];
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
    if (stat !== undefined && parseProcStat(stat).group === group) members.push(Number(pid));
  }
  return members;
}

function signalGroup(group: number): void {
  try {
    process.kill(-group, "SIGKILL");
  } catch {
    // Already gone.
  }
}
