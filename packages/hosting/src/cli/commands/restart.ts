import type { CliCommand } from "../cli-command.js";

/** `restart <name>`: restarts one resource of this AppHost's running `run`, from another terminal. */
export const RESTART_COMMAND: CliCommand = {
  name: "restart",
  summary: "restart one resource of the running app",
  configure: (command) => command.argument("<name>", "the resource to restart, e.g. auth-api"),
  async execute(application, _options, args) {
    const { restartCommand } = await import("../restart-command.js");
    await restartCommand(application, args[0]);
  },
};
