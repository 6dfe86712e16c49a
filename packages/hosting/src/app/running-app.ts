import type { Orchestrator } from "../orchestrator/orchestrator.js";
import { TERMINAL_STATES, type ResourceEvent, type ResourceSnapshot } from "../orchestrator/resource-state.js";
import type { SessionInfo } from "../runtime/resource-runtime.js";

/** A started application: observe its resources, then stop it (or `await using` it). */
export class RunningApp implements AsyncDisposable {
  readonly #orchestrator: Orchestrator;
  /** Resolves when every resource is healthy, finished or failed. */
  readonly settled: Promise<void>;

  constructor(
    orchestrator: Orchestrator,
    settled: Promise<void>,
    readonly session: SessionInfo,
  ) {
    this.#orchestrator = orchestrator;
    this.settled = settled;
  }

  /** The current snapshot of one resource: state, health, endpoints. */
  resource(name: string): ResourceSnapshot {
    return this.#orchestrator.states.get(name);
  }

  /** Every resource's current snapshot. */
  resources(): ResourceSnapshot[] {
    return this.#orchestrator.states.all();
  }

  /** State and health changes from now on; ends when `signal` aborts. */
  events(signal?: AbortSignal): AsyncGenerator<ResourceEvent> {
    return this.#orchestrator.states.events(signal);
  }

  /** Resolves when `name` is Running and Healthy; rejects if it fails or exits first. */
  async waitForHealthy(name: string): Promise<ResourceSnapshot> {
    const outcome = await this.#orchestrator.states.when(name, (s) => {
      if (s.state === "Running" && s.health === "Healthy") return { snapshot: s };
      if (TERMINAL_STATES.has(s.state)) return { failure: `resource '${name}' is ${s.state}: ${s.reason ?? "no reason given"}` };
      return undefined;
    });
    if ("failure" in outcome) throw new Error(outcome.failure);
    return outcome.snapshot;
  }

  /** Stops everything in reverse dependency order and removes the session's containers and network. */
  stop(): Promise<void> {
    return this.#orchestrator.stop();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}
