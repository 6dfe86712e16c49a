/** How long to keep trying, and how to tell time (tests pass a fake clock). */
export interface RetryOptions {
  /** Epoch ms after which no new attempt starts. */
  readonly deadline: number;
  /** Pause between attempts. */
  readonly intervalMs: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type RetryOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly attempts: number }
  | { readonly ok: false; readonly error: unknown; readonly attempts: number };

/**
 * Runs `attempt` until it resolves or the deadline passes; the last failure is returned, not
 * thrown. The watchdog uses it so an engine that is briefly unreachable (restarting, overloaded)
 * delays the clean-up instead of ending it.
 * @example const outcome = await retryUntilDeadline(() => reap(engine), { deadline: Date.now() + 60_000, intervalMs: 250 })
 */
export async function retryUntilDeadline<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<RetryOutcome<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempts = 1; ; attempts += 1) {
    try {
      return { ok: true, value: await attempt(), attempts };
    } catch (error) {
      if (now() + options.intervalMs > options.deadline) return { ok: false, error, attempts };
      await sleep(options.intervalMs);
    }
  }
}
