import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_DASHBOARD_PORT, DEFAULT_LOG_LINES } from "../dashboard/dashboard-defaults.js";

/** `run`'s dashboard options, as commander parsed them. */
export interface DashboardFlags {
  /** False with `--no-dashboard`. */
  readonly dashboard?: boolean;
  readonly dashboardPort?: number;
  readonly dashboardUnsecured?: boolean;
  readonly dashboardLogLines?: number;
}

/** Declares `--no-dashboard`, `--dashboard-port`, `--dashboard-unsecured` and `--dashboard-log-lines` on `run`. */
export function addDashboardOptions(command: Command): Command {
  return command
    .option("--no-dashboard", "do not serve the web dashboard")
    .option("--dashboard-port <port>", `serve the dashboard on this port of 127.0.0.1 (default ${DEFAULT_DASHBOARD_PORT}; a free one when taken)`, wholeNumber("--dashboard-port", 0, 65_535))
    .option("--dashboard-unsecured", "serve the dashboard without the login token (anyone on this machine can use it)")
    .option("--dashboard-log-lines <lines>", `console lines the dashboard keeps per resource (default ${DEFAULT_LOG_LINES})`, wholeNumber("--dashboard-log-lines", 1, 10_000_000));
}

/** The flags from commander's options object; `BOSUN_DASHBOARD_UNSECURED=true` counts as `--dashboard-unsecured`. */
export function dashboardFlagsOf(options: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv = process.env): DashboardFlags {
  return {
    dashboard: options["dashboard"] !== false,
    ...(typeof options["dashboardPort"] === "number" ? { dashboardPort: options["dashboardPort"] } : {}),
    dashboardUnsecured: options["dashboardUnsecured"] === true || env["BOSUN_DASHBOARD_UNSECURED"] === "true",
    ...(typeof options["dashboardLogLines"] === "number" ? { dashboardLogLines: options["dashboardLogLines"] } : {}),
  };
}

function wholeNumber(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`${flag} takes a whole number from ${min} to ${max}, not '${value}'`);
    return Number(value);
  };
}
