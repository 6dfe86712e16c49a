import type { ProbeConnection } from "@bosun/hosting";

const TIMEOUT_MS = 3_000;

/**
 * A connection kept open for a healthy server's health rounds: each round is `PING` on it, so the
 * AppHost does not connect and authenticate every few seconds. Throws the server's or the
 * network's error when it cannot connect; a refused password as the server's answer (WRONGPASS,
 * NOAUTH).
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
  // A refused AUTH arrives as an error event and the command then fails with "Connection is
  // closed."; the server's answer (WRONGPASS, NOAUTH) is what says why.
  let refusal: Error | undefined;
  client.on("error", (error: Error) => {
    if (error.name === "ReplyError") refusal = error;
  });
  const closed = new Promise<void>((resolve) => client.once("end", () => resolve()));
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw refusal ?? error;
  }
  return {
    check: async () => {
      const answer = await client.ping().catch((error: unknown) => Promise.reject(refusal ?? error));
      if (answer !== "PONG") throw new Error(`redis answered '${answer}' to PING`);
    },
    closed,
    close: async () => client.disconnect(),
  };
}
