import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, bosun, buildPackages, FIXTURE_DIR, ROOT } from "./testing-support/run-bin.js";

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "packages/hosting/package.json"), "utf8")) as { version: string }).version;
const TIMEOUT = { timeout: 60_000 };

beforeAll(buildPackages, 180_000);

describe("the bosun bin", () => {
  it("starts with a shebang, so npm can install it as a command", () => {
    expect(readFileSync(BIN, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it("prints its usage, naming bosun and each command's AppHost argument, for --help and -h, and exits 0", TIMEOUT, async () => {
    const [help, h] = await Promise.all([bosun("--help"), bosun("-h")]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toMatch(/^Usage: bosun \[options\] \[command\]\n/);
    expect(help.stdout).toMatch(/manifest \[apphost\]/);
    expect(help.stdout).toMatch(/down \[options\] \[apphost\]/);
    expect(h).toEqual(help);
  });

  it("prints a command's usage for down --help, and exits 0", TIMEOUT, async () => {
    const { code, stdout } = await bosun("down", "--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: bosun down \[options\] \[apphost\]\n/);
    expect(stdout).toContain('(default: "apphost/index.ts")');
    expect(stdout).toContain("--volumes");
  });

  it("finds the AppHost among the resources of snapshot, whose resource list comes last", TIMEOUT, async () => {
    const help = await bosun("snapshot", "--help");
    expect(help.stdout).toMatch(/^Usage: bosun snapshot \[options\] \[resource\.\.\.\]\n/);
    expect(help.stdout).toContain("The AppHost script (default apphost/index.ts) may be given among the arguments");
    // 'cache' reaches the AppHost as a resource and bin-apphost.ts as the script: its Redis has no data volume.
    const { code, stderr } = await bosun("snapshot", "cache", "bin-apphost.ts", "--name", "x");
    expect({ code, stderr }).toEqual({ code: 1, stderr: "error: snapshot: 'cache' has no named data volume (add .withDataVolume() to it); the resources with data volumes are: none\n" });
  });

  it("prints bosun's version for --version", TIMEOUT, async () => {
    expect(await bosun("--version")).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("loads a TypeScript AppHost as its own script: manifest prints its model, paths relative to its folder", TIMEOUT, async () => {
    const { code, stdout, stderr } = await bosun("manifest", "bin-apphost.ts");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout)).toMatchObject({
      resources: { cache: { type: "container.v0" }, sleeper: { command: "sleep", workingDirectory: "." } },
    });
  });

  it("passes options with values through to the AppHost: publish --target compose --output DIR writes there", TIMEOUT, async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), "bosun-bin-publish-")), "out");
    const { code, stderr } = await bosun("publish", "bin-apphost.ts", "--target", "compose", "--output", output);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(existsSync(path.join(output, "docker-compose.yaml"))).toBe(true);
  });

  it("refuses an AppHost that does not exist with exit code 2, saying how to name one", TIMEOUT, async () => {
    const { code, stderr } = await bosun("manifest");
    expect(code).toBe(2);
    expect(stderr).toContain(`error: no AppHost script 'apphost/index.ts' in ${FIXTURE_DIR}; pass its path: bosun manifest path/to/apphost.ts`);
  });

  it("refuses an extra argument and an unknown option, naming them, with exit code 2", TIMEOUT, async () => {
    const [extra, option] = await Promise.all([bosun("manifest", "bin-apphost.ts", "more"), bosun("down", "bin-apphost.ts", "--volume")]);
    expect(extra).toMatchObject({ code: 2, stdout: "" });
    expect(extra.stderr).toContain("error: unexpected argument 'more': 'manifest' takes one argument (apphost)");
    expect(option).toMatchObject({ code: 2, stdout: "" });
    expect(option.stderr).toBe("error: unknown option '--volume'\n(Did you mean --volumes?)\n(see 'bosun down --help')\n");
  });
});
