import { parseArgs } from "node:util";
import type { DistributedApplication } from "../app/distributed-application.js";
import { BosunError } from "../errors/bosun-error.js";
import { downCommand } from "./down-command.js";
import { runApp } from "./run-command.js";

const USAGE = "usage: npx tsx apphost/index.ts [run | manifest | down [--volumes]]";

/** The AppHost's command line. Caller mistakes print one clear message and set a non-zero exit code. */
export async function runCommandLine(application: DistributedApplication, argv: readonly string[]): Promise<void> {
  try {
    const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { volumes: { type: "boolean", default: false } } });
    const command = positionals[0] ?? "run";
    if (command === "run") await runApp(application);
    else if (command === "manifest") process.stdout.write(`${JSON.stringify(application.manifest(), null, 2)}\n`);
    else if (command === "down") await downCommand(application.appHost, { volumes: values.volumes ?? false });
    else throw new BosunError(`unknown command '${command}'; ${USAGE}`, { code: "CONFIGURATION" });
  } catch (error) {
    if (!(error instanceof BosunError) && !(error instanceof TypeError && "code" in error)) throw error;
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}
