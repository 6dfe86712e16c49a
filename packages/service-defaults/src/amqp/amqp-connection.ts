import type { Options } from "amqplib";

/** A broker connection that reconnects by itself; publishing while it is down fails fast. */
export interface AmqpConnection {
  /** The connection name (`messaging`). */
  readonly name: string;
  readonly isConnected: boolean;
  /** Why the last connection attempt or connection failed, for health reports. */
  readonly lastError: string | undefined;
  /**
   * Publishes `message` as persistent JSON and waits for the broker's confirm. Throws
   * DependencyUnavailableError while disconnected.
   */
  publish(exchange: string, routingKey: string, message: unknown, options?: Options.Publish): Promise<void>;
  close(): Promise<void>;
}
