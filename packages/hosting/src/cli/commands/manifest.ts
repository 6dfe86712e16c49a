import type { CliCommand } from "../cli-command.js";

/** `manifest`: prints the model as JSON; contacts no engine. */
export const MANIFEST_COMMAND: CliCommand = {
  name: "manifest",
  summary: "print the model as JSON; contacts no engine",
  async execute(application) {
    process.stdout.write(`${JSON.stringify(application.manifest(), null, 2)}\n`);
  },
};
