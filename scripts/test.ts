// npm test: provision the engine and images, type-check, run both Vitest projects, print one summary line.
// Extra arguments go to Vitest: npm test -- --project unit
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackages } from "./lib/build-packages.js";
import { ensureCompose } from "./lib/ensure-compose.js";
import { ensureEngine } from "./lib/ensure-engine.js";
import { ensureImages } from "./lib/ensure-images.js";
import { runCommand } from "./lib/run-command.js";
import { runMain } from "./lib/run-main.js";
import { formatTestCounts, readTestCounts } from "./lib/vitest-summary.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REPORT = join(ROOT, "test-results", "vitest.json");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");
const FRONTEND_TSCONFIG = join(ROOT, "examples", "ecommerce", "frontend", "tsconfig.json");
const DASHBOARD_UI_TSCONFIG = join(ROOT, "packages", "hosting", "src", "dashboard", "ui", "tsconfig.json");
const CHROMIUM_SCRIPT = join(ROOT, "examples", "ecommerce", "frontend", "scripts", "ensure-chromium.sh");

runMain(async () => {
  const vitestArgs = process.argv.slice(2);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (needsEngine(vitestArgs)) {
    const engine = await ensureEngine();
    Object.assign(env, await ensureImages(engine, { root: ROOT, env }));
    // The frontend's browser test drives Debian's Chromium (no browser download is possible here).
    if ((await runCommand("bash", [CHROMIUM_SCRIPT], { cwd: ROOT })) !== 0) return 1;
    // Published Compose files are checked with docker-compose and run by the end-to-end tests.
    await ensureCompose();
  }

  if (!(await buildPackages(ROOT))) return 1;

  console.log("type-check: tsc -p tsconfig.json --noEmit");
  const typecheck = await runCommand(process.execPath, [TSC, "-p", "tsconfig.json", "--noEmit"], {
    cwd: ROOT,
  });
  // The Next.js frontend has JSX and its own compiler settings, so it is checked on its own.
  const frontendTypecheck = await runCommand(process.execPath, [TSC, "-p", FRONTEND_TSCONFIG, "--noEmit"], { cwd: ROOT });
  // The dashboard's page is browser code (DOM types, JSX), so it too is checked on its own.
  const dashboardTypecheck = await runCommand(process.execPath, [TSC, "-p", DASHBOARD_UI_TSCONFIG, "--noEmit"], { cwd: ROOT });

  rmSync(REPORT, { force: true });
  const reporterArgs = ["--reporter=default", "--reporter=json", `--outputFile.json=${REPORT}`];
  const vitest = await runCommand(process.execPath, [VITEST, "run", ...reporterArgs, ...vitestArgs], {
    cwd: ROOT,
    env,
  });

  const counts = readTestCounts(REPORT) ?? { passed: 0, failed: 0 };
  const typesPassed = typecheck === 0 && frontendTypecheck === 0 && dashboardTypecheck === 0;
  console.log(typesPassed ? "type-check: passed" : "type-check: FAILED (see the errors above)");
  if (vitest !== 0 && counts.failed === 0) console.log(`vitest exited with code ${vitest} (an error outside the tests; see above)`);
  console.log(formatTestCounts(counts));
  return typesPassed && vitest === 0 && counts.failed === 0 ? 0 : 1;
});

/** Only a run restricted to the unit project can do without an engine. */
function needsEngine(args: readonly string[]): boolean {
  const projects = args.flatMap((arg, i) =>
    arg === "--project" ? [args[i + 1] ?? ""] : arg.startsWith("--project=") ? [arg.slice("--project=".length)] : [],
  );
  return projects.length === 0 || projects.some((project) => project !== "unit");
}
