import { setMaxListeners } from "node:events";
import type { EnvironmentValue } from "../model/annotations.js";
import type { Resource } from "../model/resource.js";
import { createRuntimeResolver } from "../model/value-resolver.js";
import type { ParameterResource } from "../model/parameter-resource.js";
import type { LogStream, ResourceRuntime, StartedResource } from "../runtime/resource-runtime.js";
import { DEFAULT_PROBE_SCHEDULE, type ProbeSchedule } from "../health/backoff.js";
import { EndpointAllocations } from "./endpoint-allocations.js";
import { dependentsOf } from "./dependency-graph.js";
import { tellDependentsOfExits } from "./dependency-notices.js";
import { ResourceLifecycle } from "./resource-lifecycle.js";
import { StateStore } from "./state-store.js";
import { TERMINAL_STATES, type HealthCheckResult } from "./resource-state.js";
import { BosunError } from "../errors/bosun-error.js";

export interface OrchestratorOptions {
  readonly resources: readonly Resource[];
  readonly runtimes: readonly ResourceRuntime[];
  /** Every parameter's value, resolved before anything starts. */
  readonly parameterValues: ReadonlyMap<ParameterResource, string>;
  /** A free port on the host, for host processes whose port is not fixed. */
  readonly allocatePort: () => Promise<number>;
  readonly schedule?: ProbeSchedule;
  /** How long a resource may take to become healthy before its dependents fail. */
  readonly defaultStartupTimeoutMs?: number;
  readonly onLog?: (resource: string, stream: LogStream, line: string) => void;
  readonly now?: () => number;
}

export const DEFAULT_STARTUP_TIMEOUT_MS = 180_000;

/**
 * Starts every resource at once; each waits only for its own dependencies against the stream of
 * states, so a resource starts the moment what it needs is ready. Stops in reverse order.
 */
export class Orchestrator {
  readonly states: StateStore;
  readonly #options: OrchestratorOptions;
  readonly #allocations = new EndpointAllocations();
  readonly #abort = new AbortController();
  readonly #lifecycles = new Map<string, ResourceLifecycle>();
  #stopping: Promise<void> | undefined;
  #startedAt: number | undefined;

