import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const FIXTURE = fileURLToPath(new URL("../fixtures/dashboard-apphost.ts", import.meta.url));

/** The secret parameter's value in the fixture; it must never reach the page unredacted in a log. */
export const FIXTURE_SECRET = "fixture-secret-4711";

export interface RunningFixture {
  readonly child: ChildProcess;
  /** What the AppHost printed so far. */
  stdout(): string;
  /** Resolves with the first stdout match of `pattern` (rejects when the AppHost ends first). */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** The exit code, once it ended on its own. */
  readonly exited: Promise<number | null>;
  /** Ctrl-C, then the exit code. */
  stop(): Promise<number | null>;
}

/** Runs the fixture AppHost (`run` plus `args`) from source, as a user does from its folder. */
export function runFixture(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunningFixture {
  const child = spawn(process.execPath, ["--conditions=bosun-source", "--import", "tsx", FIXTURE, "run", ...args], {
    cwd: path.dirname(FIXTURE),
    env: { ...process.env, ...absoluteImageMap(), "Parameters__api-token": FIXTURE_SECRET, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters = new Set<() => void>();
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const wake of waiters) wake();
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return {
    child,
    exited,
    stdout: () => stdout,
    waitForOutput: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (!match) return;
          waiters.delete(check);
          resolve(match);
        };
        waiters.add(check);
        check();
        void exited.then((code) => {
          if (!waiters.has(check)) return;
          waiters.delete(check);
          reject(new Error(`the fixture AppHost exited (${code}) before printing ${pattern}:\n${stdout}\n${stderr}`));
        });
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGINT");
      return exited;
    },
  };
}

/** Runs the fixture and waits for its dashboard line: the port and the login URL. */
export async function runFixtureDashboard(args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningFixture & { port: number; loginUrl: string }> {
  const fixture = runFixture(["--dashboard-port", "0", ...args], env);
  const [, loginUrl, port] = await fixture.waitForOutput(/dashboard: (http:\/\/127\.0\.0\.1:(\d+)\/\S*)/);
  return { ...fixture, port: Number(port), loginUrl: loginUrl! };
}

/** BOSUN_IMAGE_MAP as given to the test run is relative to its folder; the fixture runs in another. */
function absoluteImageMap(): NodeJS.ProcessEnv {
  const map = process.env["BOSUN_IMAGE_MAP"];
  return map ? { BOSUN_IMAGE_MAP: path.resolve(map) } : {};
}
