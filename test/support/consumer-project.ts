import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./workspace-files.js";

const execFileAsync = promisify(execFile);
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "consumer");

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  /** stdout and stderr together, for messages. */
  readonly output: string;
}

/** The environment of a child that is not part of this test run (the outer Vitest's variables would confuse an inner one). */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const own = Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_OPTIONS" && name !== "FORCE_COLOR");
  return { ...Object.fromEntries(own), NO_COLOR: "1", ...extra };
}

/** Runs a command to its end; never throws for a non-zero exit, so the caller can show the output. */
export async function runTo(command: string, args: readonly string[], cwd: string, env = childEnv()): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    const code = typeof failed.code === "number" ? failed.code : 1;
    return { code, stdout: failed.stdout ?? "", output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` || failed.message };
  }
}

/** A packed workspace package: its name and the tarball's absolute path. */
export interface Tarball {
  readonly name: string;
  readonly file: string;
}

/** `npm pack` of every package under packages/ into `destination` (their dist/ must be built). */
export async function packPackages(destination: string): Promise<Tarball[]> {
  const workspaces = readdirSync(path.join(REPO_ROOT, "packages")).flatMap((dir) => ["-w", `packages/${dir}`]);
  const packed = await runTo("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", destination, ...workspaces], REPO_ROOT);
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.output}`);
  const report = JSON.parse(packed.stdout) as { name: string; filename: string }[];
  return report.map((entry) => ({ name: entry.name, file: path.join(destination, entry.filename) }));
}

/** The file names inside a tarball, as `tar tzf` lists them. */
export async function tarballEntries(file: string): Promise<string[]> {
  const listed = await runTo("tar", ["tzf", file], path.dirname(file));
  if (listed.code !== 0) throw new Error(`tar tzf ${file} failed:\n${listed.output}`);
  return listed.stdout.split("\n").filter(Boolean);
}

/** The workspace's installed version of a tool, so the consumer gets the same one (from npm's cache when it can). */
function workspaceVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * A fresh project in `dir`: the consumer fixture's files and a package.json whose dependencies are
 * the tarballs (nothing else of ours, no @types) plus typescript and vitest to check and test with.
 */
export async function installConsumer(dir: string, tarballs: readonly Tarball[]): Promise<CommandResult> {
  cpSync(FIXTURE, dir, { recursive: true });
  const manifest = {
    name: "bosun-consumer",
    private: true,
    type: "module",
    dependencies: Object.fromEntries(tarballs.map((t) => [t.name, `file:${t.file}`])),
    devDependencies: { typescript: workspaceVersion("typescript"), vitest: workspaceVersion("vitest") },
  };
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  // Third-party install scripts (optional native builds of ssh2 and cpu-features, esbuild's
  // self-check) are skipped: nothing of ours needs them, and they took 19 of 63 s here.
  return runTo("npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"], dir);
}

/** A long-running child (an AppHost) whose output is collected as it arrives. */
export interface RunningChild {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

export function startChild(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): RunningChild {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => chunks.join(""), exited };
}
