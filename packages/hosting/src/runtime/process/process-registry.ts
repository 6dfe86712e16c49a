import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SessionInfo } from "../resource-runtime.js";

/** What a session file records: who owns the session and the process groups it started. */
export interface SessionRecord {
  readonly ownerPid: number;
  readonly sessionId: string;
  readonly groups: Record<string, number>;
}

/** Where session files live: outside the repo, one file per running AppHost session. */
export function processStateDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.BOSUN_STATE_DIR ?? path.join(env.XDG_STATE_HOME ?? path.join(os.homedir(), ".local", "state"), "bosun");
  return path.join(base, "sessions");
}

/**
 * Records the process groups a session starts, so a later run can end them if this AppHost is
 * killed before it could (kill -9, power loss).
 */
export class ProcessRegistry {
  readonly #file: string;
  readonly #record: SessionRecord;
  #writing: Promise<void> = Promise.resolve();

  constructor(session: SessionInfo, directory: string = processStateDirectory()) {
    this.#file = path.join(directory, `${session.id}.json`);
    this.#record = { ownerPid: session.pid, sessionId: session.id, groups: {} };
  }

  add(resource: string, pid: number): Promise<void> {
    this.#record.groups[resource] = pid;
    return this.#save();
  }

  /** With `pid`, only when that group is still the one recorded (a restart may have replaced it). */
  remove(resource: string, pid?: number): Promise<void> {
    if (pid !== undefined && this.#record.groups[resource] !== pid) return this.#writing;
    delete this.#record.groups[resource];
    return this.#save();
  }

  #save(): Promise<void> {
    const empty = Object.keys(this.#record.groups).length === 0;
    const text = JSON.stringify(this.#record);
    this.#writing = this.#writing.then(async () => {
      if (empty) return rm(this.#file, { force: true });
      await mkdir(path.dirname(this.#file), { recursive: true, mode: 0o700 });
      // Written aside and renamed: an AppHost killed mid-write must not leave a file nobody can read.
      const partial = `${this.#file}.partial`;
      await writeFile(partial, text, { mode: 0o600 });
      await rename(partial, this.#file);
    });
    return this.#writing;
  }
}

/** Reads every session file in `directory`; unreadable ones are skipped. */
export async function readSessionRecords(directory: string): Promise<{ file: string; record: SessionRecord }[]> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const records = await Promise.all(
    names
      .filter((name) => name.endsWith(".json"))
      .map(async (name) => {
        const file = path.join(directory, name);
        try {
          return { file, record: JSON.parse(await readFile(file, "utf8")) as SessionRecord };
        } catch {
          return undefined;
        }
      }),
  );
  return records.filter((r) => r !== undefined);
}
