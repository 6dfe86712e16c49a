import { spawn } from "node:child_process";
import { readPackageJson } from "./package-json.js";

const OUTPUT_TAIL_LINES = 20;

/**
 * Runs `npm run build` in each folder whose package.json has a `build` script, in order, once per
 * folder per `done` set: workspace members first (their dist/ goes into the image), then the app
 * (e.g. `next build`). Throws naming the folder, with the end of the script's output.
 */
export async function runBuildScripts(folders: readonly string[], done: Set<string>, log: (line: string) => void): Promise<void> {
  for (const folder of folders) {
    if (done.has(folder)) continue;
    done.add(folder);
    if (readPackageJson(folder)?.scripts?.build === undefined) continue;
    log(`npm run build in ${folder}`);
    const { code, output } = await runNpmBuild(folder);
    if (code !== 0) {
      const tail = output.split("\n").slice(-OUTPUT_TAIL_LINES).join("\n");
      throw new Error(`npm run build failed in ${folder} (exit code ${code}); fix the build and publish again\n${tail}`);
    }
  }
}

function runNpmBuild(folder: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { cwd: folder, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", (error) => reject(new Error(`cannot run npm in ${folder}: ${error.message}`)));
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
