import type pg from "pg";

/** Keeps a pool at `min` connections; pg's `min` only stops idle ones from being closed, it opens none. */
export interface PoolWarmer {
  /** Settles when the first warm-up has opened its connections (or failed; failures go to `onError`). */
  readonly warmed: Promise<void>;
  stop(): void;
}

/**
 * Opens `min` connections at once and hands them back idle, then tops the pool up again whenever a
 * connection is removed (lifetime reached, error) and it falls below `min`. A failed attempt
 * (database down) is retried after `retryMs`.
 * @example const warmer = keepMinimumIdle(pool, 5, (error) => logger.warn({ error }, "warm-up failed"));
 */
export function keepMinimumIdle(pool: pg.Pool, min: number, onError: (error: Error) => void, retryMs = 5_000): PoolWarmer {
  let retry: NodeJS.Timeout | undefined;
  let running = false;
  let stopped = false;

  const topUp = async (): Promise<void> => {
    if (stopped || running || pool.ending || pool.waitingCount > 0 || pool.totalCount >= min) return;
    running = true;
    // Taking every idle connection plus the missing ones at once makes the pool open exactly those.
    const wanted = min - (pool.totalCount - pool.idleCount);
    const attempts = await Promise.allSettled(Array.from({ length: wanted }, () => pool.connect()));
    for (const attempt of attempts) if (attempt.status === "fulfilled") attempt.value.release();
    running = false;
    const failure = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    if (failure !== undefined && !stopped && !pool.ending) {
      onError(failure.reason as Error);
      retry = setTimeout(() => void topUp(), retryMs).unref();
    }
  };

  const onRemove = () => void topUp();
  pool.on("remove", onRemove);
  return {
    warmed: topUp(),
    stop() {
      stopped = true;
      clearTimeout(retry);
      pool.off("remove", onRemove);
    },
  };
}
