import { readFileSync } from "node:fs";

/** The fields of /proc/<pid>/stat bosun reads (Linux). */
export interface ProcStat {
  /** The command name, without its parentheses. */
  readonly name: string;
  /** One letter: R, S, D, Z (zombie), … */
  readonly state: string;
  readonly parentPid: number;
  /** The process group id. */
  readonly group: number;
}

/**
 * Parses /proc/<pid>/stat. The command name (field 2) is in parentheses and may itself hold spaces
 * and ')', so the fields after it are counted from the last ')'.
 * @example parseProcStat("42 (node) S 1 42 42 …") // { name: "node", state: "S", parentPid: 1, group: 42 }
 */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(")");
  const fields = text.slice(close + 2).split(" ");
  return { name: text.slice(text.indexOf("(") + 1, close), state: fields[0] ?? "", parentPid: Number(fields[1]), group: Number(fields[2]) };
}

/** /proc/<pid>/stat of a process, or undefined when there is none (or no /proc). */
export function readProcStat(pid: number): ProcStat | undefined {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return undefined;
  }
}
