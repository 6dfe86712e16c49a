import { BosunError, DependencyFailedError, HealthTimeoutError } from "../errors/bosun-error.js";
import { hasConnectionString, type Resource } from "../model/resource.js";
import type { Orchestrator } from "../orchestrator/orchestrator.js";
import {
  DEPENDENCY_REASON,
  HEALTH_TIMEOUT_REASON,
  TERMINAL_STATES,
  type HealthCheckResult,
  type ResourceEvent,
  type ResourceSnapshot,
} from "../orchestrator/resource-state.js";
import type { SessionInfo } from "../runtime/resource-runtime.js";
import type { RestoreOptions, RestoreReport } from "../snapshot/restore-snapshot.js";
import type { SnapshotOptions, SnapshotReport } from "../snapshot/take-snapshot.js";

/** A started application: observe its resources, then stop it (or `await using` it). */
export class RunningApp implements AsyncDisposable {
  readonly #orchestrator: Orchestrator;
  /** Resolves when every resource is healthy, finished or failed. */
  readonly settled: Promise<void>;

  readonly #resources: readonly Resource[];
  readonly #afterStop: (() => Promise<void>) | undefined;

  constructor(
    orchestrator: Orchestrator,
    settled: Promise<void>,
    readonly session: SessionInfo,
    resources: readonly Resource[],
    /** Runs after a stop that succeeded: the session's watchdog is released. */
    afterStop?: () => Promise<void>,
  ) {
    this.#orchestrator = orchestrator;
    this.#resources = resources;
    this.settled = settled;
    this.#afterStop = afterStop;
  }

  /** The current snapshot of one resource: state, health, endpoints. */
  resource(name: string): ResourceSnapshot {
    return this.#orchestrator.states.get(name);
  }

  /**
   * The resource's connection string as a client on this machine uses it (`localhost`, the
   * published port), once the resource has started.
   * @example new pg.Client({ connectionString: app.connectionString("appdb") })
   */
  connectionString(name: string): string {
    const resource = this.#resources.find((r) => r.name === name);
    if (!resource || !hasConnectionString(resource)) {
      throw new BosunError(`resource '${name}' has no connection string; use app.resource('${name}').endpoints for its address`, { code: "CONFIGURATION" });
    }
    try {
      return this.#orchestrator.renderForHost(resource);
    } catch (error) {
      throw new BosunError(`resource '${name}' has no connection string yet (it is ${this.resource(name).state})`, { code: "CONFIGURATION", cause: error });
    }
  }

