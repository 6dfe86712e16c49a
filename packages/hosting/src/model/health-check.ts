import type { ExpressionValue } from "./expression.js";
import type { PublishedCheck } from "./published-check.js";

/** What a health probe gets: a way to render values for a host-side client, and a deadline. */
export interface ProbeContext {
  readonly resolve: (value: ExpressionValue) => string;
  readonly signal: AbortSignal;
}

/**
 * A connection a probe check keeps open once its resource is healthy, so that each later round is
 * one round trip on it instead of a new connection and login — which costs the AppHost CPU and which
 * some servers log (RabbitMQ: three lines per connection).
 */
export interface ProbeConnection {
  /** One round trip on the connection (`SELECT 1`, `PING`); resolves when healthy, throws when not. */
  check(signal: AbortSignal): Promise<void>;
  /** Resolves when the connection ends by itself: the server closed it or went away. */
  readonly closed: Promise<void>;
  /** Ends the connection; must not wait long for a server that does not answer. */
  close(): Promise<void>;
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
      /**
       * Once the resource is healthy, rounds use a connection this opens and keep it open (see
       * ProbeConnection) instead of calling `probe`; when the connection fails or closes, the next
       * round opens a new one, and a connection that closes brings that round forward.
       */
      readonly connect?: (context: ProbeContext) => Promise<ProbeConnection>;
    };
