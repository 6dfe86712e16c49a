import type { ProbeConnection } from "@bosun/hosting";

const TIMEOUT_MS = 3_000;

/**
 * A connection kept open for a healthy server's health rounds: each round is `PING` on it, so the
 * AppHost does not connect and authenticate every few seconds. Throws the server's or the
 * network's error when it cannot connect.
 */
export async function connectRedis(connectionString: string): Promise<ProbeConnection> {
  // Loaded when a probe first runs, so an AppHost's `manifest` or `--help` does not import ioredis.
  const { Redis } = await import("ioredis");
  const client = new Redis(connectionString, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    commandTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on("error", () => {});
  const closed = new Promise<void>((resolve) => client.once("end", () => resolve()));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw error;
  }
  return {
    check: async () => {
      const answer = await client.ping();
      if (answer !== "PONG") throw new Error(`redis answered '${answer}' to PING`);
    },
    closed,
    close: async () => client.disconnect(),
  };
}
