import { quoteIdentifier, type Migration } from "./migration.js";

const TABLES = ['auth."AspNetUsers"', 'auth."RefreshTokens"'];

/**
 * The least-privilege role requests run as: CONNECT, USAGE on auth, and row access to its tables; it
 * owns nothing and may create nothing (TEMPORARY is taken from PUBLIC; PostgreSQL 15 already denies
 * CREATE on public). Migrations adding tables later must grant on them too.
 */
export const createAppRole: Migration = {
  name: "0003_create_app_role",
  up: ({ database, appRole, appPasswordLiteral }) => {
    const role = quoteIdentifier(appRole);
    return `
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(appRole)}) THEN
          CREATE ROLE ${role} LOGIN;
        END IF;
      END $$;
      ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${appPasswordLiteral};
      REVOKE TEMPORARY ON DATABASE ${quoteIdentifier(database)} FROM PUBLIC;
      GRANT CONNECT ON DATABASE ${quoteIdentifier(database)} TO ${role};
      GRANT USAGE ON SCHEMA auth TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLES.join(", ")} TO ${role};`;
  },
  down: ({ database, appRole }) => {
    const role = quoteIdentifier(appRole);
    return `
      REVOKE ALL ON ${TABLES.join(", ")} FROM ${role};
      REVOKE ALL ON SCHEMA auth FROM ${role};
      REVOKE ALL ON DATABASE ${quoteIdentifier(database)} FROM ${role};
      GRANT TEMPORARY ON DATABASE ${quoteIdentifier(database)} TO PUBLIC;
      DROP ROLE ${role};`;
  },
};

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
