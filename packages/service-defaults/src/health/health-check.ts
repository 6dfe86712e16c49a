/** Extra facts a check reports when healthy, e.g. `{ users: 42 }`. */
export type HealthDetail = Readonly<Record<string, unknown>>;

/** One dependency to check; `check` resolves when healthy and rejects (with the reason) when not. */
export interface HealthCheck {
  readonly name: string;
  check(signal: AbortSignal): Promise<HealthDetail | void>;
}

export type HealthStatus = "Healthy" | "Unhealthy";

export interface HealthCheckResult {
  readonly status: HealthStatus;
  readonly durationMs: number;
  readonly detail?: HealthDetail;
  /** Why the check failed; a message, never a stack or a connection string. */
  readonly error?: string;
}

/** The body of `/health`: overall status, the failing checks by name, and each check's result. */
export interface HealthReport {
  readonly status: HealthStatus;
  readonly failing: readonly string[];
  readonly checks: Readonly<Record<string, HealthCheckResult>>;
}
