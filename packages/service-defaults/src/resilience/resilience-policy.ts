import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  noJitterGenerator,
  retry,
  wrap,
} from "cockatiel";
import { DependencyUnavailableError } from "../errors/service-defaults-error.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { describeError } from "./describe-error.js";
import type { ResilienceOptions } from "./resilience-options.js";

export type CircuitStateName = "closed" | "open" | "half-open" | "isolated";

/** Retry (outer) around a circuit breaker (inner): an open circuit is never retried, so calls fail fast. */
export interface ResiliencePolicy {
  execute<T>(fn: () => Promise<T>): Promise<T>;
  readonly circuitState: CircuitStateName;
}

export interface ResiliencePolicyOptions extends ResilienceOptions {
  /** What is being protected, for log lines and errors: `database 'ecommercedb'`. */
  readonly dependency: string;
  readonly what: string;
  readonly isTransient: (error: unknown) => boolean;
  readonly logger: LoggerLike;
}

const STATE_NAMES: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "isolated",
};

/**
 * Builds the cockatiel policies and logs every transition: each retry, giving up, the circuit opening,
 * half-opening and closing. Errors `isTransient` rejects (SQL errors) pass straight through.
 * @example const policy = createResiliencePolicy({ ...DEFAULT_RESILIENCE, dependency: "db", what: "database 'db'", isTransient, logger });
 */
export function createResiliencePolicy(options: ResiliencePolicyOptions): ResiliencePolicy {
  const { logger, what, retry: retryOptions, breaker: breakerOptions } = options;
  const handled = handleWhen(options.isTransient);
  const retryPolicy = retry(handled, {
    maxAttempts: retryOptions.maxRetries,
    backoff: new ExponentialBackoff({
      generator: noJitterGenerator,
      initialDelay: retryOptions.initialDelayMs,
      maxDelay: retryOptions.maxDelayMs,
    }),
  });
  const breaker = circuitBreaker(handled, {
    halfOpenAfter: breakerOptions.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(breakerOptions.consecutiveFailures),
  });

  retryPolicy.onRetry((event) => {
    const reason = "error" in event ? describeError(event.error) : "unexpected result";
    logger.warn({ dependency: options.dependency, attempt: event.attempt, delayMs: event.delay }, `${what}: ${reason}; retry ${event.attempt} of ${retryOptions.maxRetries} in ${event.delay} ms`);
  });
  retryPolicy.onGiveUp((event) => {
    if ("error" in event && !(event.error instanceof BrokenCircuitError)) {
      logger.error({ dependency: options.dependency }, `${what}: giving up after ${tries(retryOptions.maxRetries + 1)}: ${describeError(event.error)}`);
    }
  });
  breaker.onBreak(() => {
    logger.error({ dependency: options.dependency, circuit: "open" }, `${what}: circuit opened after ${breakerOptions.consecutiveFailures} consecutive failures; failing fast for ${breakerOptions.halfOpenAfterMs} ms`);
  });
  breaker.onHalfOpen(() => logger.info({ dependency: options.dependency, circuit: "half-open" }, `${what}: circuit half-open; letting one call through`));
  breaker.onReset(() => logger.info({ dependency: options.dependency, circuit: "closed" }, `${what}: circuit closed; calls flow again`));

  const policy = wrap(retryPolicy, breaker);
  return {
    async execute<T>(fn: () => Promise<T>): Promise<T> {
      try {
        return await policy.execute(fn);
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new DependencyUnavailableError(options.dependency, `${what} is unavailable: its circuit is open after repeated connection failures; try again shortly`, error);
        }
        throw error;
      }
    },
    get circuitState() {
      return STATE_NAMES[breaker.state];
    },
  };
}

function tries(count: number): string {
  return count === 1 ? "1 try" : `${count} tries`;
}
