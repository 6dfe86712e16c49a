import type { QueryResult } from "pg";

const CONNECT_TIMEOUT_MS = 3_000;

/** Runs one statement on a fresh connection; throws the server's or the network's error. */
export async function queryOnce(connectionString: string, sql: string, values: unknown[] = []): Promise<QueryResult> {
  // Loaded when a probe first runs, so an AppHost's `manifest` or `--help` does not import pg.
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: CONNECT_TIMEOUT_MS });
  client.on("error", () => {});
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Healthy when the server answers `SELECT 1`. */
export async function probePostgres(connectionString: string): Promise<void> {
  await queryOnce(connectionString, "SELECT 1");
}

/** Creates the database unless it exists; safe to run on every start. */
export async function createDatabaseIfMissing(serverConnectionString: string, databaseName: string): Promise<void> {
  const existing = await queryOnce(serverConnectionString, "SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
  if (existing.rowCount) return;
  try {
    await queryOnce(serverConnectionString, `CREATE DATABASE ${quoteIdentifier(databaseName)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== "42P04") throw error; // created meanwhile by someone else
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