  /**
   * Stops one resource's process or container as if it had crashed, to see how the rest copes:
   * it becomes Exited (or Finished on exit code 0) until `startResource` starts it again; the others keep running.
   * @example await app.stopResource("cache"); expect(app.resource("cache").state).toBe("Exited")
   */
  async stopResource(name: string): Promise<void> {
    if (await this.#orchestrator.stopResource(name)) return;
    const { state } = this.resource(name);
    // A value (parameter, connection string, database) is Running without a process of its own.
    const why = state === "Running" ? "of its own to stop; stop the one it belongs to (a database's server, for example)" : `running to stop (it is ${state})`;
    throw new BosunError(`resource '${name}' has no process or container ${why}`, { code: "CONFIGURATION" });
  }

  /**
   * Stops one resource's process or container and starts it again, same ports and environment.
   * Its dependents keep running (and see it unhealthy meanwhile); what it depends on is left alone.
   * Resolves once the new start is healthy, finished or failed; `resource(name).restarts` counts them.
   * `why` shows in the status while it restarts (`restarting: <why>`).
   * @example await app.restartResource("auth-api"); await app.waitForHealthy("auth-api")
   */
  restartResource(name: string, why?: string): Promise<void> {
    return this.#orchestrator.restartResource(name, why);
  }

  /**
   * Starts a resource that exited, finished or failed to start (or was stopped with `stopResource`) again.
   * @example await app.stopResource("cache"); await app.startResource("cache")
   */
  startResource(name: string): Promise<void> {
    return this.#orchestrator.startResource(name);
  }

  /** When the app started (epoch ms); a snapshot's `startingAt` and `healthyAt` count from it. */
  get startedAt(): number {
    return this.#orchestrator.startedAt ?? Date.now();
  }

  /**
   * The environment variables a resource's process or container was last started with, as it saw
   * them (secret values included); undefined before its first start and for values.
   * @example expect(app.environment("api")?.["ConnectionStrings__appdb"]).toContain("Host=")
   */
  environment(name: string): Readonly<Record<string, string>> | undefined {
    return this.#orchestrator.environment(name);
  }

  /**
   * The last round of a resource's health checks (probed every few seconds once healthy);
   * undefined before the first round and for a resource without checks.
   * @example app.lastHealthCheck("postgres") // { healthy: true, at: 1764400000000 }
   */
  lastHealthCheck(name: string): HealthCheckResult | undefined {
    return this.#orchestrator.lastHealthCheck(name);
  }

  /**
   * Takes a snapshot of the resources with data volumes (all, or `options.resources`): the files
   * their integration exports while they run (PostgreSQL: a schema-only dump per database), a copy
   * of each named volume taken while its container is stopped (it is started again at once), and
   * the resolved manifest with image ids and no secret. Stored outside the repo
   * (docs/backup-restore.md); resolves with the folder, the files' sizes and checksums.
   * @example const { metadata } = await app.snapshot({ name: "before-migration" })
   */
  async snapshot(options: SnapshotOptions = {}): Promise<SnapshotReport> {
    const { snapshotApp } = await import("../snapshot/app-snapshots.js");
    return snapshotApp(this, this.#resources, options);
  }

  /**
   * Puts a snapshot back: checks every file of it and compares its images and model with the app
   * first (a damaged snapshot or a mismatch is refused before anything stops, unless `force`), then
   * stops the resources and their dependents, replaces the volumes' contents and starts them again.
   * @example await app.restore("before-migration", { resources: ["postgres"] })
   */
  async restore(name: string, options: RestoreOptions = {}): Promise<RestoreReport> {
    const { restoreApp } = await import("../snapshot/app-snapshots.js");
    return restoreApp(this, this.#resources, name, options);
  }

  /** Every resource's current snapshot. */
  resources(): ResourceSnapshot[] {
    return this.#orchestrator.states.all();
  }

  /** State and health changes from now on; ends when `signal` aborts. */
  events(signal?: AbortSignal): AsyncGenerator<ResourceEvent> {
    return this.#orchestrator.states.events(signal);
  }

  /**
   * Resolves when `name` is Running and Healthy. Rejects with DependencyFailedError when a
   * dependency kept it from starting, HealthTimeoutError when it was not healthy within its
   * start-up timeout, and a BosunError when it failed or ended otherwise.
   */
  async waitForHealthy(name: string): Promise<ResourceSnapshot> {
    const outcome = await this.#orchestrator.states.when(name, (s) => {
      if (s.state === "Running" && s.health === "Healthy") return { snapshot: s };
      const error = failureOf(s);
      return error ? { error } : undefined;
    });
    if ("error" in outcome) throw outcome.error;
    return outcome.snapshot;
  }

  /** Stops everything in reverse dependency order and removes the session's containers and network. */
  async stop(): Promise<void> {
    await this.#orchestrator.stop();
    await this.#afterStop?.();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}

/** The error a waiter gets for a resource that will not become healthy, or undefined while it still may. */
function failureOf(snapshot: ResourceSnapshot): BosunError | undefined {
  const { name, state, reason = "no reason given" } = snapshot;
  if (state === "FailedToStart" && reason.startsWith(DEPENDENCY_REASON)) return new DependencyFailedError(`resource '${name}' could not start: ${reason}`);
  if (state === "Running" && snapshot.health === "Unhealthy" && reason.startsWith(HEALTH_TIMEOUT_REASON)) return new HealthTimeoutError(`resource '${name}' is ${reason}`);
  if (TERMINAL_STATES.has(state)) return new BosunError(`resource '${name}' is ${state}: ${reason}`, { code: "RUNTIME" });
  return undefined;
}
