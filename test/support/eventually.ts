/**
 * Retries `probe` until it resolves or `timeoutMs` passes, then throws with the last failure.
 * Each probe must bound its own duration (connect timeouts, AbortSignal.timeout): a published
 * port can accept a connection long before the server behind it answers.
 */
export async function eventually<T>(what: string, timeoutMs: number, probe: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delayMs = 50;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() + delayMs > deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${what} did not succeed within ${timeoutMs / 1000} s; last error: ${reason}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 500);
    }
  }
}
