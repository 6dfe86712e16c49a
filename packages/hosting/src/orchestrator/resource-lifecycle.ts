import type { WaitAnnotation } from "../model/annotations.js";
import { environmentOf, renderArgs, renderEnvironment, renderFiles } from "../model/environment.js";
import type { ParameterResource } from "../model/parameter-resource.js";
import { hasEndpoints, type Resource } from "../model/resource.js";
import { createRuntimeResolver, resourcesIn, type AllocatedEndpoint, type ValueResolver } from "../model/value-resolver.js";
import { describeError } from "../errors/describe-error.js";
import { monitorHealth } from "../health/health-monitor.js";
import { isPermanentProbeError } from "../health/permanent-probe-error.js";
import { ProbeNudge } from "../health/probe-nudge.js";
import type { LogStream, ResourceRuntime, StartedResource } from "../runtime/resource-runtime.js";
import { nextStartupDelay, sleep, type ProbeSchedule } from "../health/backoff.js";
import type { EndpointAllocations } from "./endpoint-allocations.js";
import { planEndpoints } from "./plan-endpoints.js";
import type { StateStore } from "./state-store.js";
import { HEALTH_TIMEOUT_REASON, TERMINAL_STATES, type HealthCheckResult } from "./resource-state.js";
import { awaitWait, formatSeconds, startupTimeoutOf } from "./await-wait.js";
import { waitsOf } from "./wait-conditions.js";

export interface LifecycleOptions {
  readonly resource: Resource;
  /** The runtime that starts it; undefined for values (parameters, connection strings, databases). */
  readonly runtime: ResourceRuntime | undefined;
  readonly states: StateStore;
  readonly allocations: EndpointAllocations;
  readonly parameterValues: ReadonlyMap<ParameterResource, string>;
  readonly allocatePort: () => Promise<number>;
  readonly schedule: ProbeSchedule;
  readonly defaultStartupTimeoutMs: number;
  readonly onLog: (stream: LogStream, line: string) => void;
  readonly elapsed: () => number;
  readonly signal: AbortSignal;
}

/** Thrown inside the lifecycle to end it as FailedToStart with this reason. */
class StartFailure extends Error {}

/** One resource's way through the session: wait, start, initialize, watch health, stop. */
export class ResourceLifecycle {
  handle: StartedResource | undefined;
  /** The environment its current (or last) process or container was started with. */
  environment: Readonly<Record<string, string>> | undefined;
  lastHealthCheck: HealthCheckResult | undefined;
  readonly #o: LifecycleOptions;
  /** Ends health probing for the current start: aborted when it exits, stops or is replaced. */
  #monitor = new AbortController();
  /** Ends the current attempt's waits, initializers and probes when a restart replaces it. */
  #attempt = new AbortController();
  #signal: AbortSignal;
  /** The current attempt (wait, start, initialize, first health), settled once it is healthy or failed. */
  #current: Promise<void> = Promise.resolve();
  /** Restarts run one after another; each stops what the previous one started. */
  #replacing: Promise<void> = Promise.resolve();
  /** Each line of output brings the next start-up probe forward: it often says the server is ready. */
  readonly #nudge = new ProbeNudge();
  #stopping = false;
  /** The runtime's `start` while in flight, so `stop` can wait for it and stop what it started. */
  #starting: Promise<StartedResource> | undefined;

  constructor(options: LifecycleOptions) {
    this.#o = options;
    this.#signal = options.signal;
  }

  /** False for values (parameters, connection strings, databases): nothing of their own runs. */
  get runs(): boolean {
    return this.#o.runtime !== undefined;
  }

