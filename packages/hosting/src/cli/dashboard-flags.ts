import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_DASHBOARD_PORT, DEFAULT_LOG_LINES } from "../dashboard/dashboard-defaults.js";
import { BosunError } from "../errors/bosun-error.js";

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

/**
 * The flags from commander's options object; `BOSUN_DASHBOARD_PORT=N` counts as `--dashboard-port N`
 * (the flag wins) and `BOSUN_DASHBOARD_UNSECURED=true` as `--dashboard-unsecured`.
 */
export function dashboardFlagsOf(options: Readonly<Record<string, unknown>>, env: NodeJS.ProcessEnv = process.env): DashboardFlags {
  const port = typeof options["dashboardPort"] === "number" ? options["dashboardPort"] : envPort(env["BOSUN_DASHBOARD_PORT"]);
  return {
    dashboard: options["dashboard"] !== false,
    ...(port === undefined ? {} : { dashboardPort: port }),
    dashboardUnsecured: options["dashboardUnsecured"] === true || env["BOSUN_DASHBOARD_UNSECURED"] === "true",
    ...(typeof options["dashboardLogLines"] === "number" ? { dashboardLogLines: options["dashboardLogLines"] } : {}),
  };
}

function envPort(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    return wholeNumber("BOSUN_DASHBOARD_PORT", 0, 65_535)(value);
  } catch (error) {
    throw new BosunError(`${(error as Error).message}; unset it or give a port`, { code: "CONFIGURATION" });
  }
}

function wholeNumber(flag: string, min: number, max: number): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`${flag} takes a whole number from ${min} to ${max}, not '${value}'`);
    return Number(value);
  };
}
