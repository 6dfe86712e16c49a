// The packages as a new user gets them: built, packed, installed from the tarballs into a fresh
// project outside the workspace (third-party dependencies from the npm registry), then used four
// ways: plain Node, tsc with strict settings, a Vitest test with @bosun/testing, a tsx AppHost.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appKeyOf, connectEngine, describeAppHost } from "@bosun/hosting/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages } from "../scripts/lib/build-packages.js";
import { childEnv, installConsumer, packPackages, runTo, startChild, tarballEntries, type Tarball } from "./support/consumer-project.js";
import { eventually } from "./support/eventually.js";
import { REPO_ROOT } from "./support/workspace-files.js";

const SETUP_TIMEOUT_MS = 600_000;
const APPHOST_NAME = "consumer-apphost";
/** What a tarball must not carry: tests, fixtures, test-only helpers, build state, sources. */
const NOT_SHIPPED = /(\.test\.[cm]?[jt]s|\.spec\.[cm]?[jt]s|\/fixtures\/|\/testing-support\/|-test-fixture\.|\.tsbuildinfo$|^package\/src\/)/;

const work = mkdtempSync(path.join(os.tmpdir(), "bosun-consumer-"));
const project = path.join(work, "project");
const figures: string[] = [];
let tarballs: Tarball[] = [];

/** The outer run's image substitution (a path is made absolute), else the workspace's offline images. */
function imageMap(): string {
  const value = process.env.BOSUN_IMAGE_MAP;
  if (value === undefined || value === "") return path.join(REPO_ROOT, "images", "offline", "image-map.json");
  return value.trim().startsWith("{") ? value : path.resolve(REPO_ROOT, value);
}

const env = () => childEnv({ BOSUN_IMAGE_MAP: imageMap(), BOSUN_SECRETS_DIR: path.join(work, "secrets") });
// tsx as a loader (`node --import tsx`), resolved from the project's own node_modules. Not through
// tsx's CLI: on a loaded machine its signal relay SIGKILLs a child that has not acknowledged a
// Ctrl-C within ~60 ms (docs/lifetime.md), and (d) checks bosun's own clean stop.
const tsx = (...args: string[]) => ["--import", "tsx", "apphost.ts", ...args];

