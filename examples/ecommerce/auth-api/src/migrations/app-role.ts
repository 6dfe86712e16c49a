import pg from "pg";
import type { MigrationContext } from "./migration.js";

/** What migrations need to know about the database and the request role. */
export function migrationContext(database: string, appRole: { readonly name: string; readonly password: string }): MigrationContext {
  return { database, appRole: appRole.name, appPasswordLiteral: pg.escapeLiteral(appRole.password) };
}

/**
 * Sets the request role's password to the configured one at every start, so changing
 * AUTH_DB_APP_PASSWORD (or the owner's password it is derived from) needs no migration.
 */
export async function syncAppRolePassword(owner: pg.Pool, context: MigrationContext): Promise<void> {
  const exists = await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [context.appRole]);
  if (exists.rowCount === 0) return;
  await owner.query(`ALTER ROLE ${pg.escapeIdentifier(context.appRole)} WITH PASSWORD ${context.appPasswordLiteral}`);
}