  get #name(): string {
    return this.#o.resource.name;
  }

  /** Resolves once the resource is healthy, finished or failed (never rejects). */
  run(): Promise<void> {
    this.#current = this.#run(undefined);
    return this.#current;
  }

  /**
   * Stops what runs now (or ends the attempt still waiting or starting) and starts it again with
   * the same endpoints; what it depends on is left alone. Resolves like `run()` for the new start.
   */
  restart(why: string): Promise<void> {
    const replaced = this.#replacing.then(() => this.#replace(why));
    this.#replacing = replaced.catch(() => {});
    return replaced.then(() => this.#current);
  }

  async #replace(why: string): Promise<void> {
    if (this.#stopping || this.#o.signal.aborted) return;
    const reason = `restarting: ${why}`;
    this.#attempt.abort();
    this.#monitor.abort();
    await this.#current;
    const previous = this.handle;
    // Its exit is not an exit of the resource: the callback on `exited` ignores a handle no longer current.
    this.handle = undefined;
    const running = previous !== undefined && !TERMINAL_STATES.has(this.#o.states.get(this.#name).state);
    if (running) this.#update({ state: "Stopping", health: "Unknown", healthyAt: undefined, reason });
    await previous?.stop();
    await previous?.exited;
    if (this.#stopping || this.#o.signal.aborted) return;
    this.#update({ restarts: this.#o.states.get(this.#name).restarts + 1, reason });
    this.#current = this.#run(previous?.endpoints ?? this.#o.allocations.peek(this.#name), reason);
  }

  async #run(keep?: ReadonlyMap<string, AllocatedEndpoint>, reason?: string): Promise<void> {
    this.#attempt = new AbortController();
    this.#monitor = new AbortController();
    this.#signal = AbortSignal.any([this.#o.signal, this.#attempt.signal]);
    const signal = this.#signal;
    try {
      await this.#waitForDependencies();
      this.#update({ state: "Starting", health: "Unknown", startingAt: this.#o.elapsed(), exitCode: undefined, healthyAt: undefined, reason });
      await this.#start(keep);
      await this.#initialize();
      await this.#watchHealth();
    } catch (error) {
      if (signal.aborted && !this.#o.signal.aborted) return;
      const reason = error instanceof StartFailure ? error.message : describeError(error);
      this.#o.allocations.fail(this.#name, `'${this.#name}' failed to start: ${reason}`);
      if (!this.#o.signal.aborted) this.#update({ state: "FailedToStart", reason });
    }
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    this.#monitor.abort();
    await this.#replacing;
    await this.#starting?.catch(() => {});
    if (!this.handle) return;
    // One that already ended (on its own, or through stopResource) keeps its state; its container is still removed.
    if (!TERMINAL_STATES.has(this.#o.states.get(this.#name).state)) this.#update({ state: "Stopping" });
    await this.handle.stop();
  }

  #update(change: Parameters<StateStore["update"]>[1]): void {
    this.#o.states.update(this.#name, change);
  }

  async #waitForDependencies(): Promise<void> {
    const { resource } = this.#o;
    const waits = waitsOf(resource);
    if (waits.length === 0) return;
    this.#update({ state: "Waiting" });
    await Promise.all(waits.map((wait) => this.#waitFor(wait)));
  }

  async #waitFor(wait: WaitAnnotation): Promise<void> {
    const result = await awaitWait(wait, { states: this.#o.states, defaultStartupTimeoutMs: this.#o.defaultStartupTimeoutMs, signal: this.#signal });
    if ("aborted" in result) throw new StartFailure("the app is stopping");
    if (!result.met) throw new StartFailure(result.reason);
  }

  /** `keep`: the endpoints of the start this one replaces, so the ports stay the same. */
  async #start(keep?: ReadonlyMap<string, AllocatedEndpoint>): Promise<void> {
    const { resource, runtime } = this.#o;
    const planned = keep ? new Map(keep) : await planEndpoints(resource, runtime?.target, this.#o.allocatePort);
    if (!runtime) {
      this.#o.allocations.set(this.#name, planned);
      this.#update({ state: "Running" });
      return;
    }
    const resolver = await this.#resolverFor(runtime.target, planned);
    // stop() may have run while this waited for others' endpoints; it would not see this start.
    if (this.#signal.aborted) throw new StartFailure("the app is stopping");
    this.environment = renderEnvironment(resource, resolver);
    this.#starting = runtime.start({
      resource,
      env: this.environment,
      args: renderArgs(resource, resolver),
      files: renderFiles(resource, resolver),
      endpoints: planned,
      onLog: (stream, line) => {
        this.#o.onLog(stream, line);
        this.#nudge.poke();
      },
      signal: this.#o.signal,
    });
    const handle = await this.#starting;
    this.handle = handle;
    this.#o.allocations.set(this.#name, handle.endpoints);
    const urls = Object.fromEntries([...handle.endpoints].map(([name, e]) => [name, `${e.scheme}://localhost:${e.hostPort}`]));
    this.#update({ state: "Running", endpoints: urls });
    const monitor = this.#monitor;
    void handle.exited.then((exitCode) => {
      monitor.abort();
      if (this.handle === handle) this.#onExit(exitCode);
    });
  }

  #onExit(exitCode: number): void {
    const reason = this.#stopping ? undefined : `exited with code ${exitCode}`;
    this.#update({ state: exitCode === 0 || this.#stopping ? "Finished" : "Exited", exitCode, reason, health: "Unknown" });
  }

  /** A renderer whose endpoint values are final: waits for every endpoint the resource's values name. */
  async #resolverFor(target: "host" | "container", own: ReadonlyMap<string, AllocatedEndpoint>): Promise<ValueResolver> {
    const { resource } = this.#o;
    const values = [...environmentOf(resource, target).values(), ...resource.annotationsOf("args").flatMap((a) => a.args)];
    const others = new Set(values.flatMap(resourcesIn).filter((r) => r !== resource && hasEndpoints(r)));
    try {
      await Promise.all([...others].map((other) => this.#o.allocations.whenAllocated(other.name)));
    } catch (error) {
      throw new StartFailure(describeError(error));
    }
    return createRuntimeResolver(target, {
      endpoint: (reference) => (reference.resource === resource ? own.get(reference.endpointName)! : this.#o.allocations.get(reference)),
      parameter: (parameter) => this.#parameterValue(parameter),
    });
  }

  #parameterValue(parameter: ParameterResource): string {
    const value = this.#o.parameterValues.get(parameter);
    if (value === undefined) throw new StartFailure(`parameter '${parameter.name}' has no value; set ${parameter.configKey}`);
    return value;
  }

  #hostResolver(): ValueResolver {
    return createRuntimeResolver("host", {
      endpoint: (reference) => this.#o.allocations.get(reference),
      parameter: (parameter) => this.#parameterValue(parameter),
    });
  }

  /** Runs initializers (CREATE DATABASE …), retrying on the start-up schedule until they succeed. */
  async #initialize(): Promise<void> {
    const resolver = this.#hostResolver();
    for (const initializer of this.#o.resource.annotationsOf("initializer")) {
      const deadline = Date.now() + startupTimeoutOf(this.#o.resource, this.#o.defaultStartupTimeoutMs);
      for (let delay: number | undefined; ; ) {
        try {
          await initializer.run({ resolve: (v) => resolver.render(v), signal: this.#signal });
          break;
        } catch (error) {
          const givingUp = Date.now() > deadline || this.#signal.aborted || isPermanentProbeError(error);
          if (givingUp) throw new StartFailure(`${initializer.description} failed: ${describeError(error)}`);
          delay = nextStartupDelay(this.#o.schedule, delay);
          await sleep(delay, this.#signal);
        }
      }
    }
  }

  /**
   * Resolves when first healthy (or at once without checks), or when the start-up timeout is over
   * (the resource stays Unhealthy, with the reason); keeps probing in the background either way.
   * A check that fails permanently before the first healthy round (a rejected password) ends the
   * start at once as FailedToStart with its reason, and probing with it.
   */
  async #watchHealth(): Promise<void> {
    const checks = this.#o.resource.annotationsOf("health-check").map((a) => a.check);
    if (checks.length === 0) {
      // A job may already have exited (Finished/Exited): it is not "healthy" then.
      if (this.#o.states.get(this.#name).state === "Running") this.#update({ health: "Healthy", healthyAt: this.#o.elapsed() });
      return;
    }
    const resolver = this.#hostResolver();
    let permanentFailure: string | undefined;
    const firstHealthy = new Promise<void>((resolve) => {
      void monitorHealth({
        checks,
        schedule: this.#o.schedule,
        nudge: this.#nudge,
        signal: AbortSignal.any([this.#monitor.signal, this.#signal]),
        context: {
          endpoint: (name) => this.#o.allocations.peek(this.#name)?.get(name),
          resolve: (value) => resolver.render(value),
        },
        onResult: (healthy, reason, permanent) => {
          this.lastHealthCheck = { healthy, ...(reason === undefined ? {} : { reason }), at: Date.now() };
          const current = this.#o.states.get(this.#name);
          if (current.state !== "Running") return resolve();
          const health = healthy ? "Healthy" : "Unhealthy";
          if (current.health !== health || current.reason !== reason) {
            this.#update({ health, reason, ...(healthy && current.healthyAt === undefined ? { healthyAt: this.#o.elapsed() } : {}) });
          }
          if (healthy) resolve();
          if (permanent && current.healthyAt === undefined) {
            permanentFailure = reason;
            resolve();
            this.#monitor.abort();
          }
        },
      }).finally(() => resolve());
    });
    const timeoutMs = startupTimeoutOf(this.#o.resource, this.#o.defaultStartupTimeoutMs);
    const timedOut = sleep(timeoutMs, this.#monitor.signal).then(() => "timeout" as const);
    const outcome = await Promise.race([firstHealthy, timedOut]);
    if (permanentFailure !== undefined) throw new StartFailure(permanentFailure);
    if (outcome !== "timeout" || this.#monitor.signal.aborted) return;
    const last = this.#o.states.get(this.#name).reason ?? "no health check has passed yet";
    this.#update({ health: "Unhealthy", reason: `${HEALTH_TIMEOUT_REASON} ${formatSeconds(timeoutMs)}: ${last}` });
  }
}
