import type { CliCommand } from "../cli-command.js";
import { addDashboardOptions, dashboardFlagsOf } from "../dashboard-flags.js";

/** `run`, the default: boots the app with a live status until Ctrl-C. */
export const RUN_COMMAND: CliCommand = {
  name: "run",
  summary: "start every resource until Ctrl-C (the default command)",
  configure: (command) =>
    addDashboardOptions(command)
      .option("--watch", "restart a Node app when its sources change (every Node app; one app: .withWatch())")
      .option("--inspect [names]", "start Node apps with the inspector on 127.0.0.1 (all, or the comma-separated names)"),
  async execute(application, options) {
    const { runApp } = await import("../run-command.js");
    await runApp(application, { watch: options["watch"] === true, inspect: inspectOption(options["inspect"]), ...dashboardFlagsOf(options) });
  },
};

/** `--inspect` alone: every Node app; `--inspect=a,b`: those. */
function inspectOption(value: unknown): boolean | readonly string[] {
  if (typeof value !== "string") return value === true;
  return value.split(",").map((name) => name.trim()).filter((name) => name !== "");
}
