import type { ProbeConnection } from "@bosun/hosting";
import type { ChannelModel } from "amqplib";

const TIMEOUT_MS = 3_000;

/** An open AMQP connection with the credentials of the connection string; throws the broker's or the network's error. */
export async function openAmqp(connectionString: string): Promise<ChannelModel> {
  // Loaded when a probe first runs, so an AppHost's `manifest` or `--help` does not import amqplib.
  const { default: amqp } = await import("amqplib");
  const connection = await amqp.connect(connectionString, { timeout: TIMEOUT_MS });
  connection.on("error", () => {});
  return connection;
}

/**
 * An AMQP connection kept open for a healthy broker's health rounds: each round opens and closes a
 * channel on it (two round trips the broker does not log), so the broker does not log an
 * accept/auth/close triple for every round. Throws the broker's or the network's error when it
 * cannot connect.
 */
export async function connectRabbitMQ(connectionString: string): Promise<ProbeConnection> {
  const connection = await openAmqp(connectionString);
  const closed = new Promise<void>((resolve) => connection.once("close", () => resolve()));
  return {
    check: async () => {
      const channel = await connection.createChannel();
      channel.on("error", () => {});
      await channel.close();
    },
    closed,
    close: () => connection.close().catch(() => {}),
  };
}
