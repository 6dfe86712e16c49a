import type { CliCommand } from "../cli-command.js";

/** `run`, the default: boots the app with a live status until Ctrl-C. */
export const RUN_COMMAND: CliCommand = {
  name: "run",
  summary: "start every resource until Ctrl-C (the default command)",
  async execute(application) {
    const { runApp } = await import("../run-command.js");
    await runApp(application);
  },
};
