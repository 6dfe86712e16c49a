/** Delays between probes: fast while a resource starts, slow once it is healthy. */
export interface ProbeSchedule {
  /**
   * While starting, from the start of one probe to the start of the next (ms): first this, growing
   * by `factor` up to `maxStartupDelayMs`; a probe that takes longer is followed at once.
   */
  readonly initialDelayMs: number;
  readonly factor: number;
  readonly maxStartupDelayMs: number;
  /** Delay between probes once healthy. */
  readonly steadyDelayMs: number;
  /** Each probe's own deadline. */
  readonly probeTimeoutMs: number;
}

/**
 * While a resource starts, a probe every 100 ms at most: a refused connection costs next to nothing,
 * and every moment between a server becoming ready and a probe noticing delays what waits for it.
 */
export const DEFAULT_PROBE_SCHEDULE: ProbeSchedule = {
  initialDelayMs: 50,
  factor: 1.5,
  maxStartupDelayMs: 100,
  steadyDelayMs: 5_000,
  probeTimeoutMs: 5_000,
};

/** The next start-up delay after `previous`. */
export function nextStartupDelay(schedule: ProbeSchedule, previous: number | undefined): number {
  if (previous === undefined) return schedule.initialDelayMs;
  return Math.min(Math.round(previous * schedule.factor), schedule.maxStartupDelayMs);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** Resolves when `signal` aborts (at once if it already has). */
export function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
