import { PermanentProbeError, rejectedCredentials, type AppHostInfo, type ParameterResource } from "@bosun/hosting";
import type { PostgresServerResource } from "./postgres-server-resource.js";

/** SQLSTATE of a login the server refused: wrong password (28P01), unknown role or no pg_hba entry (28000). */
const REJECTED_LOGIN = new Set(["28P01", "28000"]);
/** SQLSTATE of a connection to a database that does not exist. */
const MISSING_DATABASE = "3D000";

/** `work`, rejecting with postgresProbeError's error for its failure. */
export function classifiedProbe<T>(work: Promise<T>, server: PostgresServerResource, appHost: AppHostInfo): Promise<T> {
  return work.catch((error: unknown) => Promise.reject(postgresProbeError(error, server, appHost)));
}

/**
 * The error a probe or initializer of `server` throws for `error`: a PermanentProbeError with the
 * fix when retrying cannot help (credentials refused, database missing), else `error` unchanged.
 */
export function postgresProbeError(error: unknown, server: PostgresServerResource, appHost: AppHostInfo): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  const answer = error instanceof Error ? error.message : String(error);
  if (typeof code !== "string") return error;
  if (REJECTED_LOGIN.has(code)) {
    const parameters = [server.userName, server.password].filter((p): p is ParameterResource => typeof p !== "string");
    return rejectedCredentials({ resource: server, appHost, answer, parameters, option: `builder.addPostgres("${server.name}", { userName, password })`, cause: error });
  }
  if (code === MISSING_DATABASE) {
    return new PermanentProbeError(
      `resource '${server.name}' has no such database (${answer}); add it to the model with .addDatabase(…) so bosun creates it, or restart the resource if it was dropped while the app ran`,
      { cause: error },
    );
  }
  return error;
}
