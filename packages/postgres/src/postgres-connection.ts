import type { ProbeConnection } from "@bosun/hosting";
import { openClient } from "./postgres-probes.js";

/**
 * A connection kept open for a healthy server's health rounds: each round is `SELECT 1` on it, so
 * the AppHost does not connect and authenticate (SCRAM) every few seconds. Throws the server's or
 * the network's error when it cannot connect.
 */
export async function connectPostgres(connectionString: string): Promise<ProbeConnection> {
  const client = await openClient(connectionString);
  const closed = new Promise<void>((resolve) => client.once("end", () => resolve()));
  return {
    check: async () => {
      await client.query("SELECT 1");
    },
    closed,
    close: () => client.end().catch(() => {}),
  };
}
