import type { ExpressionValue } from "./expression.js";
import type { PublishedCheck } from "./published-check.js";

/** What a health probe gets: a way to render values for a host-side client, and a deadline. */
export interface ProbeContext {
  readonly resolve: (value: ExpressionValue) => string;
  readonly signal: AbortSignal;
}

/**
 * A health check the orchestrator runs from the host. `probe` resolves when healthy and throws
 * (with a reason) when not.
 */
export type HealthCheck =
  | { readonly kind: "http"; readonly name: string; readonly endpointName: string; readonly path: string; readonly statusCode: number }
  | { readonly kind: "tcp"; readonly name: string; readonly endpointName: string }
  | {
      readonly kind: "probe";
      readonly name: string;
      readonly probe: (context: ProbeContext) => Promise<void>;
      /** The same check for published targets, which cannot run the probe function. */
      readonly publishedCheck?: PublishedCheck;
    };
