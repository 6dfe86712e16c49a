import { readFileSync } from "node:fs";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { createBuilder } from "../app/distributed-application-builder.js";
import type { CommandLineFrontEnd } from "../app/distributed-application.js";
import { runCommandLine } from "./command-line.js";
import * as cli from "./index.js";

const NAME = "npx tsx apphost/index.ts";
const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

function model() {
  const builder = createBuilder({ appHostDirectory: "/tmp/shop/apphost" });
  builder.addContainer("cache", "redis:8.6").withEndpoint({ name: "tcp", targetPort: 6379 });
  return builder.build();
}

/** Runs the AppHost command line on `argv` and keeps what it printed. */
async function commandLine(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommandLine(model(), argv, { name: NAME, output: { out: (t) => out.push(t), err: (t) => err.push(t) } });
  return { code, out: out.join(""), err: err.join("") };
}

afterEach(() => vi.restoreAllMocks());

describe("the AppHost command line", () => {
  it("prints usage naming the script, the commands and the exit codes for --help, and exits 0", async () => {
    const { code, out, err } = await commandLine("--help");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(out).toMatchInlineSnapshot(`
      "Usage: npx tsx apphost/index.ts [options] [command]

      The AppHost of 'shop': runs its app model with bosun.

      Options:
        -V, --version                               print bosun's version
        -h, --help                                  show this help

      Commands:
        run [options]                               start every resource until Ctrl-C (the default command)
        manifest                                    print the model as JSON; contacts no engine
        publish [options]                           write the model for Docker Compose, Swarm or Kubernetes
        down [options]                              remove this AppHost's containers and networks
        restart <name>                              restart one resource of the running app
        snapshot [options] [resource...]            save the data volumes and database schemas
        snapshots                                   list this AppHost's snapshots
        restore [options] <snapshot> [resource...]  put a snapshot back (stops and restarts)

      Exit codes: 0 done, 1 failed, 2 usage error, 130 stopped by a second Ctrl-C.
      "
    `);
    expect((await commandLine("-h")).out).toBe(out);
  });

  it("prints a command's own usage and options for down --help", async () => {
    const { code, out } = await commandLine("down", "--help");
    expect(code).toBe(0);
    expect(out).toContain("Usage: npx tsx apphost/index.ts down [options]");
    expect(out).toMatch(/--volumes +also remove its named data volumes/);
  });

  it("prints bosun's version from the hosting package for --version", async () => {
    expect(await commandLine("--version")).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("names an extra argument and exits 2, running nothing", async () => {
    const write = vi.spyOn(process.stdout, "write");
    const { code, err } = await commandLine("manifest", "extra", "more");
    expect(code).toBe(2);
    expect(err).toBe("error: unexpected arguments 'extra', 'more': 'manifest' takes no arguments\n(see 'npx tsx apphost/index.ts manifest --help')\n");
    expect(write).not.toHaveBeenCalled();
  });

  it("names an unknown option, on the AppHost and on a command, and exits 2", async () => {
    expect(await commandLine("--volumes")).toMatchObject({ code: 2, err: expect.stringContaining("error: unknown option '--volumes'") });
    const down = await commandLine("down", "--volume");
    expect(down.code).toBe(2);
    expect(down.err).toContain("error: unknown option '--volume'");
    expect(down.err).toContain("(see 'npx tsx apphost/index.ts down --help')");
  });

  it("names an unknown command and exits 2", async () => {
    const { code, err } = await commandLine("deploy");
    expect(code).toBe(2);
    expect(err).toContain("error: unknown command 'deploy'");
    expect(err).toContain("(see 'npx tsx apphost/index.ts --help')");
  });

  it("prints the manifest as JSON for manifest", async () => {
    let printed = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((printed += String(chunk)), true));
    expect((await commandLine("manifest")).code).toBe(0);
    expect(JSON.parse(printed)).toEqual(model().manifest());
  });

  it("is the front end DistributedApplication.run() loads by the package's cli entry", () => {
    expectTypeOf(cli).toMatchTypeOf<CommandLineFrontEnd>();
    expect(cli.runCommandLine).toBe(runCommandLine);
  });
});
