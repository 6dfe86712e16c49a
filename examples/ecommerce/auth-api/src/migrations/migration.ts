/** What a migration's SQL may depend on besides the schema itself. */
export interface MigrationContext {
  /** The database the service owns (for GRANT CONNECT). */
  readonly database: string;
  /** The least-privilege role requests run as. */
  readonly appRole: string;
  /** That role's password, already quoted as an SQL literal. */
  readonly appPasswordLiteral: string;
}

/** One versioned schema change; `up` and `down` return SQL run in one transaction each. */
export interface Migration {
  /** Sortable and unique: `0001_create_aspnet_users`. */
  readonly name: string;
  up(context: MigrationContext): string;
  down(context: MigrationContext): string;
}

/** SQL identifiers are quoted so the ASP.NET Identity names keep their case. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
