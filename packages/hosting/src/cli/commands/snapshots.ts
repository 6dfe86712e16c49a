import type { CliCommand } from "../cli-command.js";

/** `snapshots`: lists this AppHost's snapshots. */
export const SNAPSHOTS_COMMAND: CliCommand = {
  name: "snapshots",
  summary: "list this AppHost's snapshots",
  async execute(application) {
    const { snapshotsCommand } = await import("../snapshot-commands.js");
    await snapshotsCommand(application);
  },
};
