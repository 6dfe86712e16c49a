import type { PublishHealthCheck, PublishValue } from "../publish-model.js";

export interface HealthTiming {
  readonly interval: string;
  readonly timeout: string;
  readonly retries: number;
  readonly start_period: string;
}

/**
 * One `healthcheck.test` for all of a service's checks: the exec form when there is one exec
 * check, else `CMD-SHELL` with the commands joined by `&&`. `render` writes each value.
 */
export function healthTest(checks: readonly PublishHealthCheck[], render: (value: PublishValue) => string): string[] {
  const only = checks[0];
  if (checks.length === 1 && only && "exec" in only.command) return ["CMD", ...only.command.exec.map(render)];
  const shell = checks.map((check) => ("exec" in check.command ? check.command.exec.map((arg) => shellQuote(render(arg))).join(" ") : render(check.command.shell)));
  return ["CMD-SHELL", shell.join(" && ")];
}

/** The slowest check's timing, so no check is cut short. */
export function healthTiming(checks: readonly PublishHealthCheck[]): HealthTiming {
  const max = (pick: (c: PublishHealthCheck) => number) => Math.max(...checks.map(pick));
  return {
    interval: `${max((c) => c.intervalSeconds)}s`,
    timeout: `${max((c) => c.timeoutSeconds)}s`,
    retries: max((c) => c.retries),
    start_period: `${max((c) => c.startPeriodSeconds)}s`,
  };
}

/** Single-quotes an argument for `sh` unless it is plainly safe. */
export function shellQuote(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", `'"'"'`)}'`;
}
