import type { WaitAnnotation } from "../model/annotations.js";
import type { Resource } from "../model/resource.js";
import { sleep, whenAborted } from "../health/backoff.js";
import { DEPENDENCY_REASON } from "./resource-state.js";
import type { StateStore } from "./state-store.js";
import { evaluateWait } from "./wait-conditions.js";

export interface AwaitWaitOptions {
  readonly states: StateStore;
  readonly defaultStartupTimeoutMs: number;
  /** The attempt's signal: the app stopping, or a restart replacing the attempt. */
  readonly signal: AbortSignal;
}

/** How one wait edge ended: met, failed with a reason, or cut short by `signal`. */
export type WaitResult = { readonly met: true } | { readonly met: false; readonly reason: string } | { readonly aborted: true };

/** Waits until `wait` is met or failed (or its target's start-up timeout passed). */
export async function awaitWait(wait: WaitAnnotation, options: AwaitWaitOptions): Promise<WaitResult> {
  // Ends this wait's listeners and timer once it is decided (or the attempt ends).
  const decided = new AbortController();
  const stop = () => decided.abort();
  options.signal.addEventListener("abort", stop, { once: true });
  try {
    return await decide(wait, options, decided.signal);
  } finally {
    decided.abort();
    options.signal.removeEventListener("abort", stop);
  }
}

async function decide(wait: WaitAnnotation, options: AwaitWaitOptions, signal: AbortSignal): Promise<WaitResult> {
  const { states } = options;
  const target = wait.target.name;
  const timeoutMs = startupTimeoutOf(wait.target, options.defaultStartupTimeoutMs);
  const outcome = states.when(target, (snapshot) => evaluateWait(wait, snapshot), signal);
  // The clock starts when the target starts, not while it still waits for its own dependencies.
  const targetStarted = states.when(target, (s) => (s.state === "NotStarted" || s.state === "Waiting" ? undefined : true), signal);
  const timedOut = Promise.race([targetStarted, whenAborted(signal)])
    .then(() => sleep(timeoutMs, signal))
    .then(() => "timeout" as const);
  const result = await Promise.race([outcome, timedOut]);
  if (options.signal.aborted) return { aborted: true };
  if (result === "timeout") {
    const last = states.get(target).reason ?? "no health check has passed yet";
    return { met: false, reason: `${DEPENDENCY_REASON}${target}' did not become ${wait.kind} within ${formatSeconds(timeoutMs)}: ${last}` };
  }
  return result.met ? result : { met: false, reason: `${DEPENDENCY_REASON}${target}' ${result.failure}` };
}

export function startupTimeoutOf(resource: Resource, fallbackMs: number): number {
  return resource.lastAnnotationOf("startup-timeout")?.milliseconds ?? fallbackMs;
}

export function formatSeconds(milliseconds: number): string {
  return milliseconds < 10_000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${Math.round(milliseconds / 1000)} s`;
}
