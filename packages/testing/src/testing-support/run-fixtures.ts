import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES_CONFIG = path.resolve(HERE, "../fixtures/vitest.fixtures.config.ts");
const REPO_ROOT = path.resolve(HERE, "../../../..");

export interface FixtureRun {
  readonly child: ChildProcess;
  /** Everything the child vitest printed so far. */
  output(): string;
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
  /** SIGKILLs the child's whole process group: npx, vitest and its workers, as a killed terminal job would be (nothing when it has ended). */
  kill(): void;
}

/** Starts `npx vitest run` on fixture files (name filters) in its own process group. */
export function runFixtures(files: readonly string[], options: { env?: Record<string, string>; maxWorkers?: number } = {}): FixtureRun {
  const args = ["vitest", "run", "--config", FIXTURES_CONFIG, ...files];
  if (options.maxWorkers !== undefined) args.push(`--maxWorkers=${options.maxWorkers}`);
  // The outer vitest's own variables would make the child think it runs inside a worker.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "FORCE_COLOR"));
  const child = spawn("npx", args, { cwd: REPO_ROOT, env: { ...env, NO_COLOR: "1", ...options.env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => chunks.join(""),
    exited,
    kill: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
      }
    },
  };
}

/** Polls `check` every 200 ms until it returns a value; fails early if the fixture run ends first. */
export async function waitForFixture<T>(run: FixtureRun, what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  let ended = false;
  void run.exited.then(() => (ended = true));
  return until(what, timeoutMs, async () => {
    const value = await check();
    if (value === undefined && ended) throw new Error(`the fixture run ended before ${what}:\n${run.output()}`);
    return value;
  }, run.output);
}

/** Polls `check` every 200 ms until it returns a value or throws. */
export async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, details: () => string = () => ""): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s\n${details()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
