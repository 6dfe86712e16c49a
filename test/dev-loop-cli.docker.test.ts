import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "./support/eventually.js";
import { answer, serverSource } from "./support/version-server.js";

const APPHOST = path.join(import.meta.dirname, "fixtures", "dev-loop-apphost.ts");
const running: ChildProcess[] = [];
afterEach(() => running.splice(0).forEach((child) => child.kill("SIGKILL")));

function setUp() {
  const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-dev-loop-cli-"));
  for (const app of ["api", "web"]) {
    mkdirSync(path.join(folder, app));
    writeFileSync(path.join(folder, app, "server.mjs"), serverSource(app === "api" ? "v1" : "web"));
  }
  const env = { ...process.env, DEV_LOOP_DIR: folder, BOSUN_SECRETS_DIR: path.join(folder, "secrets"), BOSUN_STATE_DIR: path.join(folder, "state") };
  return { folder, env };
}

/** Starts `run …` and resolves with the URLs of its summary once everything is healthy. */
async function startRun(args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string[]; url: (name: string) => string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", APPHOST, "run", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  await eventually("the run's summary", 60_000, async () => {
    if (!/all \d+ resources healthy/.test(output.join(""))) throw new Error(output.join(""));
  });
  const url = (name: string) => new RegExp(`${name} \\(http\\): (http://localhost:\\d+)`).exec(output.join(""))![1]!;
  return { output, url, child };
}

describe("run --watch, run --inspect and restart <name> from another terminal", () => {
  it("restarts the watched app on a save and on `restart api`, with the dependent's process untouched", { timeout: 120_000 }, async () => {
    const { folder, env } = setUp();
    const run = await startRun(["--watch", "--inspect=api"], env);
    const [api, web] = [run.url("api"), run.url("web")];
    const [before, webBefore] = [await answer(api), await answer(web)];
    const inspector = /api \(inspector\): (http:\/\/localhost:\d+)/.exec(run.output.join(""))![1]!;
    expect(((await (await fetch(`${inspector}/json/list`)).json()) as unknown[]).length).toBe(1);

    writeFileSync(path.join(folder, "api", "server.mjs"), serverSource("v2"));
    const saved = await eventually("the saved code to answer", 15_000, async () => {
      const now = await answer(api);
      if (now.version !== "v2") throw new Error(`still ${now.version}`);
      return now;
    });
    expect(saved.pid).not.toBe(before.pid);
    expect(run.output.join("")).toContain("restarting: server.mjs changed");

    const restart = await promisify(execFile)(process.execPath, ["--import", "tsx", APPHOST, "restart", "api"], { env });
    expect(restart.stdout).toMatch(/^api: Running\/Healthy after \d+\.\d s \(restart 2\)\n$/);
    const byHand = await answer(api);
    expect(byHand.version).toBe("v2");
    expect(byHand.pid).not.toBe(saved.pid);
    expect(await answer(web)).toEqual(webBefore);
    expect(((await (await fetch(`${inspector}/json/list`)).json()) as unknown[]).length).toBe(1);

    run.child.kill("SIGINT");
    await new Promise((resolve) => run.child.once("exit", resolve));
    const none = await promisify(execFile)(process.execPath, ["--import", "tsx", APPHOST, "restart", "api"], { env }).catch((error: { code: number; stderr: string }) => error);
    expect(none).toMatchObject({ code: 1, stderr: expect.stringContaining("no running 'dev-loop-cli' AppHost found") });
  });
});
