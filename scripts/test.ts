// npm test: provision the engine and images, type-check, run the unit and docker Vitest projects on
// Docker and the podman project on Podman, print one summary line.
// Extra arguments go to Vitest: npm test -- --project unit
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackages } from "./lib/build-packages.js";
import { ensureCompose } from "./lib/ensure-compose.js";
import { ensureEngine } from "./lib/ensure-engine.js";
import { ensureImages } from "./lib/ensure-images.js";
import { runCommand } from "./lib/run-command.js";
import { runMain } from "./lib/run-main.js";
import { formatEngineRun, runOnEngines } from "./lib/engine-runs.js";
import { preparePodman } from "./lib/prepare-podman.js";
import { planTests } from "./lib/test-projects.js";
import { formatTestCounts } from "./lib/vitest-summary.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const FRONTEND_TSCONFIG = join(ROOT, "examples", "ecommerce", "frontend", "tsconfig.json");
const DASHBOARD_UI_TSCONFIG = join(ROOT, "packages", "hosting", "src", "dashboard", "ui", "tsconfig.json");
const FAULTS_COMMAND = ["--conditions=bosun-source", "--import", "tsx", join(ROOT, "bench", "faults", "run-faults.ts"), "--cycles", "2", "--only", "kill,crash,engine,disk"];
const CHROMIUM_SCRIPT = join(ROOT, "examples", "ecommerce", "frontend", "scripts", "ensure-chromium.sh");

runMain(async () => {
  const args = process.argv.slice(2);
  const plan = planTests(args);
  // A whole run (no arguments) ends with the fault suite, whose engine-restart scenario restarts a Podman service of its own.
  const fullRun = args.length === 0;
  const env: NodeJS.ProcessEnv = { ...process.env };
  let podmanEnv: NodeJS.ProcessEnv = {};
  if (plan.needsEngine) {
    const engine = await ensureEngine();
    Object.assign(env, await ensureImages(engine, { root: ROOT, env }));
    // The frontend's browser test drives Debian's Chromium (no browser download is possible here).
    if ((await runCommand("bash", [CHROMIUM_SCRIPT], { cwd: ROOT })) !== 0) return 1;
    // Published Compose files are checked with docker-compose and run by the end-to-end tests.
    await ensureCompose();
    // The podman project runs the docker tests on Podman (docs/engines.md); the fault suite needs Podman too.
    if (plan.podman || fullRun) podmanEnv = await preparePodman(engine, env);
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

  const runs = await runOnEngines({ root: ROOT, plan, env, podmanEnv });
  // The fault suite with small counts, on a full run only (docs/faults.md; npm run faults for all of it).
  const faults = fullRun ? await runCommand(process.execPath, [...FAULTS_COMMAND], { cwd: ROOT, env }) : 0;

  const counts = { passed: sum(runs.map((run) => run.counts.passed)), failed: sum(runs.map((run) => run.counts.failed)) };
  const typesPassed = typecheck === 0 && frontendTypecheck === 0 && dashboardTypecheck === 0;
  console.log(typesPassed ? "type-check: passed" : "type-check: FAILED (see the errors above)");
  for (const run of runs) {
    if (run.code !== 0 && run.counts.failed === 0) console.log(`vitest on ${run.engine} exited with code ${run.code} (an error outside the tests; see above)`);
    if (runs.length > 1) console.log(formatEngineRun(run));
  }
  if (faults !== 0) console.log(`faults: FAILED (exit code ${faults}; see the 'faults:' lines above)`);
  console.log(formatTestCounts(counts));
  return typesPassed && faults === 0 && runs.every((run) => run.code === 0) && counts.failed === 0 ? 0 : 1;
});

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
