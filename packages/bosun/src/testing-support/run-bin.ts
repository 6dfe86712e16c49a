import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));
export const BIN = path.join(ROOT, "packages/bosun/dist/bin.js");
/** The folder of fixtures/bin-apphost.ts, where the tests run the bin. */
export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures", import.meta.url));

export interface BinResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Builds the packages from the current sources: the bin is compiled JavaScript, as `npm install bosun` ships it. */
export async function buildPackages(): Promise<void> {
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  await promisify(execFile)(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: ROOT }).catch((error: { stdout?: string }) => {
    throw new Error(`the packages do not build (tsc -b tsconfig.build.json):\n${error.stdout ?? String(error)}`);
  });
}

/** The built bin, run by node from the fixture's folder as `npx bosun …` would. */
export function bosun(...args: string[]): Promise<BinResult> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: FIXTURE_DIR, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}
