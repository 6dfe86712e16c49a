/** Every error bosun throws carries one of these codes, so callers can branch without parsing text. */
export type BosunErrorCode =
  | "VALIDATION"
  | "IMAGE_NOT_AVAILABLE"
  | "PORT_IN_USE"
  | "ENGINE_UNREACHABLE"
  | "HEALTH_TIMEOUT"
  | "DEPENDENCY_FAILED"
  | "CONFIGURATION"
  | "RUNTIME";

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

/** The application model is invalid; `problems` lists every one found, each naming its resource. */
export class ValidationError extends BosunError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const heading = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`the application model has ${heading}:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
      code: "VALIDATION",
    });
    this.problems = problems;
    hideFromPrinting(this, "problems");
  }
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
