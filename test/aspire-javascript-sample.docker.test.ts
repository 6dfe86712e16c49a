import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "./support/eventually.js";
import { getJson, runSample, sampleEnvironment, stopSample, waitForHealthy } from "./support/aspire-sample.js";

// Aspire's JavaScript validation AppHost (test/fixtures/aspire/Aspire.Hosting.JavaScript, see its
// NOTICE), unchanged but for its import line; the apps are small stand-ins, Vite is the workspace's.
// It picks pnpm for two apps (withPnpm, the last package manager call wins), so the workspace's
// pnpm is put on PATH as a user's would be.

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
}, 60_000);

const BIN = path.join(import.meta.dirname, "..", "node_modules", ".bin");

function environment(): NodeJS.ProcessEnv {
  const env = sampleEnvironment();
  env.PATH = `${BIN}${path.delimiter}${env.PATH ?? ""}`;
  return env;
}

/** The JSON a stand-in printed when it started. */
async function started(output: () => string, app: string): Promise<Record<string, unknown>> {
  return await eventually(`${app}'s start line`, 60_000, async () => {
    const line = new RegExp(`${app} started: (\\{.*\\})`).exec(output());
    if (!line) throw new Error(output().slice(-2000));
    return JSON.parse(line[1]!) as Record<string, unknown>;
  });
}

describe("playground/polyglot/TypeScript/Aspire.Hosting.JavaScript/ValidationAppHost", () => {
  it("runs the three apps healthy: scripts by the package manager last chosen, with their arguments, Vite with its config file", { timeout: 180_000 }, async () => {
    const sample = runSample("Aspire.Hosting.JavaScript", ["run", "--no-dashboard"], environment());
    cleanups.push(() => stopSample(sample));
    await waitForHealthy(sample, 3, 120_000);
    expect(await started(sample.output, "node-app")).toEqual({ argv: ["--host", "0.0.0.0"], script: "dev", runner: "pnpm" });
    expect(await started(sample.output, "javascript-app")).toEqual({ NODE_ENV: "development", script: "start", runner: "npm" });
    const vite = sample.url("vite-app");
    const config = await eventually("Vite's dev server", 60_000, () => getJson(`${vite}/__config`));
    expect(config).toEqual({ config: "vite.custom.config.ts", port: new URL(vite).port });
    expect(sample.output()).toMatch(/vite --host --port \d+ --strictPort --config \.\/vite\.custom\.config\.ts/);
    expect(await stopSample(sample)).toBe(0);
  });

  it("refuses to publish, since bosun's publisher would not run the apps' build scripts", { timeout: 60_000 }, async () => {
    const sample = runSample("Aspire.Hosting.JavaScript", ["publish", "--output", "out-never-written"], environment());
    expect(await sample.exited, sample.output()).toBe(1);
    expect(sample.output()).toContain(
      "error: Aspire's withBuildScript(\"build --mode production\") on 'node-app' when publishing is not supported by bosun: bosun's publisher runs no build script before building an app's image; build the app in its Dockerfile, or run the script before `publish`\n",
    );
  });
});
