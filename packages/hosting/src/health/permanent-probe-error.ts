import { BosunError } from "../errors/bosun-error.js";

/**
 * Thrown by a health probe (or an initializer) when trying again cannot help: the server rejected
 * the password, or the database does not exist. A resource that has not been healthy yet then
 * fails at once with this message instead of being probed until its start-up timeout.
 * @example throw new PermanentProbeError(`resource 'cache' rejected its password: …; set it only with addRedis("cache", { password })`)
 */
export class PermanentProbeError extends BosunError {
  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super(message, { code: "CONFIGURATION", cause: options.cause });
  }
}

/** True for a PermanentProbeError, also one thrown by another copy of this package. */
export function isPermanentProbeError(error: unknown): error is PermanentProbeError {
  return error instanceof PermanentProbeError || (error instanceof Error && error.name === PermanentProbeError.name);
}
