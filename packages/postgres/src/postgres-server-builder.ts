import { checkCall, ResourceBuilder, type DistributedApplicationBuilder } from "@bosun/hosting";
import { PostgresDatabaseBuilder } from "./postgres-database-builder.js";
import { PostgresDatabaseResource } from "./postgres-database-resource.js";
import { POSTGRES_INIT_PATH } from "./postgres-images.js";
import { pgAdminOf, type PgAdminResource } from "./pgadmin.js";
import { catalogOf } from "./postgres-catalog.js";
import { classifiedProbe } from "./postgres-probe-errors.js";
import { connectPostgres } from "./postgres-connection.js";
import { probePostgres } from "./postgres-probes.js";
import { publishedPostgresCheck } from "./postgres-published-check.js";
import type { PostgresServerResource } from "./postgres-server-resource.js";

/** Configures a PostgreSQL server; adds its databases and pgAdmin. */
export class PostgresServerBuilder extends ResourceBuilder<PostgresServerResource> {
  constructor(
    resource: PostgresServerResource,
    readonly app: DistributedApplicationBuilder,
  ) {
    super(resource, app.appHost);
  }

  /**
   * A database on this server. The first one is made by the image on a fresh data directory
   * (`POSTGRES_DB`); each is also created once the server is healthy if it is missing (a database
   * added later, or an existing volume), and an existing one is kept.
   * @example const db = postgres.addDatabase("ecommercedb")
   */
  addDatabase(name: string, databaseName: string = name): PostgresDatabaseBuilder {
    checkCall(this.checked("addDatabase", '.addDatabase("orders", "orders_v2")'), { "the name": [name, "string"], "the database name": [databaseName, "string"] });
    const database = new PostgresDatabaseResource(name, databaseName, this.resource);
    this.resource.databases.set(name, databaseName);
    // Created during the image's own init, so the server is healthy with it and CREATE DATABASE is not needed.
    if (!this.resource.annotationsOf("environment").some((e) => e.name === "POSTGRES_DB")) this.withEnvironment("POSTGRES_DB", databaseName);
    database.addAnnotation({
      type: "initializer",
      description: `create database '${databaseName}'`,
      run: ({ resolve }) => this.#classified(catalogOf(this.resource).ensure(resolve(this.resource), databaseName)),
    });
    const publishedCheck = publishedPostgresCheck(this.resource.userName, databaseName);
    database.addAnnotation({
      type: "health-check",
      check: {
        kind: "probe",
        name: "postgres-database",
        probe: ({ resolve }) => this.#classified(probePostgres(resolve(database))),
        connect: ({ resolve }) => this.#classified(connectPostgres(resolve(database))),
        publishedCheck,
      },
    });
    // A snapshot keeps the database's schema beside the volume copy; the password stays in the container.
    this.resource.addAnnotation({
      type: "snapshot-export",
      file: `schema-${databaseName}.sql`,
      description: `schema of database '${databaseName}' (pg_dump --schema-only)`,
      command: ["sh", "-c", 'PGPASSWORD="$POSTGRES_PASSWORD" exec pg_dump --schema-only --no-password -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" -d "$1"', "pg_dump", databaseName],
    });
    // Published targets have no orchestrator to run CREATE DATABASE: the image creates it on first start.
    database.addAnnotation({ type: "publish-hints", parentEnvironment: { POSTGRES_DB: databaseName } });
    return new PostgresDatabaseBuilder(this.app.addResource(database).resource, this.app.appHost);
  }

  /** Rejects with a PermanentProbeError when retrying cannot help (credentials refused, database missing). */
  #classified<T>(work: Promise<T>): Promise<T> {
    return classifiedProbe(work, this.resource, this.app.appHost);
  }

  /**
   * Runs SQL and shell scripts from a folder on first initialization of the data directory.
   * @example postgres.withInitFiles("./init")
   */
  withInitFiles(source: string): this {
    checkCall(this.checked("withInitFiles", '.withInitFiles("./init")'), { "the folder": [source, "string"] });
    return this.withBindMount(source, POSTGRES_INIT_PATH, { readOnly: true });
  }

  /**
   * Adds pgAdmin (`<name>-pgadmin`, one per app) with every PostgreSQL server of the model
   * registered and connected through a passfile; it starts once they are healthy. Its login is the
   * parameters `<name>-pgadmin-email` (default admin@example.com) and `<name>-pgadmin-password`
   * (a generated secret).
   * @example postgres.withPgAdmin((pgadmin) => pgadmin.withHostPort(5051))
   */
  withPgAdmin(configure?: (pgadmin: ResourceBuilder<PgAdminResource>) => void): this {
    checkCall(this.checked("withPgAdmin", ".withPgAdmin((pgadmin) => pgadmin.withHostPort(5051))"), { "the configure callback": [configure, "function?"] });
    const pgadmin = pgAdminOf(this.app, this.resource);
    configure?.(pgadmin);
    return this;
  }
}
