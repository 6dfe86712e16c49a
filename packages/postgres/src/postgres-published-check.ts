import type { ParameterResource, PublishedCheck } from "@bosun/hosting";
import { POSTGRES_PORT } from "./postgres-images.js";

/**
 * `pg_isready` over TCP inside the container: the image's first-start server listens on the socket
 * only, so the check passes once the real server accepts connections. Waiting services probe the
 * connection string with a client (`SELECT 1`).
 */
export function publishedPostgresCheck(userName: ParameterResource | string, databaseName?: string): PublishedCheck {
  const database = databaseName === undefined ? [] : ["-d", databaseName];
  return { kind: "pg_isready", exec: ["pg_isready", "-h", "127.0.0.1", "-p", String(POSTGRES_PORT), "-U", userName, ...database], client: "postgres" };
}
