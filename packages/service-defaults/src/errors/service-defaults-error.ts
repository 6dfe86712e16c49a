/** Codes callers branch on without parsing text. */
export type ServiceDefaultsErrorCode =
  /** A connection string or setting the AppHost should have injected is missing or malformed. */
  | "CONFIGURATION"
  /** A dependency (database, cache, broker) cannot be reached right now; try again later. */
  | "DEPENDENCY_UNAVAILABLE";

/** The one error class of @bosun/service-defaults: a message that names the variable or dependency and the fix. */
export class ServiceDefaultsError extends Error {
  readonly code: ServiceDefaultsErrorCode;

  constructor(message: string, options: { readonly code: ServiceDefaultsErrorCode; readonly cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
  }
}

/** A dependency is down or its circuit breaker is open: answer 503 rather than 500. */
export class DependencyUnavailableError extends ServiceDefaultsError {
  /** The dependency's connection name, e.g. `ecommercedb`. */
  readonly dependency: string;

  constructor(dependency: string, message: string, cause?: unknown) {
    super(message, { code: "DEPENDENCY_UNAVAILABLE", cause });
    this.dependency = dependency;
  }
}
