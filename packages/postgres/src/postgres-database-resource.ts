import { Resource, expr, uri, type ExpressionValue, type ReferenceExpression, type ResourceWithConnectionString } from "@bosun/hosting";
import type { PostgresServerResource } from "./postgres-server-resource.js";

/** A database on a PostgreSQL server, created when the server is healthy. */
export class PostgresDatabaseResource extends Resource implements ResourceWithConnectionString {
  readonly type = "postgres.database.v0";

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

  /** The server's URI with the database: `postgresql://user:password@host:port/database`. */
  get connectionStringExpression(): ReferenceExpression {
    return expr`${this.server.connectionStringExpression}/${uri(this.databaseName)}`;
  }

  connectionProperties(): ReadonlyMap<string, ExpressionValue> {
    const server = this.server.connectionProperties();
    return new Map<string, ExpressionValue>([...server, ["URI", this.connectionStringExpression], ["DATABASENAME", this.databaseName]]);
  }
}
