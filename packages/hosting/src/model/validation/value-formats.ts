/** Formats and ranges the model's values must have; shared by the rules. */

export const PORT_RANGE = "1–65535";

export function isPort(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

/** What a process environment accepts as a variable name: anything but `=` and NUL, not empty. */
export const ENVIRONMENT_NAME = /^[^=\0]+$/;

/** Exit codes a process can report. */
export function isExitCode(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 255;
}

/** A duration the orchestrator can wait for: a positive, finite number of milliseconds. */
export function isDuration(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/** Docker's rule for container and volume names (at least two characters). */
export const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
