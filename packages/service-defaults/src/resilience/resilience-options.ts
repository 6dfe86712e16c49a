/** Retry with exponential back-off: delays of initialDelayMs · 2^(n-1), capped at maxDelayMs. */
export interface RetryOptions {
  /** Retries after the first try (so `3` means up to 4 tries). */
  readonly maxRetries: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export interface BreakerOptions {
  /** Consecutive transient failures that open the circuit. */
  readonly consecutiveFailures: number;
  /** How long an open circuit fails fast before letting one trial call through. */
  readonly halfOpenAfterMs: number;
}

export interface ResilienceOptions {
  readonly retry: RetryOptions;
  readonly breaker: BreakerOptions;
}

/** 3 retries after 2, 4 and 8 s (2^n s, capped at 30 s). */
export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, initialDelayMs: 2_000, maxDelayMs: 30_000 };
/** Opens after 5 consecutive failures, half-opens after 1 minute. */
export const DEFAULT_BREAKER: BreakerOptions = { consecutiveFailures: 5, halfOpenAfterMs: 60_000 };
export const DEFAULT_RESILIENCE: ResilienceOptions = { retry: DEFAULT_RETRY, breaker: DEFAULT_BREAKER };

/** Defaults with any part overridden, e.g. `{ breaker: { halfOpenAfterMs: 500 } }` in a test. */
export function resolveResilience(options: {
  readonly retry?: Partial<RetryOptions>;
  readonly breaker?: Partial<BreakerOptions>;
} = {}): ResilienceOptions {
  return {
    retry: { ...DEFAULT_RETRY, ...options.retry },
    breaker: { ...DEFAULT_BREAKER, ...options.breaker },
  };
}
