// npm start: `next build` only when the app's inputs changed since the last build, then `next start`.
// npm run build (--build-only): the build alone, e.g. before `publish --build` copies .next into an image.
// A production server boots in about 2 s and fetches nothing at run time; the build (about 40 s on two
// cores) is paid once per change instead of at every AppHost start.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const APP = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(APP, ".next");
/** Written after a successful build: the hash of the inputs it was built from. */
const STAMP = join(DIST, "bosun-build-inputs");
/** Held while building, so two starts at once (an AppHost and a test) do not build over each other. */
const LOCK = join(APP, ".next-build.lock");
const INPUTS = ["src", "public", "next.config.ts", "tsconfig.json", "package.json"];
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

/** Hash of every input file's path and content, and of the installed Next and React versions. */
function inputsHash(): string {
  const hash = createHash("sha256");
  const require = createRequire(import.meta.url);
  for (const name of ["next", "react", "react-dom"]) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
  for (const file of INPUTS.flatMap((input) => filesUnder(join(APP, input))).sort()) {
    hash.update(`${relative(APP, file)}\n`).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function filesUnder(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

function readStamp(): string | undefined {
  try {
    return readFileSync(STAMP, "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Takes the build lock; a lock whose holder has died is taken over. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (let announced = false; ; ) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      break;
    } catch {
      const holder = Number(readFileSafe(join(LOCK, "pid")));
      if (holder > 0 && !isAlive(holder)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (!announced) console.log(`frontend: waiting for the build of process ${holder || "?"} to finish`);
      announced = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs the Next CLI; resolves with its exit code. SIGINT/SIGTERM reach it too (same process group). */
function next(args: string[]): Promise<number> {
  const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: APP, env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0))));
}

async function ensureBuild(): Promise<void> {
  if (readStamp() === inputsHash()) return;
  await withBuildLock(async () => {
    const hash = inputsHash();
    if (readStamp() === hash) return; // built by the process we waited for
    console.log("frontend: inputs changed since the last build; running next build");
    rmSync(STAMP, { force: true });
    const code = await next(["build"]);
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    writeFileSync(STAMP, `${hash}\n`);
  });
}

try {
  await ensureBuild();
} catch (error) {
  console.error(`frontend: ${(error as Error).message}`);
  process.exit(1);
}
if (process.argv.includes("--build-only")) process.exit(0);
const port = process.env.PORT || "3000";
process.exit(await next(["start", "--port", port, "--hostname", process.env.HOST || "127.0.0.1"]));
