import path from "node:path";
import { Option } from "commander";
import type { CliCommand } from "../cli-command.js";

/** `publish --target compose|swarm`: writes the model for a deployment target (docs/publishing.md). */
export const PUBLISH_COMMAND: CliCommand = {
  name: "publish",
  summary: "write the model for Docker Compose or Swarm",
  configure: (command) =>
    command
      .addOption(new Option("--target <target>", "the deployment target").choices(["compose", "swarm"]).makeOptionMandatory())
      .option("--output <dir>", "folder to write to, relative to the current folder (default: publish/<target> next to the AppHost)")
      .option("--env-file", "fill a git-ignored .env (and Swarm's secrets/) with this AppHost's values; existing values are kept")
      .option("--build", "build and tag the images of the app's own services with the local engine")
      .option("--strict", "fail, writing nothing, when the target cannot express something in the model")
      .addOption(new Option("--swarm-endpoint-mode <mode>", "swarm: vip (default) or dnsrr with host-mode ports, for kernels without IPVS").choices(["vip", "dnsrr"])),
  async execute(application, options) {
    const target = options["target"] as "compose" | "swarm";
    const output = options["output"];
    const result = await application.publish({
      target,
      ...(typeof output === "string" ? { outputDir: path.resolve(output) } : {}),
      envFile: options["envFile"] === true,
      build: options["build"] === true,
      strict: options["strict"] === true,
      ...(options["swarmEndpointMode"] === "dnsrr" ? { swarmEndpointMode: "dnsrr" as const } : {}),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const relative = path.relative(process.cwd(), result.outputDirectory);
    const where = relative.startsWith("..") ? result.outputDirectory : relative || ".";
    process.stdout.write(`published ${target} to ${where}: ${result.written.length} files written${result.removed.length > 0 ? `, ${result.removed.length} stale removed` : ""}\n`);
    for (const warning of result.warnings) process.stdout.write(`warning ${warning.code}: ${warning.message}\n`);
    const count = result.warnings.length;
    if (count > 0) process.stdout.write(`(${count} warning${count === 1 ? "" : "s"}, also in ${path.join(where, "publish-report.json")}; --strict makes them errors)\n`);
  },
};
