import amqp from "amqplib";
import type { ChannelModel, ConfirmChannel, Options } from "amqplib";
import { DependencyUnavailableError } from "../errors/service-defaults-error.js";
import type { LoggerLike } from "../logging/logger-like.js";
import { describeError } from "../resilience/describe-error.js";
import type { AmqpConnection } from "./amqp-connection.js";

export interface ManagedAmqpSettings {
  readonly name: string;
  readonly url: string;
  readonly logger: LoggerLike;
  /** Declares exchanges and queues; runs on every (re)connect. */
  readonly setup?: (channel: ConfirmChannel) => Promise<void>;
  readonly connectTimeoutMs: number;
  readonly publishTimeoutMs: number;
  readonly reconnectInitialDelayMs: number;
  readonly reconnectMaxDelayMs: number;
}

/** One amqplib connection with one confirm channel, replaced with back-off whenever either closes. */
export class ManagedAmqpConnection implements AmqpConnection {
  #model: ChannelModel | undefined;
  #channel: ConfirmChannel | undefined;
  #closing = false;
  #failedReconnects = 0;
  #timer: NodeJS.Timeout | undefined;
  #lastError: string | undefined;
  readonly #what: string;

  constructor(private readonly settings: ManagedAmqpSettings) {
    this.#what = `broker '${settings.name}' (${new URL(settings.url).host})`;
  }

  get name(): string {
    return this.settings.name;
  }

  get isConnected(): boolean {
    return this.#channel !== undefined;
  }

  get lastError(): string | undefined {
    return this.#lastError;
  }

  /** One connection attempt; on success the connection watches itself and reconnects when lost. */
  async open(): Promise<void> {
    const model = await amqp.connect(this.settings.url, { timeout: this.settings.connectTimeoutMs });
    try {
      model.on("error", (error: unknown) => this.#noteError(error));
      model.on("close", () => this.#lost(model));
      const channel = await model.createConfirmChannel();
      // A channel the broker closed (e.g. a publish to a missing exchange) is replaced with the connection.
      channel.on("error", (error: unknown) => this.#noteError(error));
      channel.on("close", () => void model.close().catch(() => {}));
      await this.settings.setup?.(channel);
      this.#model = model;
      this.#channel = channel;
      this.#lastError = undefined;
    } catch (error) {
      await model.close().catch(() => {});
      throw error;
    }
  }

  publish(exchange: string, routingKey: string, message: unknown, options: Options.Publish = {}): Promise<void> {
    const channel = this.#channel;
    if (channel === undefined) {
      return Promise.reject(new DependencyUnavailableError(this.name, `${this.#what} is not connected; the event was not published`));
    }
    const content = Buffer.from(JSON.stringify(message));
    const publishOptions = { persistent: true, contentType: "application/json", timestamp: Math.floor(Date.now() / 1000), ...options };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new DependencyUnavailableError(this.name, `${this.#what} did not confirm the message within ${this.settings.publishTimeoutMs} ms`)),
        this.settings.publishTimeoutMs,
      );
      channel.publish(exchange, routingKey, content, publishOptions, (error) => {
        clearTimeout(timer);
        if (error) reject(new DependencyUnavailableError(this.name, `${this.#what} rejected the message`, error));
        else resolve();
      });
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
    clearTimeout(this.#timer);
    const model = this.#model;
    this.#model = this.#channel = undefined;
    await model?.close().catch(() => {});
  }

  #noteError(error: unknown): void {
    this.#lastError = describeError(error);
    this.settings.logger.warn({ dependency: this.name }, `${this.#what}: ${this.#lastError}`);
  }

  #lost(model: ChannelModel): void {
    if (this.#model !== model) return;
    this.#model = this.#channel = undefined;
    if (this.#closing) return;
    this.settings.logger.warn({ dependency: this.name }, `${this.#what}: connection lost; reconnecting`);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const { reconnectInitialDelayMs: initial, reconnectMaxDelayMs: max } = this.settings;
    const delayMs = Math.min(initial * 2 ** this.#failedReconnects, max);
    this.#timer = setTimeout(() => void this.#reconnect(), delayMs);
    this.#timer.unref();
  }

  async #reconnect(): Promise<void> {
    if (this.#closing) return;
    try {
      await this.open();
      this.#failedReconnects = 0;
      this.settings.logger.info({ dependency: this.name }, `${this.#what}: reconnected`);
    } catch (error) {
      this.#failedReconnects += 1;
      this.#lastError = describeError(error);
      this.settings.logger.warn({ dependency: this.name, attempt: this.#failedReconnects }, `${this.#what}: reconnect failed: ${this.#lastError}`);
      this.#scheduleReconnect();
    }
  }
}
