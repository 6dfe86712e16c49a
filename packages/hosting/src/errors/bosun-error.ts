/** Every error bosun throws carries one of these codes, so callers can branch without parsing text. */
export type BosunErrorCode =
  | "VALIDATION"
  | "IMAGE_NOT_AVAILABLE"
  | "PORT_IN_USE"
  | "ENGINE_UNREACHABLE"
  | "HEALTH_TIMEOUT"
  | "DEPENDENCY_FAILED"
  | "CONFIGURATION"
  | "RUNTIME"
  /** A snapshot that is incomplete or altered: restore refused it before stopping anything. */
  | "SNAPSHOT_INVALID"
  /** A snapshot taken with another image or model than the app has now (restore --force takes it anyway). */
  | "SNAPSHOT_MISMATCH";

export interface BosunErrorOptions {
  readonly code: BosunErrorCode;
  readonly cause?: unknown;
}

/** The one base class of bosun's errors: a message that names the resource and the fix, a code, a cause. */
export class BosunError extends Error {
  readonly code: BosunErrorCode;

  constructor(message: string, options: BosunErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    hideFromPrinting(this, "code");
  }
}

/**
 * Keeps a field readable but out of Node's printout of an uncaught error, which would otherwise
 * repeat every problem after the message.
 */
function hideFromPrinting(error: Error, field: string): void {
  Object.defineProperty(error, field, { enumerable: false });
}

/** One problem of an application model: what is wrong and the fix, and where the user's code asked for it. */
export interface ValidationProblem {
  readonly message: string;
  /** `file:line:column` of the user's call (`apphost/index.ts:3:9`), when it is outside bosun's own packages. */
  readonly location?: string;
  /** The builder method called there, e.g. `addRedis`. */
  readonly method?: string;
}

/**
 * The application model is invalid; `problems` lists every one found, each naming its resource,
 * and `details` adds where the user's code caused each one.
 */
export class ValidationError extends BosunError {
  readonly problems: readonly string[];
  readonly details: readonly ValidationProblem[];

  constructor(problems: readonly (string | ValidationProblem)[]) {
    const details = problems.map((p) => (typeof p === "string" ? { message: p } : p));
    const heading = details.length === 1 ? "1 problem" : `${details.length} problems`;
    super(`the application model has ${heading}:\n${details.map(formatProblem).join("\n")}`, { code: "VALIDATION" });
    this.problems = details.map((p) => p.message);
    this.details = details;
    hideFromPrinting(this, "problems");
    hideFromPrinting(this, "details");
  }
}

function formatProblem(problem: ValidationProblem): string {
  const line = `  - ${problem.message}`;
  if (problem.location === undefined) return line;
  return `${line}\n    (${problem.method ? `${problem.method} at ` : ""}${problem.location})`;
}

/** No Docker engine answered at any of the places bosun looked. */
export class EngineUnreachableError extends BosunError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "ENGINE_UNREACHABLE", cause });
  }
}

/** An image is neither present locally nor pullable. */
export class ImageNotAvailableError extends BosunError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "IMAGE_NOT_AVAILABLE", cause });
  }
}

/** A host port a resource asked for is already taken. */
export class PortInUseError extends BosunError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "PORT_IN_USE", cause });
  }
}

/** A resource's health checks did not pass within its timeout. */
export class HealthTimeoutError extends BosunError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "HEALTH_TIMEOUT", cause });
  }
}

/** A resource could not start because one it waits for failed. */
export class DependencyFailedError extends BosunError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "DEPENDENCY_FAILED", cause });
  }
}
