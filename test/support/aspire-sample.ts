import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eventually } from "./eventually.js";

export const ASPIRE_FIXTURES = path.join(import.meta.dirname, "..", "fixtures", "aspire");

export interface SampleRun {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  /** The URL `run` printed for a resource's endpoint. */
  readonly url: (name: string, endpoint?: string) => string;
}

/** The environment a sample runs with: its own secrets and state folders, so runs don't share containers. */
export function sampleEnvironment(): NodeJS.ProcessEnv {
  const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-aspire-"));
  const env: NodeJS.ProcessEnv = { ...process.env, BOSUN_SECRETS_DIR: path.join(folder, "secrets"), BOSUN_STATE_DIR: path.join(folder, "state") };
  // The sample runs in its own folder: a relative image map is the test run's.
  const imageMap = env.BOSUN_IMAGE_MAP;
  if (imageMap !== undefined && !imageMap.trimStart().startsWith("{")) env.BOSUN_IMAGE_MAP = path.resolve(imageMap);
  return env;
}

/**
 * Runs a vendored Aspire AppHost with tsx in its folder (`node --import tsx apphost.ts <args>`); the
 * workspace's sources stand for the installed `bosun` package. Not through tsx's CLI: on a loaded
 * machine its signal relay SIGKILLs a child that has not acknowledged a signal within ~60 ms
 * (docs/lifetime.md), and these tests check bosun's own clean stop.
 */
export function runSample(sample: string, args: string[], env: NodeJS.ProcessEnv): SampleRun {
  const child = spawn(process.execPath, ["--conditions=bosun-source", "--import", "tsx", "apphost.ts", ...args], { cwd: path.join(ASPIRE_FIXTURES, sample), env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  const output = () => chunks.join("");
  const url = (name: string, endpoint = "http") => {
    const found = new RegExp(`${name} \\(${endpoint}\\): ((?:http|tcp)://localhost:\\d+)`).exec(output());
    if (!found) throw new Error(`no URL for ${name} (${endpoint}) in:\n${output()}`);
    return found[1]!;
  };
  return { child, output, exited, url };
}

/** Waits for `run`'s summary line, failing with the output if the AppHost ends first. */
export async function waitForHealthy(run: SampleRun, resources: number, timeoutMs: number): Promise<void> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  await eventually(`all ${resources} resources healthy`, timeoutMs, async () => {
    if (ended) return;
    if (!new RegExp(`all ${resources} resources healthy`).test(run.output())) throw new Error(run.output().slice(-3000));
  });
  if (ended) throw new Error(`the AppHost ended before its resources were healthy:\n${run.output()}`);
}

/**
 * Stops `run` as an IDE's stop button does: SIGTERM to the command (tsx), which passes it on to the
 * AppHost once. (Ctrl-C reaches both at once and tsx relays a second copy, which a loaded machine
 * can delay past the second that makes it the same request: docs/cli.md, Signals.)
 */
export async function stopSample(run: SampleRun): Promise<number | null> {
  if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill("SIGTERM");
  return run.exited;
}

/** Fetches JSON from a running app. */
export async function getJson(url: string): Promise<Record<string, string>> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Record<string, string>;
}
