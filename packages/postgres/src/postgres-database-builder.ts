import { ResourceBuilder } from "@bosun/hosting";
import { checkConnectionOptions, type PostgresConnectionStringOptions } from "./postgres-connection-options.js";
import type { PostgresDatabaseResource } from "./postgres-database-resource.js";

/** Configures a database on a PostgreSQL server. */
export class PostgresDatabaseBuilder extends ResourceBuilder<PostgresDatabaseResource> {
  /**
   * Npgsql connection-string settings (pool size and lifetimes, timeouts, SSL, logging) written into
   * the connection string every consumer receives; a later call overrides the options it names.
   * See docs/postgres-connections.md for what `@bosun/service-defaults` does with each.
   * @example db.withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, connectionLifetime: 300, commandTimeout: 30 })
   */
  withConnectionStringOptions(options: PostgresConnectionStringOptions): this {
    const context = { call: `database '${this.resource.name}': .withConnectionStringOptions(…)`, example: ".withConnectionStringOptions({ minPoolSize: 5, maxPoolSize: 100, commandTimeout: 30 })" };
    const merged = { ...this.resource.connectionOptions, ...(options as object) } as PostgresConnectionStringOptions;
    checkConnectionOptions(context, options, merged);
    this.resource.connectionOptions = merged;
    return this;
  }
}
