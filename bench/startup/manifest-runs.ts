// `manifest` of the reference AppHost (apphost/index.ts), timed from the spawn to the exit.
import { spawn } from "node:child_process";
import { REPO_ROOT } from "./processes.js";

/** The ways a user may run a `.ts` AppHost; the first is the one the target is measured on. */
export const MANIFEST_COMMANDS: readonly (readonly string[])[] = [
  [process.execPath, "--import", "tsx", "apphost/index.ts", "manifest"],
  ["npx", "tsx", "apphost/index.ts", "manifest"],
];

export function describeCommand(command: readonly string[]): string {
  return command.map((part) => (part === process.execPath ? "node" : part)).join(" ");
}

export function timeManifest(command: readonly string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${describeCommand(command)} exited with ${code}:\n${errors}`));
    });
  });
}
