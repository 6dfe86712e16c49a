import type { CliCommand } from "../cli-command.js";

/** `restore <snapshot> [resource…] [--force]`: puts a snapshot's volumes back. */
export const RESTORE_COMMAND: CliCommand = {
  name: "restore",
  summary: "put a snapshot back (stops and restarts)",
  configure: (command) =>
    command
      .argument("<snapshot>", "the snapshot's name (see 'snapshots'), or the path of a snapshot folder")
      .argument("[resource...]", "resources to restore (default: every resource in the snapshot)")
      .option("--force", "restore even when the snapshot's image or model differs from the app's"),
  async execute(application, options, args) {
    const { restoreCommand } = await import("../snapshot-commands.js");
    const [snapshot = "", ...resources] = args;
    await restoreCommand(application, { snapshot, resources, force: options["force"] === true });
  },
};
