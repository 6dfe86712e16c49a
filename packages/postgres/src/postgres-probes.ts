import type { Client } from "pg";

const CONNECT_TIMEOUT_MS = 3_000;
/** Where the server's own probes and CREATE DATABASE connect; pgAdmin's servers.json names it too. */
export const MAINTENANCE_DATABASE = "postgres";

/** A connected client with the probes' timeouts; throws the server's or the network's error. */
export async function openClient(connectionString: string): Promise<Client> {
  // Loaded when a probe first runs, so an AppHost's `manifest` or `--help` does not import pg.
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    void client.end().catch(() => {});
    throw error;
  }
  return client;
}

/** Runs statements on one fresh connection; throws the server's or the network's error. */
async function withConnection<T>(connectionString: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = await openClient(connectionString);
  try {
    return await use(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Healthy when the server answers `SELECT 1`. */
export async function probePostgres(connectionString: string): Promise<void> {
  await withConnection(connectionString, (client) => client.query("SELECT 1"));
}

/**
 * The server's URI on its maintenance database `postgres`, which initdb always creates. Without a
 * database, a client connects to the one named like the user, which exists only when the image
 * made it (no other POSTGRES_DB) or someone created it.
 */
export function onMaintenanceDatabase(serverConnectionString: string): string {
  const url = new URL(serverConnectionString);
  if (url.pathname === "" || url.pathname === "/") url.pathname = `/${MAINTENANCE_DATABASE}`;
  return url.toString();
}

/** The server's databases, on one connection; throws like a probe when the server does not answer. */
export async function listDatabases(serverConnectionString: string): Promise<string[]> {
  const result = await withConnection(onMaintenanceDatabase(serverConnectionString), (client) => client.query<{ datname: string }>("SELECT datname FROM pg_database"));
  return result.rows.map((row) => row.datname);
}

/** Creates the database unless it exists; safe to run on every start. One connection for both steps. */
export async function createDatabaseIfMissing(serverConnectionString: string, databaseName: string): Promise<void> {
  await withConnection(onMaintenanceDatabase(serverConnectionString), async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (existing.rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
    } catch (error) {
      if ((error as { code?: string }).code !== "42P04") throw error; // created meanwhile by someone else
    }
  });
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
