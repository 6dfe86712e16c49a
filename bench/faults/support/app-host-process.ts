import { spawn, type ChildProcess } from "node:child_process";

export interface AppHostProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  text(): string;
  /** Resolves once its output matches `pattern` (or rejects after `ms`, or when it exits first). */
  waitFor(pattern: RegExp, ms: number): Promise<RegExpExecArray>;
  readonly exited: Promise<number | null>;
}

/** Runs an AppHost script as its own Node process (one process: SIGKILL reaches the AppHost itself). */
export function startAppHost(script: string, env: NodeJS.ProcessEnv): AppHostProcess {
  const child = spawn(process.execPath, ["--conditions=bosun-source", "--import", "tsx", script], { env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    chunks.push(chunk.toString());
    // FAULTS_VERBOSE=1 shows what every AppHost of the suite prints.
    if (process.env["FAULTS_VERBOSE"] === "1") process.stderr.write(chunk);
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const text = () => chunks.join("");
  const waitFor = (pattern: RegExp, ms: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(text());
        if (!match) return;
        done();
        resolve(match);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} within ${ms / 1000} s; the AppHost printed:\n${text().slice(-3000)}`));
      }, ms);
      const onExit = () => setTimeout(() => {
        if (!listeners.has(check)) return;
        done();
        reject(new Error(`the AppHost exited before printing ${pattern}:\n${text().slice(-3000)}`));
      }, 100);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off("exit", onExit);
      };
      listeners.add(check);
      child.once("exit", onExit);
      check();
    });
  return { child, text, waitFor, exited };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A time limit to race against: unlike `sleep`, its timer does not keep the suite's process alive once the race is won. */
export const timeLimit = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
