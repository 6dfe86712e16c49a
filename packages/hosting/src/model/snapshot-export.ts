/**
 * A file a snapshot takes from the resource's running container besides its data volumes: the
 * command's standard output, saved as `file`. Integrations describe it (PostgreSQL: a schema-only
 * `pg_dump` per database); the core knows nothing of the server. The command may read the
 * container's own variables (`$POSTGRES_PASSWORD`), so no secret passes through bosun.
 * @example { type: "snapshot-export", file: "schema-appdb.sql", description: "schema of 'appdb'", command: ["pg_dump", "--schema-only", "appdb"] }
 */
export interface SnapshotExportAnnotation {
  readonly type: "snapshot-export";
  /** The file name inside the resource's folder of the snapshot, e.g. `schema-appdb.sql`. */
  readonly file: string;
  /** What the file holds, for humans: `schema of database 'appdb' (pg_dump --schema-only)`. */
  readonly description: string;
  /** Run in the container (exec); a non-zero exit fails the snapshot with its output. */
  readonly command: readonly string[];
}
