import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const FIXTURE = fileURLToPath(new URL("./fixtures/cli-apphost.ts", import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const TIMEOUT = { timeout: 60_000 };

interface Ended {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The fixture AppHost as a user starts it (from its own folder), running bosun from source. */
function startAppHost(args: readonly string[], nodeOptions: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, [...nodeOptions, "--conditions=bosun-source", "--import", "tsx", FIXTURE, ...args], {
    cwd: path.dirname(FIXTURE),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The modules the AppHost resolved while running `args`. */
async function modulesLoadedBy(...args: string[]): Promise<string[]> {
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), "bosun-modules-")), "modules.log");
  const hooks = fileURLToPath(new URL("./fixtures/log-modules.mjs", import.meta.url));
  const { code } = await ended(startAppHost(args, ["--import", hooks], { ...process.env, BOSUN_MODULE_LOG: log }));
  expect(code).toBe(0);
  return readFileSync(log, "utf8").split("\n").filter(Boolean);
}

function ended(child: ChildProcess, onOutput: (stdout: string) => void = () => {}): Promise<Ended> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => onOutput((stdout += chunk.toString())));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

const appHost = (...args: string[]) => ended(startAppHost(args));

describe("an AppHost script's command line", () => {
  it("prints usage naming the script for --help and -h, and exits 0", TIMEOUT, async () => {
    const [help, h] = await Promise.all([appHost("--help"), appHost("-h")]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(/^Usage: npx tsx cli-apphost\.ts \[options\] \[command\]\n/);
    expect(help.stdout).toContain("The AppHost of 'cli-fixture'");
    expect(h).toEqual(help);
  });

  it("prints the down command's usage for down --help, and exits 0", TIMEOUT, async () => {
    const { code, stdout } = await appHost("down", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npx tsx cli-apphost\.ts down \[options\]\n/);
    expect(stdout).toContain("--volumes");
  });

  it("prints the version for --version, and exits 0", TIMEOUT, async () => {
    expect(await appHost("--version")).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("ends --help and manifest quietly with 0 when the reader of its output has gone (| head)", TIMEOUT, async () => {
    for (const args of [["--help"], ["manifest"]]) {
      const child = startAppHost(args);
      child.stdout!.destroy();
      const { code, stderr } = await ended(child);
      expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: "" });
    }
  });

  it("refuses manifest with an extra argument, naming it, with exit code 2 and nothing on stdout", TIMEOUT, async () => {
    const { code, stdout, stderr } = await appHost("manifest", "extra");
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain("error: unexpected argument 'extra': 'manifest' takes no arguments");
    expect(stderr).toContain("(see 'npx tsx cli-apphost.ts manifest --help')");
  });

  it("prints the model for manifest, paths relative to the script's folder", TIMEOUT, async () => {
    const { code, stdout } = await appHost("manifest");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ resources: { sleeper: { command: "sleep", workingDirectory: "." } } });
  });

  it("prints a command's failure as one error, without a stack, and exits 1", TIMEOUT, async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), "bosun-cli-publish-")), "out");
    const { code, stdout, stderr } = await appHost("publish", "--target", "compose", "--strict", "--output", output);
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(/^error: publish --strict: .*'sleeper'/s);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it("loads no engine client, orchestrator or runtime for manifest and --help", TIMEOUT, async () => {
    const heavy = /\/node_modules\/(dockerode|ssh2|log-update)\/|\/src\/(orchestrator\/orchestrator|runtime\/|engine\/|app\/start-app)/;
    for (const args of [["manifest"], ["--help"], ["down", "--help"]]) {
      const loaded = await modulesLoadedBy(...args);
      expect(loaded.some((url) => url.endsWith("/src/cli/command-line.ts")), "the probe sees bosun's modules").toBe(true);
      expect(loaded.filter((url) => heavy.test(url)), `loaded by ${args.join(" ")}`).toEqual([]);
    }
  });

  it("runs the app when given no command, and on Ctrl-C stops it and exits 0", TIMEOUT, async () => {
    const child = startAppHost([]);
    const done = ended(child, (stdout) => {
      if (/all 1 resources healthy/.test(stdout) && child.exitCode === null && !child.killed) child.kill("SIGINT");
    });
    const { code, stdout, stderr } = await done;
    expect(stderr).toBe("");
    expect(stdout).toContain("sleeper");
    expect(stdout).toContain("stopped");
    expect(code).toBe(0);
  });
});
