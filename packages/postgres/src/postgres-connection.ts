import type { ProbeConnection } from "@bosun/hosting";

const TIMEOUT_MS = 3_000;

/**
 * A connection kept open for a healthy server's health rounds: each round is `SELECT 1` on it, so
 * the AppHost does not connect and authenticate (SCRAM) every few seconds. Throws the server's or
 * the network's error when it cannot connect.
 */
export async function connectPostgres(connectionString: string): Promise<ProbeConnection> {
  // Loaded when a probe first runs, so an AppHost's `manifest` or `--help` does not import pg.
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS });
  client.on("error", () => {});
  const closed = new Promise<void>((resolve) => client.once("end", () => resolve()));
  try {
    await client.connect();
  } catch (error) {
    void client.end().catch(() => {});
    throw error;
  }
  return {
    check: async () => {
      await client.query("SELECT 1");
    },
    closed,
    close: () => client.end().catch(() => {}),
  };
}
