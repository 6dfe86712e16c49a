// Child processes of the bench: docker CLI calls, the dependent, AppHosts.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

export const BENCH_DIR = import.meta.dirname;
export const REPO_ROOT = path.resolve(BENCH_DIR, "..", "..");
/** Label on the floor's containers, so a bench that was killed is cleaned up by the next one. */
export const FLOOR_LABEL = "bosun-bench=startup-floor";

export { freePort } from "../../test/support/free-port.js";

const run = promisify(execFile);

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** Removes the floor's containers (with their anonymous volumes), this run's or a killed run's. */
export async function removeFloorContainers(): Promise<void> {
  const ids = (await docker("ps", "-aq", "--filter", `label=${FLOOR_LABEL}`)).split("\n").filter(Boolean);
  if (ids.length > 0) await docker("rm", "-fv", ...ids);
}

/** A Node child whose output is kept (shown only when something goes wrong). */
export interface NodeChild {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number>;
}

export function spawnNode(args: readonly string[], env: NodeJS.ProcessEnv): NodeChild {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
  return { child, output: () => chunks.join(""), exited };
}

/** Sends SIGINT (Ctrl-C) and waits for the process to end. */
export async function interrupt(node: NodeChild): Promise<void> {
  if (node.child.exitCode === null) node.child.kill("SIGINT");
  await node.exited;
}
