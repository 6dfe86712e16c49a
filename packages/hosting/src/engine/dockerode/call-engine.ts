import { engineMessage, engineStatusCode, toEngineError, type EngineOperation } from "../engine-error.js";

/** Runs one engine call and turns its failure into a BosunError naming the operation. */
export async function callEngine<T>(operation: EngineOperation, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw toEngineError(error, operation);
  }
}

/**
 * Like callEngine, for calls whose listed HTTP statuses mean the goal is already reached
 * (304 already stopped, 404 already gone, 409 removal in progress).
 */
export async function callEngineIdempotent(
  operation: EngineOperation,
  alreadyDone: readonly number[],
  action: () => Promise<unknown>,
  isAlreadyDone: (error: unknown) => boolean = () => false,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    const status = engineStatusCode(error);
    if ((status !== undefined && alreadyDone.includes(status)) || isAlreadyDone(error)) return;
    throw toEngineError(error, operation);
  }
}

/** Runs an inspect-like call; a 404 becomes undefined. */
export async function callEngineOptional<T>(operation: EngineOperation, action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    if (engineStatusCode(error) === 404) return undefined;
    throw toEngineError(error, operation);
  }
}

/**
 * Podman answers a signal for a container that is not running with HTTP 500 "container state
 * improper" where Docker says 409.
 */
export function isNotRunning(error: unknown): boolean {
  return engineStatusCode(error) === 500 && /container state improper/.test(engineMessage(error));
}
