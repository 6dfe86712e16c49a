import { spawn } from "node:child_process";
import { constants } from "node:os";

const FORWARDED = ["SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2"] as const;

/**
 * Runs the app as a child in its own process group and relays signals to the whole group, so a
 * `docker stop` reaches the app (and an npm script's shell and its children) while this process,
 * PID 1 in the container, stays to reap it. Resolves with the exit code to leave with.
 */
export function startApp(command: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [program, ...args] = command;
  if (program === undefined) return Promise.reject(new Error("no command to start: the image has no CMD"));
  const child = spawn(program, args, { env, stdio: "inherit", detached: true });
  const relay = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  for (const signal of FORWARDED) process.on(signal, relay);
  return new Promise((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => reject(new Error(`cannot start '${program}': ${error.code ?? error.message}`)));
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}
