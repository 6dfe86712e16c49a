import type { ConfirmChannel } from "amqplib";
import { connectionStringVariable, type Environment } from "../connection-strings/connection-string.js";
import { amqpUrl } from "../connection-strings/amqp-url.js";
import { ServiceDefaultsError } from "../errors/service-defaults-error.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { describeError } from "../resilience/describe-error.js";
import type { AmqpConnection } from "./amqp-connection.js";
import { ManagedAmqpConnection } from "./managed-amqp-connection.js";

export interface ConnectAmqpOptions {
  readonly logger: LoggerLike;
  readonly env?: Environment;
  /** Declares exchanges and queues; runs on every (re)connect. */
  readonly setup?: (channel: ConfirmChannel) => Promise<void>;
  /** How long to keep trying the first connection; default 60 s. */
  readonly startupTimeoutMs?: number;
  /** Per attempt; default 10 s. */
  readonly connectTimeoutMs?: number;
  /** How long a publish waits for the broker's confirm; default 5 s. */
  readonly publishTimeoutMs?: number;
  /** Reconnect back-off: doubles from `initialDelayMs` (500 ms) up to `maxDelayMs` (30 s). */
  readonly reconnect?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number };
}

/**
 * Connects to the broker injected as `ConnectionStrings__<name>`, retrying with back-off until
 * `startupTimeoutMs`; afterwards a lost connection is re-established by itself.
 * @example const bus = await connectAmqp("messaging", { logger, setup: (ch) => ch.assertExchange("events", "topic").then(() => {}) });
 */
export async function connectAmqp(name: string, options: ConnectAmqpOptions): Promise<AmqpConnection> {
  const initialDelayMs = options.reconnect?.initialDelayMs ?? 500;
  const connection = new ManagedAmqpConnection({
    name,
    url: amqpUrl(name, options.env),
    logger: options.logger,
    ...(options.setup ? { setup: options.setup } : {}),
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    publishTimeoutMs: options.publishTimeoutMs ?? 5_000,
    reconnectInitialDelayMs: initialDelayMs,
    reconnectMaxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
  });
  const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await connection.open();
      return connection;
    } catch (error) {
      const delayMs = Math.min(initialDelayMs * 2 ** (attempt - 1), 5_000);
      if (Date.now() + delayMs > deadline) {
        throw new ServiceDefaultsError(
          `cannot connect to broker '${name}' (${connectionStringVariable(name)}) after ${attempt} attempts: ${describeError(error)}; ` +
            "check that it is running and that the AppHost waits for it (.waitFor(messaging))",
          { code: "DEPENDENCY_UNAVAILABLE", cause: error },
        );
      }
      options.logger.warn({ dependency: name, attempt }, `broker '${name}': connection attempt ${attempt} failed: ${describeError(error)}; retrying in ${delayMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