  constructor(options: OrchestratorOptions) {
    this.#options = options;
    // Every waiting resource, probe and back-off listens to this one signal.
    setMaxListeners(0, this.#abort.signal);
    this.states = new StateStore(options.resources.map((r) => r.name));
    tellDependentsOfExits(this.states, options.resources);
  }

  get allocations(): EndpointAllocations {
    return this.#allocations;
  }

  /** Launches every resource; resolves when each is healthy, finished or failed. */
  async start(): Promise<void> {
    const { resources, runtimes } = this.#options;
    const startedAt = (this.#options.now ?? Date.now)();
    this.#startedAt = startedAt;
    // Runtimes open (a session network) while resources wait for their dependencies and prepare;
    // each runtime's start waits for its own opening before it needs it.
    const opening = Promise.all(runtimes.map((runtime) => runtime.open?.()));
    for (const resource of resources) {
      const lifecycle = new ResourceLifecycle({
        resource,
        runtime: runtimes.find((r) => r.supports(resource)),
        states: this.states,
        allocations: this.#allocations,
        parameterValues: this.#options.parameterValues,
        allocatePort: this.#options.allocatePort,
        schedule: this.#options.schedule ?? DEFAULT_PROBE_SCHEDULE,
        defaultStartupTimeoutMs: this.#options.defaultStartupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS,
        onLog: (stream, line) => this.#options.onLog?.(resource.name, stream, line),
        elapsed: () => (this.#options.now ?? Date.now)() - startedAt,
        signal: this.#abort.signal,
      });
      this.#lifecycles.set(resource.name, lifecycle);
    }
    await Promise.all([opening, ...[...this.#lifecycles.values()].map((l) => l.run())]);
  }

  /** When `start()` was called (epoch ms; `now` if given); snapshots' `startingAt` count from it. */
  get startedAt(): number | undefined {
    return this.#startedAt;
  }

  /** The environment a resource's process or container was last started with; undefined before its first start. */
  environment(name: string): Readonly<Record<string, string>> | undefined {
    return this.#lifecycles.get(name)?.environment;
  }

  /** The last round of its health checks; undefined before the first (or without checks). */
  lastHealthCheck(name: string): HealthCheckResult | undefined {
    return this.#lifecycles.get(name)?.lastHealthCheck;
  }

  /** The runtime handle of a started resource, if it started. */
  handle(name: string): StartedResource | undefined {
    return this.#lifecycles.get(name)?.handle;
  }

  /** Renders a value as a process on the host sees it, from what has been allocated so far. */
  renderForHost(value: EnvironmentValue): string {
    return createRuntimeResolver("host", {
      endpoint: (reference) => this.#allocations.get(reference),
      parameter: (parameter) => {
        const known = this.#options.parameterValues.get(parameter);
        if (known === undefined) throw new Error(`parameter '${parameter.name}' has no value`);
        return known;
      },
    }).render(value);
  }

  /**
   * Stops one resource's process or container as if it had crashed: its exit is recorded like any
   * other (Exited with the code, Finished on 0) before this resolves. False if it never started one.
   */
  async stopResource(name: string): Promise<boolean> {
    const handle = this.handle(name);
    if (!handle) return false;
    // Not the lifecycle's stop(): that marks the exit as intended, and a crash is not.
    await handle.stop();
    // The lifecycle's callback on `exited` was registered first, so the exit is recorded by now.
    await handle.exited;
    return true;
  }

  /**
   * Stops one resource's process or container and starts it again with the same ports and
   * environment; its dependents keep running and see it unhealthy meanwhile. What it depends on is
   * not restarted. Resolves once the new start is healthy, finished or failed.
   */
  restartResource(name: string, why = "restart requested"): Promise<void> {
    return this.#runnable(name).restart(why);
  }

  /** Starts a resource that exited, finished or failed to start again, like `restartResource`. */
  startResource(name: string): Promise<void> {
    const lifecycle = this.#runnable(name);
    const { state } = this.states.get(name);
    if (!TERMINAL_STATES.has(state)) {
      throw new BosunError(`resource '${name}' is ${state}, not stopped; use restartResource('${name}') to start it again`, { code: "CONFIGURATION" });
    }
    return lifecycle.restart("start requested");
  }

  #runnable(name: string): ResourceLifecycle {
    const lifecycle = this.#lifecycles.get(name);
    if (!lifecycle) throw new BosunError(`no resource named '${name}'; the resources are ${[...this.#lifecycles.keys()].join(", ")}`, { code: "CONFIGURATION" });
    if (!lifecycle.runs) {
      throw new BosunError(`resource '${name}' has no process or container of its own; restart the one it belongs to (a database's server, for example)`, { code: "CONFIGURATION" });
    }
    return lifecycle;
  }

  /** Stops dependents before what they depend on, then closes the runtimes. Safe to call twice. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stopAll();
    return this.#stopping;
  }

  async #stopAll(): Promise<void> {
    this.#abort.abort();
    const { resources, runtimes } = this.#options;
    const dependents = dependentsOf(resources);
    const stopped = new Map<Resource, Promise<void>>();
    // References may form cycles (two services that call each other); a cycle is stopped together.
    const visiting = new Set<Resource>();
    const stopOne = (resource: Resource): Promise<void> => {
      if (visiting.has(resource)) return Promise.resolve();
      let done = stopped.get(resource);
      if (!done) {
        visiting.add(resource);
        const first = (dependents.get(resource) ?? []).map(stopOne);
        visiting.delete(resource);
        done = Promise.all(first).then(() => this.#lifecycles.get(resource.name)?.stop());
        stopped.set(resource, done);
      }
      return done;
    };
    await Promise.all(resources.map(stopOne));
    for (const runtime of runtimes) await runtime.close?.();
  }
}
