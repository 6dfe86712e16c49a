import { afterEach } from "vitest";
import { ParameterResource } from "../model/parameter-resource.js";
import type { Resource } from "../model/resource.js";
import type { ProbeSchedule } from "../health/backoff.js";
import { Orchestrator, type OrchestratorOptions } from "../orchestrator/orchestrator.js";
import type { ResourceEvent, ResourceSnapshot } from "../orchestrator/resource-state.js";
import type { ResourceRuntime } from "../runtime/resource-runtime.js";

/** Probes every few milliseconds, so scheduling tests take tens of milliseconds, not seconds. */
export const FAST_SCHEDULE: ProbeSchedule = {
  initialDelayMs: 5,
  factor: 1.5,
  maxStartupDelayMs: 20,
  steadyDelayMs: 10,
  probeTimeoutMs: 1_000,
};

/** Ports handed to host processes that did not fix one. */
export const FIRST_ALLOCATED_PORT = 41_000;

/** An orchestrator over fake runtimes: fast probes, parameters at their defaults, predictable ports. */
export function fakeOrchestrator(
  resources: readonly Resource[],
  runtimes: readonly ResourceRuntime[],
  options: Partial<OrchestratorOptions> = {},
): Orchestrator {
  let nextPort = FIRST_ALLOCATED_PORT;
  const parameterValues = new Map<ParameterResource, string>();
  for (const resource of resources) {
    if (resource instanceof ParameterResource) parameterValues.set(resource, resource.defaultValue ?? `${resource.name}-value`);
  }
  return new Orchestrator({
    resources,
    runtimes,
    parameterValues,
    allocatePort: async () => nextPort++,
    schedule: FAST_SCHEDULE,
    defaultStartupTimeoutMs: 2_000,
    ...options,
  });
}

/** Every state change, in order, from the moment of the call (subscribe before `start`). */
export function recordEvents(orchestrator: Orchestrator): ResourceEvent[] {
  const events: ResourceEvent[] = [];
  orchestrator.states.subscribe((event) => events.push(event));
  return events;
}

/** The distinct `state/health` steps one resource went through. */
export function stepsOf(events: readonly ResourceEvent[], name: string): string[] {
  const steps: string[] = [];
  for (const { snapshot } of events) {
    if (snapshot.name !== name) continue;
    const step = `${snapshot.state}/${snapshot.health}`;
    if (steps.at(-1) !== step) steps.push(step);
  }
  return steps;
}

/** Index of the first event where `name` matches `predicate`; -1 if none. */
export function firstIndex(events: readonly ResourceEvent[], name: string, predicate: (snapshot: ResourceSnapshot) => boolean): number {
  return events.findIndex(({ snapshot }) => snapshot.name === name && predicate(snapshot));
}

/** Rejects with `what` if `promise` has not settled within `ms`: a hang becomes a readable failure. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Stops every tracked orchestrator after each test, first releasing any start a test held, so a
 * failed assertion cannot leave stop() waiting. Returns `track` and `hold` for the tests.
 */
export function stopAfterEach(): { track: (orchestrator: Orchestrator) => Orchestrator; holds: Array<() => void> } {
  const running: Orchestrator[] = [];
  const holds: Array<() => void> = [];
  afterEach(async () => {
    for (const release of holds.splice(0)) release();
    await Promise.all(running.splice(0).map((o) => o.stop()));
  });
  return {
    track: (orchestrator) => {
      running.push(orchestrator);
      return orchestrator;
    },
    holds,
  };
}
