import { Resource, expr, uri, type ExpressionValue, type ParameterResource, type ReferenceExpression, type ResourceWithConnectionString } from "@bosun/hosting";
import { connectionOptionsQuery, type PostgresConnectionStringOptions } from "./postgres-connection-options.js";
import type { PostgresServerResource } from "./postgres-server-resource.js";

/** PostgreSQL truncates longer identifiers, so two long names could end up as one database. */
const MAX_DATABASE_NAME_BYTES = 63;

/** A database on a PostgreSQL server, created when the server is healthy. */
export class PostgresDatabaseResource extends Resource implements ResourceWithConnectionString {
  readonly type = "postgres.database.v0";
  /** Npgsql settings carried in the connection string (`.withConnectionStringOptions(…)`). */
  connectionOptions: PostgresConnectionStringOptions = {};

  constructor(
    name: string,
    readonly databaseName: string,
    readonly server: PostgresServerResource,
  ) {
    super(name);
  }

  override get parent(): PostgresServerResource {
    return this.server;
  }

  /**
   * The server's URI with the database and its connection-string options:
   * `postgresql://user:password@host:port/database?MinPoolSize=5&MaxPoolSize=100`.
   */
  get connectionStringExpression(): ReferenceExpression {
    return expr`${this.uriExpression}${connectionOptionsQuery(this.connectionOptions)}`;
  }

  /** `postgresql://user:password@host:port/database`, without options (the `_URI` variable). */
  get uriExpression(): ReferenceExpression {
    return expr`${this.server.connectionStringExpression}/${uri(this.databaseName)}`;
  }

  /**
   * This database's connection string for another role (a least-privilege one the owner creates),
   * with the same host, port and options.
   * @example api.withEnvironment("ConnectionStrings__appdb", db.resource.connectionStringFor("app", appPassword))
   */
  connectionStringFor(userName: string | ParameterResource, password: ParameterResource): ReferenceExpression {
    const { host, port } = this.server.primaryEndpoint;
    return expr`postgresql://${uri(userName)}:${uri(password)}@${host}:${port}/${uri(this.databaseName)}${connectionOptionsQuery(this.connectionOptions)}`;
  }

  /** A database name PostgreSQL keeps as given: not empty, at most 63 bytes, no NUL. */
  override checkSettings(): string[] {
    const bytes = Buffer.byteLength(this.databaseName);
    if (bytes > 0 && bytes <= MAX_DATABASE_NAME_BYTES && !this.databaseName.includes("\0")) return [];
    return [
      `database '${this.name}' has database name '${this.databaseName}'; PostgreSQL takes 1 to ${MAX_DATABASE_NAME_BYTES} bytes without NUL, e.g. .addDatabase("${this.name}", "orders")`,
    ];
  }

  connectionProperties(): ReadonlyMap<string, ExpressionValue> {
    const server = this.server.connectionProperties();
    return new Map<string, ExpressionValue>([...server, ["URI", this.uriExpression], ["DATABASENAME", this.databaseName]]);
  }
}
