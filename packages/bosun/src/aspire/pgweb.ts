import { expr, uri, type ReferenceExpression } from "@bosun/hosting";
import type { AspirePostgres } from "./integrations.js";
import type { CompanionOptions } from "./redis-commander.js";
import { refuse } from "./refusals.js";
import type { NativeBuilder } from "./resource.js";

/** pgweb's image (as Aspire pins it) and the port its web UI listens on. */
export const PGWEB_IMAGE = "sosedoff/pgweb:0.17.0";
export const PGWEB_PORT = 8081;

interface PostgresServer {
  readonly connectionStringExpression: ReferenceExpression;
  readonly databases: ReadonlyMap<string, string>;
}

/**
 * Aspire's pgweb: one `pgweb` container for the app (as Aspire's), connected with `--url` to the
 * server's first database (or its `postgres` database when it has none yet) over the container
 * network; it starts once the server is healthy. A second call on the same server applies its
 * options only; pgweb for a second server is refused, since `--url` names one database.
 */
export function withPgWeb(postgres: AspirePostgres, options: CompanionOptions): NativeBuilder {
  const app = postgres.app;
  const known = app.pgweb;
  if (known !== undefined && known.server !== postgres.native.name)
    refuse(`withPgWeb() on '${postgres.native.name}'`, `bosun's pgweb connects to one database, of '${known.server}'`, 'add another with builder.addContainer("pgweb2", "sosedoff/pgweb").withArgs("--url", …)');
  const pgweb = known?.native ?? addPgWeb(postgres);
  app.pgweb = { server: postgres.native.name, native: pgweb };
  app.configureCompanion(pgweb, options);
  return pgweb;
}

function addPgWeb(postgres: AspirePostgres): NativeBuilder {
  const server = postgres.native.resource as PostgresServer;
  const [firstDatabase = "postgres"] = server.databases.values();
  const url = expr`${server.connectionStringExpression}/${uri(firstDatabase)}?sslmode=disable`;
  return postgres.app.native
    .addContainer("pgweb", PGWEB_IMAGE)
    .withHttpEndpoint({ targetPort: PGWEB_PORT })
    .withArgs("--bind=0.0.0.0", `--listen=${PGWEB_PORT}`, "--url", url)
    .waitFor(postgres.native);
}
