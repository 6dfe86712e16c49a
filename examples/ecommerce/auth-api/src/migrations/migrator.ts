import type pg from "pg";
import type { LoggerLike } from "@bosun/service-defaults";
import type { Migration, MigrationContext } from "./migration.js";

/** Before the first migration: `npm run migrate:down -- 0` rolls everything back (as `dotnet ef database update 0`). */
export const INITIAL = "0";
const HISTORY = 'auth."__MigrationsHistory"';
/** One advisory lock key for this service's migrations, so replicas starting together take turns. */
const LOCK_KEY = 0x6175_7468; // "auth"

export interface MigrationStatus {
  readonly name: string;
  readonly appliedAt: Date | undefined;
}

export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

/** Applies, rolls back and lists versioned migrations, each in its own transaction, as the schema owner. */
export class Migrator {
  constructor(
    private readonly pool: pg.Pool,
    private readonly migrations: readonly Migration[],
    private readonly context: MigrationContext,
    private readonly logger: LoggerLike,
  ) {}

  /** Applies every pending migration in order; returns their names. */
  up(): Promise<string[]> {
    return this.#locked(async (client) => {
      const applied = await this.#applied(client);
      const pending = this.migrations.filter((migration) => !applied.has(migration.name));
      for (const migration of pending) {
        await this.#run(client, migration, "up", `INSERT INTO ${HISTORY} ("MigrationId") VALUES ($1)`);
      }
      return pending.map((migration) => migration.name);
    });
  }

  /** Rolls back every applied migration after `target` (newest first), keeping `target` itself; returns their names. */
  down(target: string): Promise<string[]> {
    const index = target === INITIAL ? -1 : this.migrations.findIndex((migration) => migration.name === target);
    if (index === -1 && target !== INITIAL) {
      const known = this.migrations.map((migration) => migration.name).join(", ");
      return Promise.reject(new MigrationError(`no migration is named '${target}'; use one of ${known}, or ${INITIAL} to roll back everything`));
    }
    return this.#locked(async (client) => {
      const applied = await this.#applied(client);
      const toRevert = this.migrations.slice(index + 1).filter((migration) => applied.has(migration.name)).reverse();
      for (const migration of toRevert) {
        await this.#run(client, migration, "down", `DELETE FROM ${HISTORY} WHERE "MigrationId" = $1`);
      }
      return toRevert.map((migration) => migration.name);
    });
  }

  /** Every known migration with when it was applied (undefined when pending). */
  list(): Promise<MigrationStatus[]> {
    return this.#locked(async (client) => {
      const applied = await this.#applied(client);
      return this.migrations.map((migration) => ({ name: migration.name, appliedAt: applied.get(migration.name) }));
    });
  }

  async #run(client: pg.PoolClient, migration: Migration, direction: "up" | "down", record: string): Promise<void> {
    const started = performance.now();
    try {
      await client.query("BEGIN");
      await client.query(migration[direction](this.context));
      await client.query(record, [migration.name]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw new MigrationError(`migration ${migration.name} (${direction}) failed: ${(error as Error).message}`, { cause: error });
    }
    const ms = Math.round(performance.now() - started);
    this.logger.info({ migration: migration.name, direction, ms }, `migration ${migration.name} ${direction === "up" ? "applied" : "rolled back"} in ${ms} ms`);
  }

  /** Applied migrations by name; refuses a database that has migrations this build does not know. */
  async #applied(client: pg.PoolClient): Promise<Map<string, Date>> {
    const result = await client.query<{ MigrationId: string; AppliedAt: Date }>(`SELECT "MigrationId", "AppliedAt" FROM ${HISTORY} ORDER BY "MigrationId"`);
    const known = new Set(this.migrations.map((migration) => migration.name));
    const unknown = result.rows.filter((row) => !known.has(row.MigrationId)).map((row) => row.MigrationId);
    if (unknown.length > 0) {
      throw new MigrationError(
        `the database has migrations this build does not know (${unknown.join(", ")}); roll them back with the build that added them`,
      );
    }
    return new Map(result.rows.map((row) => [row.MigrationId, row.AppliedAt]));
  }

  async #locked<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS auth`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${HISTORY} ("MigrationId" varchar(150) PRIMARY KEY, "AppliedAt" timestamptz NOT NULL DEFAULT now())`);
        return await work(client);
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  }
}
