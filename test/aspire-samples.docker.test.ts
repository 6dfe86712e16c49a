import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "./support/eventually.js";
import { getJson, runSample, sampleEnvironment, stopSample, waitForHealthy } from "./support/aspire-sample.js";

// Aspire's TypeScript AppHost samples (test/fixtures/aspire, see each NOTICE), run unchanged but
// for their import line, with `npx tsx apphost.ts` and no .NET.

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
}, 120_000);

describe("playground/TypeScriptAppHost", () => {
  it("runs PostgreSQL, Redis, the API and Vite's dev server healthy, each app with Aspire's variables", { timeout: 240_000 }, async () => {
    const env = sampleEnvironment();
    const run = runSample("TypeScriptAppHost", ["run", "--no-dashboard"], env);
    cleanups.push(async () => {
      await stopSample(run);
      // The sample gives Redis a persistent lifetime: down removes it.
      await runSample("TypeScriptAppHost", ["down"], env).exited;
    });
    await waitForHealthy(run, 5, 200_000);
    expect(run.output()).toContain("isRunMode: true");
    expect(run.output()).toContain("isPublishMode: false");
    expect(run.output()).toMatch(/AppHost directory: .*test\/fixtures\/aspire\/TypeScriptAppHost\n/);

    const api = run.url("api");
    const apiEnv = await eventually("the API's /env", 30_000, () => getJson(`${api}/env`));
    const postgres = run.url("postgres", "tcp").replace("tcp://", "");
    expect(apiEnv).toMatchObject({
      PORT: new URL(api).port,
      ConnectionStrings__db: expect.stringMatching(new RegExp(`^postgresql://postgres:[^@]+@${postgres}/db$`)),
      DB_URI: expect.stringMatching(new RegExp(`^postgresql://postgres:[^@]+@${postgres}/db$`)),
      DB_HOST: "localhost",
      DB_PORT: postgres.split(":")[1],
      DB_DATABASENAME: "db",
    });
    expect(await getJson(api)).toEqual({ message: "Hello from the stand-in API", database: "db" });

    const frontend = run.url("frontend");
    const viteEnv = await eventually("Vite's /__env", 30_000, () => getJson(`${frontend}/__env`));
    expect(viteEnv).toEqual({
      PORT: new URL(frontend).port,
      services__api__http__0: api,
      API_HTTP: api,
      CUSTOM_ENV: "value",
      API_ENDPOINT: api,
    });
    // Vite listens on the port bosun allocated (--port), and proxies /api to the API as the sample's config does.
    expect(await getJson(`${frontend}/api/health`)).toEqual({ status: "healthy" });
    expect(await stopSample(run)).toBe(0);
  });
});

describe("publishing playground/TypeScriptAppHost", () => {
  it("writes docker-compose.yaml on `publish` without --target: the sample's addDockerComposeEnvironment chose Compose", { timeout: 120_000 }, async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), "bosun-aspire-publish-")), "out");
    const run = runSample("TypeScriptAppHost", ["publish", "--output", output], sampleEnvironment());
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain("isPublishMode: true");
    expect(run.output()).toContain(`published compose to ${output}`);
    expect(existsSync(path.join(output, "docker-compose.yaml"))).toBe(true);
  });
});
