import pg from "pg";
import type { MigrationContext } from "./migration.js";

/** What migrations need to know about the database and the request role. */
export function migrationContext(database: string, appRole: { readonly name: string; readonly password: string }): MigrationContext {
  return { database, appRole: appRole.name, appPasswordLiteral: pg.escapeLiteral(appRole.password) };
}

/**
 * Sets the request role's password to AUTH_DB_APP_PASSWORD at every run of the migration job, so
 * changing that parameter needs no migration.
 */
export async function syncAppRolePassword(owner: pg.Pool, context: MigrationContext): Promise<void> {
  const exists = await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [context.appRole]);
  if (exists.rowCount === 0) return;
  await owner.query(`ALTER ROLE ${pg.escapeIdentifier(context.appRole)} WITH PASSWORD ${context.appPasswordLiteral}`);
}
