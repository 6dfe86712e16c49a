import { createDatabaseIfMissing, listDatabases } from "./postgres-probes.js";

/** How long a health probe's list is trusted: a database's set-up follows its server's first healthy probe at once. */
const FRESH_FOR_MS = 1_000;

/**
 * The databases a server's latest health probe listed. A database listed a moment ago (made by the
 * image through POSTGRES_DB, or by an earlier run on the same volume) is set up without a
 * connection of its own; any other still gets CREATE DATABASE.
 */
class DatabaseCatalog {
  #names: ReadonlySet<string> = new Set();
  #listedAt = Number.NEGATIVE_INFINITY;

  /** The server's health probe: healthy when it lists its databases. */
  async probe(serverConnectionString: string): Promise<void> {
    try {
      this.#names = new Set(await listDatabases(serverConnectionString));
      this.#listedAt = Date.now();
    } catch (error) {
      this.#listedAt = Number.NEGATIVE_INFINITY;
      throw error;
    }
  }

  /** Creates the database unless the server listed it just now or has it. */
  async ensure(serverConnectionString: string, databaseName: string): Promise<void> {
    if (Date.now() - this.#listedAt <= FRESH_FOR_MS && this.#names.has(databaseName)) return;
    await createDatabaseIfMissing(serverConnectionString, databaseName);
  }
}

const catalogs = new WeakMap<object, DatabaseCatalog>();

/** The catalog of one server resource. */
export function catalogOf(server: object): DatabaseCatalog {
  let catalog = catalogs.get(server);
  if (!catalog) catalogs.set(server, (catalog = new DatabaseCatalog()));
  return catalog;
}
