import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildDashboardUi } from "./build-dashboard-ui.js";
import { pruneStaleOutputs } from "./prune-stale-outputs.js";
import { runCommand } from "./run-command.js";

/**
 * Compiles the workspace packages to their dist/ folders (what consumers and the services bosun
 * starts load); tsc -b rebuilds only what changed since the last build, and outputs of sources
 * that were moved or deleted are removed. Then bundles the dashboard's page when its sources
 * changed. Resolves true on success.
 */
export async function buildPackages(root: string): Promise<boolean> {
  console.log("build: tsc -b tsconfig.build.json");
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const passed = (await runCommand(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: root })) === 0;
  if (!passed) console.log("build: FAILED (see the errors above)");
  const packages = readdirSync(join(root, "packages")).map((name) => join(root, "packages", name));
  const stale = packages.flatMap((dir) => pruneStaleOutputs(dir));
  if (stale.length > 0) console.log(`build: removed ${stale.length} output file(s) whose source is gone`);
  try {
    console.log(`build: dashboard ui ${await buildDashboardUi(root)}`);
  } catch (error) {
    console.log(`build: the dashboard's page did not bundle (esbuild, packages/hosting/src/dashboard/ui/): ${String(error)}`);
    return false;
  }
  return passed;
}
