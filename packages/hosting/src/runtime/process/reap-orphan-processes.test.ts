import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ProcessRegistry } from "./process-registry.js";
import { endSessionProcesses, reapOrphanProcesses } from "./reap-orphan-processes.js";

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.pid) killQuietly(-child.pid);
});

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone
  }
}

/** A detached `sleep` in its own process group, carrying `env`. */
async function sleeper(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn("sleep", ["60"], { detached: true, stdio: "ignore", env: { ...process.env, ...env } });
  started.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  return child;
}

/** The pid of a process that has already ended: an AppHost that was killed. */
async function deadPid(): Promise<number> {
  const child = spawn("true");
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

function isAlive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (isAlive(child) ? child.once("exit", () => resolve()) : resolve()));
}

describe("reapOrphanProcesses", () => {
  it("ends the process groups of a session whose AppHost is gone, and only those carrying its marker", async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), "bosun-sessions-"));
    const orphan = await sleeper({ BOSUN_SESSION: "dead01" });
    const impostor = await sleeper({ BOSUN_SESSION: "other" });
    const registry = new ProcessRegistry({ appHost: { directory, name: "t", id: "0" }, id: "dead01", pid: await deadPid() }, directory);
    await registry.add("worker", orphan.pid!);
    await registry.add("recycled", impostor.pid!);

    expect(await reapOrphanProcesses(directory)).toEqual(["worker"]);

    await exited(orphan);
    expect(orphan.signalCode).toBe("SIGKILL");
    expect(isAlive(impostor)).toBe(true);
    expect(await reapOrphanProcesses(directory)).toEqual([]);
  });

  it("leaves the processes of a session whose AppHost still runs", async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), "bosun-sessions-"));
    const child = await sleeper({ BOSUN_SESSION: "live01" });
    const registry = new ProcessRegistry({ appHost: { directory, name: "t", id: "0" }, id: "live01", pid: process.pid }, directory);
    await registry.add("worker", child.pid!);

    expect(await reapOrphanProcesses(directory)).toEqual([]);
    expect(isAlive(child)).toBe(true);
  });
});

describe("endSessionProcesses", () => {
  it("ends the named session's process groups and leaves another dead session's for its own watchdog", async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), "bosun-sessions-"));
    const mine = await sleeper({ BOSUN_SESSION: "mine01" });
    const theirs = await sleeper({ BOSUN_SESSION: "their1" });
    const owner = await deadPid();
    await new ProcessRegistry({ appHost: { directory, name: "t", id: "0" }, id: "mine01", pid: owner }, directory).add("worker", mine.pid!);
    await new ProcessRegistry({ appHost: { directory, name: "t", id: "0" }, id: "their1", pid: owner }, directory).add("worker", theirs.pid!);

    expect(await endSessionProcesses("mine01", directory)).toEqual(["worker"]);

    await exited(mine);
    expect(mine.signalCode).toBe("SIGKILL");
    expect(isAlive(theirs)).toBe(true);
    expect(await endSessionProcesses("mine01", directory)).toEqual([]);
  });
});
