const PROBE_TIMEOUT_MS = 3_000;

/** Healthy when the server answers `PING` with the credentials of the connection string. */
export async function probeRedis(connectionString: string): Promise<void> {
  // Loaded when a probe first runs, so an AppHost's `manifest` or `--help` does not import ioredis.
  const { Redis } = await import("ioredis");
  const client = new Redis(connectionString, {
    lazyConnect: true,
    connectTimeout: PROBE_TIMEOUT_MS,
    commandTimeout: PROBE_TIMEOUT_MS,
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
  try {
    await client.connect();
    const answer = await client.ping();
    if (answer !== "PONG") throw new Error(`redis answered '${answer}' to PING`);
  } catch (error) {
    throw refusal ?? error;
  } finally {
    client.disconnect();
  }
}
