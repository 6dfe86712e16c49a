import type { CliCommand } from "../cli-command.js";

/** `down [--volumes]`: removes what this AppHost created on the engine. */
export const DOWN_COMMAND: CliCommand = {
  name: "down",
  summary: "remove this AppHost's containers and networks",
  configure: (command) => command.option("--volumes", "also remove its named data volumes"),
  async execute(application, options) {
    const { downCommand } = await import("../down-command.js");
    await downCommand(application.appHost, { volumes: options["volumes"] === true });
  },
};
