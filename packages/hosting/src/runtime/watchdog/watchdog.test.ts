import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isProcessAlive } from "../docker/session-owner.js";

const FIXTURE = path.join(import.meta.dirname, "watchdog-owner-test-fixture.ts");
const leftRunning: number[] = [];
afterEach(() => {
  for (const pid of leftRunning.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
});

/** Runs the stand-in AppHost; resolves with the pids it printed once it has printed them. */
async function standIn(ending: "exit-at-once" | "release" | "release-when-loaded" | "killed") {
  const directory = mkdtempSync(path.join(os.tmpdir(), "bosun-watchdog-"));
  const sessionId = `w${Math.random().toString(16).slice(2, 7)}`;
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, sessionId, path.join(directory, "sessions"), ending], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const line = await new Promise<string>((resolve) => child.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString())));
  const pids = JSON.parse(line) as { sleeper: number; watchdog: number };
  leftRunning.push(pids.sleeper, pids.watchdog);
  return { child, exited, ...pids, log: () => readQuietly(path.join(directory, "watchdog.log")) };
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 30_000; !check(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within 30 s`);
  }
}

// Each test starts Node processes through tsx, which takes seconds on a busy machine.
describe("the watchdog process", { timeout: 60_000 }, () => {
  it("ends the session's process groups when its AppHost is SIGKILLed, then exits", async () => {
    const run = await standIn("killed");
    // Give the watchdog time to load, as it has behind a running app.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    run.child.kill("SIGKILL");
    await until("the sleeper to be ended", () => !isProcessAlive(run.sleeper));
    await until("the watchdog to exit", () => !isProcessAlive(run.watchdog));
    expect(run.log()).toMatch(/ended without stopping; ended 1 process group \(sleeper\)/);
  });

  it("still does so when the AppHost ends before the watchdog has even loaded", async () => {
    const run = await standIn("exit-at-once");
    await run.exited;
    await until("the sleeper to be ended", () => !isProcessAlive(run.sleeper));
    await until("the watchdog to exit", () => !isProcessAlive(run.watchdog));
  });

  it.each(["release", "release-when-loaded"] as const)("exits without touching anything once released after a clean stop (%s)", async (ending) => {
    const run = await standIn(ending);
    await run.exited;
    await until("the watchdog to exit", () => !isProcessAlive(run.watchdog));
    expect(isProcessAlive(run.sleeper)).toBe(true);
    expect(run.log()).toBe("");
  });
});
