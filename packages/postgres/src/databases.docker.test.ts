import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createBuilder } from "@bosun/hosting";
import { connectEngine } from "@bosun/hosting/runtime";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postgres } from "./index.js";

const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-pg-databases-"));
const volume = `bosun-pg-databases-${path.basename(folder).toLowerCase()}`;
const env = { ...process.env, BOSUN_SECRETS_DIR: path.join(folder, "secrets") };

/** A server on `volume` with these databases, the first one handed to the image as POSTGRES_DB. */
function defineApp(databases: readonly string[]) {
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName: "pg-databases-test" }).use(postgres);
  const server = builder.addPostgres("postgres").withDataVolume(volume);
  for (const name of databases) server.addDatabase(name);
  return builder.build();
}

/** Starts the app, and returns each database's name as the server reports it on its own connection. */
async function currentDatabases(databases: readonly string[]): Promise<string[]> {
  await using app = await defineApp(databases).start({ env });
  await app.settled;
  const seen: string[] = [];
  for (const name of databases) {
    expect(app.resource(name), `database '${name}' should be healthy`).toMatchObject({ state: "Running", health: "Healthy" });
    const client = new pg.Client({ connectionString: app.connectionString(name) });
    await client.connect();
    try {
      seen.push((await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name);
    } finally {
      await client.end();
    }
  }
  return seen;
}

describe("PostgreSQL databases on a data volume", () => {
  afterAll(async () => {
    await defineApp([]).run(["down", "--volumes"]);
    await (await connectEngine()).volumes.remove(volume).catch(() => {});
  });

  it("are made by the image on a fresh volume, and created by bosun when added later to an existing one", async () => {
    expect(await currentDatabases(["orders"])).toEqual(["orders"]);
    // The image ignores POSTGRES_DB on a volume that holds data: 'billing' must come from CREATE DATABASE.
    expect(await currentDatabases(["billing", "orders", "audit"])).toEqual(["billing", "orders", "audit"]);
  });
});