async function timed<T>(what: string, step: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await step();
  figures.push(`${what} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

beforeAll(async () => {
  expect(await timed("build", () => buildPackages(REPO_ROOT)), "npx tsc -b tsconfig.build.json failed; see the output above").toBe(true);
  tarballs = await timed("pack", () => packPackages(work));
  const install = await timed("install", () => installConsumer(project, tarballs));
  expect(install.code, `npm install of the tarballs into ${project} failed:\n${install.output}`).toBe(0);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await runTo(process.execPath, tsx("down"), project, env());
  console.info(`[figures] consumer: ${figures.join(", ")}`);
  rmSync(work, { recursive: true, force: true });
});

// The four ways run at the same time: tsc is CPU-bound, the engine tests mostly wait for containers.
describe.concurrent("a project that installs the packed packages", () => {
  it("gets tarballs with the compiled code, declarations, README and LICENSE (and the dashboard's page in @bosun/hosting), and no tests, fixtures or sources", async ({ expect }) => {
    expect(tarballs.map((t) => t.name).sort()).toEqual(
      ["@bosun/hosting", "@bosun/postgres", "@bosun/rabbitmq", "@bosun/redis", "@bosun/service-defaults", "@bosun/testing", "bosun"],
    );
    for (const tarball of tarballs) {
      const entries = await tarballEntries(tarball.file);
      expect(entries, `${tarball.name} misses its entry, README or LICENSE`).toEqual(
        expect.arrayContaining(["package/package.json", "package/README.md", "package/LICENSE", "package/dist/index.js", "package/dist/index.d.ts"]),
      );
      expect(entries.filter((entry) => NOT_SHIPPED.test(entry)), `${tarball.name} ships files a user must not get; fix "files" or the build's exclude`).toEqual([]);
    }
    const hosting = await tarballEntries(tarballs.find((t) => t.name === "@bosun/hosting")!.file);
    expect(hosting, "@bosun/hosting misses the dashboard's page; the build bundles it into packages/hosting/dashboard-ui/").toEqual(
      expect.arrayContaining(["package/dashboard-ui/index.html", "package/dashboard-ui/app.js", "package/dashboard-ui/app.css"]),
    );
  });

  it("(a) loads every package entry and prints a model's manifest from plain Node ESM scripts", async ({ expect }) => {
    const entries = await timed("(a) node entries", () => runTo(process.execPath, ["load-entries.mjs"], project, env()));
    expect(entries.code, entries.output).toBe(0);
    const loaded = entries.stdout.trim().split("\n").map((line) => line.split(" ")[0]);
    expect(loaded).toEqual(expect.arrayContaining(["bosun", "@bosun/hosting", "@bosun/hosting/runtime", "@bosun/testing", "@bosun/service-defaults"]));
    expect(entries.stdout, "an entry with no exports").not.toMatch(/ 0$/m);

    const run = await timed("(a) node manifest", () => runTo(process.execPath, ["print-manifest.mjs"], project, env()));
    expect(run.code, run.output).toBe(0);
    const manifest = JSON.parse(run.stdout) as { resources: Record<string, { env?: Record<string, string> }> };
    expect(Object.keys(manifest.resources)).toEqual(expect.arrayContaining(["postgres", "appdb", "cache", "messaging", "api"]));
    expect(manifest.resources["api"]?.env?.["ConnectionStrings__appdb"]).toMatch(/\{postgres\.bindings\.tcp\.port\}/);
  });

  it.for([["NodeNext", "tsconfig.json"], ["bundler", "tsconfig.bundler.json"]] as const)(
    "(b) type-checks against the declarations with strict %s settings and no @types added by hand",
    async ([, tsconfig], { expect }) => {
      const tsc = path.join(project, "node_modules", "typescript", "bin", "tsc");
      const check = await timed(`(b) tsc ${tsconfig}`, () => runTo(process.execPath, [tsc, "-p", tsconfig], project, env()));
      expect(check.output, `tsc -p ${tsconfig} in the consumer project`).toBe("");
      expect(check.code).toBe(0);
    },
  );

  it("(c) runs a Vitest test that starts a Redis with @bosun/testing on the engine", async ({ expect }) => {
    const vitest = path.join(project, "node_modules", "vitest", "vitest.mjs");
    const run = await timed("(c) vitest", () => runTo(process.execPath, [vitest, "run"], project, env()));
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Tests\s+1 passed/);
  });

  it("(d) runs an AppHost with tsx: manifest, then run until healthy, Ctrl-C, and nothing left on the engine", async ({ expect }) => {
    const manifest = await timed("(d) tsx manifest", () => runTo(process.execPath, tsx("manifest"), project, env()));
    expect(manifest.code, manifest.output).toBe(0);
    expect(Object.keys((JSON.parse(manifest.stdout) as { resources: object }).resources).sort()).toEqual(["cache", "cache-password"]);

    const t0 = performance.now();
    const apphost = startChild(process.execPath, tsx("run"), project, env());
    try {
      await eventually("the AppHost reporting its Redis healthy", 120_000, async () => {
        if (apphost.child.exitCode !== null) throw new Error(`it exited with code ${apphost.child.exitCode}:\n${apphost.output()}`);
        if (!/all 1 resources healthy/.test(apphost.output())) throw new Error(`not yet:\n${apphost.output()}`);
      });
      figures.push(`(d) tsx run to healthy ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      apphost.child.kill("SIGINT");
      expect(await apphost.exited, apphost.output()).toBe(0);
    } finally {
      if (apphost.child.exitCode === null) apphost.child.kill("SIGKILL");
    }
    const engine = await connectEngine();
    const labels = { "bosun.app": appKeyOf(describeAppHost(project, APPHOST_NAME)) };
    expect(await engine.containers.list({ labels, all: true }), apphost.output()).toEqual([]);
    expect(await engine.networks.list({ labels }), apphost.output()).toEqual([]);
  });
});
