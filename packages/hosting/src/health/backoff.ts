/** Delays between probes: fast while a resource starts, slow once it is healthy. */
export interface ProbeSchedule {
  /** First delay while starting (ms); grows by `factor` up to `maxStartupDelayMs`. */
  readonly initialDelayMs: number;
  readonly factor: number;
  readonly maxStartupDelayMs: number;
  /** Delay between probes once healthy. */
  readonly steadyDelayMs: number;
  /** Each probe's own deadline. */
  readonly probeTimeoutMs: number;
}

export const DEFAULT_PROBE_SCHEDULE: ProbeSchedule = {
  initialDelayMs: 50,
  factor: 1.5,
  maxStartupDelayMs: 1_000,
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
