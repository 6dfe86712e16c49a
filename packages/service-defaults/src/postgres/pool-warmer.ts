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
  // A connection removed during a top-up (one it held, say) asks for another round afterwards.
  let again = false;
  let stopped = false;

  const topUp = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    if (stopped || retry !== undefined || pool.ending || pool.waitingCount > 0 || pool.totalCount >= min) return;
    running = true;
    // Taking every idle connection plus the missing ones at once makes the pool open exactly those.
    const wanted = min - (pool.totalCount - pool.idleCount);
    const attempts = await Promise.allSettled(Array.from({ length: wanted }, () => hold(pool)));
    for (const attempt of attempts) if (attempt.status === "fulfilled") attempt.value();
    running = false;
    if (again) {
      again = false;
      void topUp();
      return;
    }
    const failure = attempts.find((attempt): attempt is PromiseRejectedResult => attempt.status === "rejected");
    if (failure !== undefined && !stopped && !pool.ending) {
      onError(failure.reason as Error);
      retry = setTimeout(() => {
        retry = undefined;
        void topUp();
      }, retryMs).unref();
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

/**
 * Checks a connection out; the returned function hands it back. A checked-out client has no pool
 * listener, so an error while it is held (the server shutting down) is caught here and the client
 * is destroyed instead of returned.
 */
async function hold(pool: pg.Pool): Promise<() => void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on("error", onError);
  return () => {
    client.off("error", onError);
    client.release(broken);
  };
}
