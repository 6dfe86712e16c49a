// bosun's side: the bench AppHost run from the command line (`node bench/startup/apphost.mjs`, on
// the compiled packages), timed from the spawn to its dependent answering HTTP.
import path from "node:path";
import type { Manifest } from "bosun";
import { DEPENDENT_POLL_MS } from "./floor.js";
import { httpAnswers, pollUntil } from "./readiness.js";
import { BENCH_DIR, freePort, interrupt, spawnNode, type NodeChild } from "./processes.js";

export const APPHOST_SCRIPT = path.join(BENCH_DIR, "apphost.mjs");
const RUN_TIMEOUT_MS = 180_000;

export type Lifetime = "session" | "persistent";

/** The AppHost's environment: fixed passwords (so the floor can use the same) and the lifetime. */
export function appHostEnv(parameters: Readonly<Record<string, string>>, lifetime: Lifetime, dependentPort?: number): NodeJS.ProcessEnv {
  const given = Object.fromEntries(Object.entries(parameters).map(([name, value]) => [`Parameters__${name}`, value]));
  return { ...process.env, ...given, BENCH_LIFETIME: lifetime, ...(dependentPort ? { BENCH_DEPENDENT_PORT: String(dependentPort) } : {}) };
}

/** Runs `node apphost.mjs <command>` to its end; returns its stdout, or throws with its output. */
export async function appHostCommand(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  const node = spawnNode([APPHOST_SCRIPT, command], env);
  const code = await node.exited;
  if (code !== 0) throw new Error(`node bench/startup/apphost.mjs ${command} exited with ${code}:\n${node.output()}`);
  return node.output();
}

export async function appHostManifest(env: NodeJS.ProcessEnv): Promise<Manifest> {
  return JSON.parse(await appHostCommand("manifest", env)) as Manifest;
}

/** One run: milliseconds from spawning the AppHost to its dependent answering; then Ctrl-C. */
export async function runAppHost(parameters: Readonly<Record<string, string>>, lifetime: Lifetime): Promise<number> {
  const port = await freePort();
  const env = appHostEnv(parameters, lifetime, port);
  const started = performance.now();
  const node = spawnNode([APPHOST_SCRIPT], env);
  try {
    await Promise.race([pollUntil(() => httpAnswers(`http://127.0.0.1:${port}/`), DEPENDENT_POLL_MS, RUN_TIMEOUT_MS), endedEarly(node)]);
    return performance.now() - started;
  } catch (error) {
    throw new Error(`the bench AppHost (${lifetime}) did not bring its dependent up: ${(error as Error).message}\n${node.output()}`);
  } finally {
    await interrupt(node);
  }
}

async function endedEarly(node: NodeChild): Promise<never> {
  const code = await node.exited;
  throw new Error(`it exited with code ${code} first`);
}
