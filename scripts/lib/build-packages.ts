import { join } from "node:path";
import { runCommand } from "./run-command.js";

/**
 * Compiles the workspace packages to their dist/ folders (what consumers and the services bosun
 * starts load); tsc -b rebuilds only what changed since the last build. Resolves true on success.
 */
export async function buildPackages(root: string): Promise<boolean> {
  console.log("build: tsc -b tsconfig.build.json");
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const passed = (await runCommand(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: root })) === 0;
  if (!passed) console.log("build: FAILED (see the errors above)");
  return passed;
}
