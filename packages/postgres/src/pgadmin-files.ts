/** One PostgreSQL server as pgAdmin's configuration names it, values already rendered. */
export interface PgAdminServer {
  /** The resource's name, shown in pgAdmin's tree. */
  readonly name: string;
  /** Host and port as seen from pgAdmin's container on the app network. */
  readonly host: string;
  readonly port: number;
  readonly maintenanceDatabase: string;
  readonly userName: string;
  readonly password: string;
}

/** Where the image's entrypoint copies PGPASS_FILE, relative to the user's storage folder (server mode). */
const PGADMIN_PASSFILE = "/.pgpass";
/** The group pgAdmin shows bosun's servers in. */
const PGADMIN_GROUP = "bosun";

/**
 * pgAdmin's `servers.json` (the format of `setup.py load-servers`) registering each server, with
 * no password in it: pgAdmin reads the password from the passfile.
 */
export function renderServersJson(servers: readonly PgAdminServer[]): string {
  const entries = servers.map((server, i) => [
    String(i + 1),
    {
      Name: server.name,
      Group: PGADMIN_GROUP,
      Host: server.host,
      Port: server.port,
      MaintenanceDB: server.maintenanceDatabase,
      Username: server.userName,
      PassFile: PGADMIN_PASSFILE,
      SSLMode: "prefer",
    },
  ]);
  return `${JSON.stringify({ Servers: Object.fromEntries(entries) }, null, 2)}\n`;
}

/** A libpq passfile (`host:port:database:user:password` lines) with one line per server, for any database. */
export function renderPassfile(servers: readonly PgAdminServer[]): string {
  return servers.map((s) => [s.host, String(s.port), "*", s.userName, s.password].map(escapeField).join(":") + "\n").join("");
}

/** libpq reads `\:` and `\\` as a literal colon and backslash inside a field. */
function escapeField(value: string): string {
  return value.replace(/[\\:]/g, (c) => `\\${c}`);
}
