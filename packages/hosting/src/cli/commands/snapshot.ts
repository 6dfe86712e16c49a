import type { CliCommand } from "../cli-command.js";

/** `snapshot [resource…] [--name N]`: copies the data volumes (and schemas) of this AppHost's resources. */
export const SNAPSHOT_COMMAND: CliCommand = {
  name: "snapshot",
  summary: "save the data volumes and database schemas",
  configure: (command) =>
    command
      .argument("[resource...]", "resources with a data volume (default: all of them)")
      .option("--name <name>", "the snapshot's name (default: the time in UTC, e.g. 2026-11-29T13-05-00Z)"),
  async execute(application, options, args) {
    const { snapshotCommand } = await import("../snapshot-commands.js");
    const name = typeof options["name"] === "string" ? options["name"] : undefined;
    await snapshotCommand(application, { resources: [...args], ...(name !== undefined ? { name } : {}) });
  },
};
