import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../../..", import.meta.url));
const TSX = path.join(REPO, "node_modules", ".bin", "tsx");
const BOSUN = pathToFileURL(path.join(REPO, "packages", "bosun", "src", "index.ts")).href;

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "bosun-uncaught-"));
  await writeFile(path.join(folder, "package.json"), JSON.stringify({ type: "module" }));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs an AppHost written by a user (outside bosun's packages) the way `npm start` runs one. */
async function runAppHost(file: string, lines: readonly string[]): Promise<Outcome> {
  await writeFile(path.join(folder, file), [`import { createBuilder } from ${JSON.stringify(BOSUN)};`, ...lines].join("\n"));
  return new Promise((resolve) => {
    execFile(TSX, ["--conditions=bosun-source", file], { cwd: folder, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

/** What a person must not have to read: bosun's own source, a caret under it, stack frames. */
function expectNoBosunInternals(output: string): void {
  expect(output).not.toMatch(/validate-model|packages\/hosting|node_modules|node:internal|^\s+at |\^$/m);
}

describe("an uncaught bosun error in a real AppHost", { timeout: 60_000 }, () => {
  it("prints the problems with the user's file and line, once per problem, and exits with code 1", async () => {
    const outcome = await runAppHost("apphost.ts", [
      "const builder = createBuilder();",
      'builder.addRedis("my cache!");',
      'builder.addNodeApp("api", "../api", "src/index.ts").withHttpEndpoint({ env: "PORT" })',
      "  .withStartupTimeout(-1);",
      "await builder.build().run();",
    ]);
    expect(outcome.code).toBe(1);
    expectNoBosunInternals(outcome.stderr);
    expect(outcome.stderr).toMatchInlineSnapshot(`
      "error: the application model has 2 problems:
        - resource name 'my cache!' is not a DNS label; use letters, digits and single hyphens, start with a letter, at most 63 characters (e.g. 'my-cache')
          (addRedis at apphost.ts:3:9)
        - resource 'api' has start-up timeout -1; give a positive number of milliseconds (e.g. .withStartupTimeout(120_000))
          (withStartupTimeout at apphost.ts:5:4)
      "
    `);
  });

  it("prints a call rejected at once, also from inside an async function", async () => {
    const outcome = await runAppHost("async-apphost.ts", [
      "async function defineApp() {",
      "  await Promise.resolve();",
      '  createBuilder().addContainer("web", "nginx").withLifetime("forever" as never);',
      "}",
      "void defineApp();",
    ]);
    expect(outcome.code).toBe(1);
    expectNoBosunInternals(outcome.stderr);
    expect(outcome.stderr).toMatchInlineSnapshot(`
      "error: the application model has 1 problem:
        - resource 'web': .withLifetime(…) expects the lifetime as one of "session", "persistent", got "forever" (a string); e.g. .withLifetime("persistent")
          (withLifetime at async-apphost.ts:4:48)
      "
    `);
  });

  it("leaves any other uncaught error to Node, stack included", async () => {
    const outcome = await runAppHost("other-error.ts", ["createBuilder();", 'throw new RangeError("not bosun\'s");']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("RangeError: not bosun's");
    expect(outcome.stderr).toMatch(/^\s+at .*other-error\.ts:3/m);
  });
});
