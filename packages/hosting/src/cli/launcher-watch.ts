import { readProcStat } from "../runtime/process/proc-stat.js";

/** One process between the user and this AppHost, as it was when the AppHost started. */
export interface Launcher {
  readonly pid: number;
  readonly parentPid: number;
  /** Its command name (`npm exec tsx a`, `sh`, `node`), for the message. */
  readonly name: string;
}

/** How a process looks in /proc; undefined when it is gone. Injected by tests. */
export type ReadProcess = (pid: number) => { readonly parentPid: number; readonly name: string } | undefined;

/**
 * Command wrappers that end without passing a signal on, leaving what they started running:
 * `npm exec`/`npx`, `npm run`, `sh -c`, tsx's own node process. An interactive shell, an IDE or
 * init ends the chain.
 */
const LAUNCHER = /^(npm|npx|pnpm|yarn|node|tsx|sh|dash)( |$)/;
const MAX_LAUNCHERS = 8;

/** The launchers above a process whose parent is `parentPid`, nearest first (Linux; elsewhere none). */
export function launchersOf(parentPid: number, read: ReadProcess = readProcess): Launcher[] {
  const launchers: Launcher[] = [];
  for (let current = parentPid; current > 1 && launchers.length < MAX_LAUNCHERS; ) {
    const info = read(current);
    if (!info || !LAUNCHER.test(info.name)) break;
    launchers.push({ pid: current, parentPid: info.parentPid, name: info.name });
    current = info.parentPid;
  }
  return launchers;
}

/**
 * A launcher that has ended since `launchers` were read, or the parent itself when this process
 * was handed to another. Undefined while the whole chain stands. When several ended (npm and the
 * `sh -c` it ran), the outermost is named: that is the one the user ran.
 */
export function endedLauncher(launchers: readonly Launcher[], firstParentPid: number, parentPid: number, read: ReadProcess = readProcess): Launcher | undefined {
  const now = launchers.map((launcher) => read(launcher.pid));
  const broken = parentPid !== firstParentPid || launchers.some((launcher, i) => now[i]?.parentPid !== launcher.parentPid);
  if (!broken) return undefined;
  const gone = launchers.filter((_, i) => now[i] === undefined);
  if (gone.length > 0) return gone.at(-1);
  // Every launcher still runs, so what ended is the parent of one of them (or of this process).
  const moved = launchers.find((launcher, i) => now[i]?.parentPid !== launcher.parentPid);
  return moved ? { pid: moved.parentPid, parentPid: 0, name: `parent of ${moved.name}` } : { pid: firstParentPid, parentPid: 0, name: "parent process" };
}

/** A live (not zombie) process's parent pid and command name, from /proc/<pid>/stat. */
export function readProcess(pid: number): { parentPid: number; name: string } | undefined {
  const stat = readProcStat(pid);
  return stat && stat.state !== "Z" ? { parentPid: stat.parentPid, name: stat.name } : undefined;
}
