/** Where a resource is in its life. Health is tracked separately. */
export type ResourceState =
  | "NotStarted"
  | "Waiting"
  | "Starting"
  | "Running"
  | "FailedToStart"
  | "Exited"
  | "Finished"
  | "Stopping";

export type HealthStatus = "Unknown" | "Healthy" | "Unhealthy";

/** A resource as observed at one moment. */
export interface ResourceSnapshot {
  readonly name: string;
  readonly state: ResourceState;
  readonly health: HealthStatus;
  /** Why it failed, exited or is unhealthy. */
  readonly reason?: string;
  readonly exitCode?: number;
  /** Endpoint name → URL reachable from the host. */
  readonly endpoints: Readonly<Record<string, string>>;
  /** Milliseconds since the app started, when it entered Starting / first became healthy. */
  readonly startingAt?: number;
  readonly healthyAt?: number;
  /** How many times it was started again (restartResource, startResource, a watched change). */
  readonly restarts: number;
}

/** The last round of a resource's health checks: all passed, or the first failing one's reason. */
export interface HealthCheckResult {
  readonly healthy: boolean;
  /** `health check 'NAME' failed: …` when one failed. */
  readonly reason?: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Emitted on every change of a resource's state, health or endpoints. */
export interface ResourceEvent {
  readonly snapshot: ResourceSnapshot;
  readonly previous: ResourceSnapshot;
}

/** States in which a resource has ended; it runs again only through startResource or restartResource. */
export const TERMINAL_STATES: ReadonlySet<ResourceState> = new Set(["FailedToStart", "Exited", "Finished"]);

/** How a reason starts when a resource failed because of a dependency, or never got healthy in time. */
export const DEPENDENCY_REASON = "dependency '";
export const HEALTH_TIMEOUT_REASON = "not healthy within";
