import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createBuilder } from "bosun";
import { connectEngine } from "@bosun/hosting/runtime";

const folder = mkdtempSync(path.join(os.tmpdir(), "bosun-snapshot-"));
const appName = `snapshot-test-${path.basename(folder).slice(-6).toLowerCase()}`;
const snapshots = path.join(folder, "snapshots");
Object.assign(process.env, { BOSUN_SECRETS_DIR: path.join(folder, "secrets"), BOSUN_SNAPSHOTS_DIR: snapshots, BOSUN_STATE_DIR: path.join(folder, "state") });

/** A Postgres database and a Redis on data volumes, and a process that waits for the database (a dependent). */
function defineApp() {
  const builder = createBuilder({ appHostDirectory: path.join(folder, "apphost"), appName });
  const db = builder.addPostgres("db").withDataVolume().addDatabase("appdb");
  builder.addRedis("cache").withDataVolume();
  builder.addExecutable("reader", process.execPath, folder, ["-e", "setInterval(() => {}, 1000)"]).withReference(db).waitFor(db);
  return builder.build();
}

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const TABLES = "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1";

/** The ids of this app's running 'db' containers (other tests may run a 'db' of their own meanwhile). */
async function appContainerIds(): Promise<string[]> {
  const engine = await connectEngine();
  const containers = await engine.containers.list({ labels: { "bosun.resource": "db" }, all: false });
  return containers.filter((c) => c.labels["bosun.app"]?.startsWith(`${appName}-`)).map((c) => c.id);
}

describe("snapshot and restore with the real engine", () => {
  afterAll(async () => {
    await defineApp().run(["down", "--volumes"]);
    await rm(folder, { recursive: true, force: true });
  });

  it("puts rows, schema and cache keys back after a dropped table and a migration; refuses a damaged snapshot before stopping anything", { timeout: 300_000 }, async () => {
    await using app = await defineApp().start();
    await app.waitForHealthy("reader");
    const database = app.connectionString("appdb");
    await query(database, "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL); INSERT INTO items (name) SELECT 'item ' || n FROM generate_series(1, 500) AS n");
    const cache = new Redis(app.connectionString("cache"), { maxRetriesPerRequest: 1 });
    await cache.set("greeting", "before");
    cache.disconnect();

    const taken = await app.snapshot({ name: "before-migration" });
    expect(taken.directory).toBe(path.join(snapshots, readdirSync(snapshots)[0]!, "before-migration"));
    expect(taken.metadata.resources.map((r) => r.name)).toEqual(["db", "cache"]);
    const schema = await readFile(path.join(taken.directory, "db", "schema-appdb.sql"), "utf8");
    expect(schema).toContain("CREATE TABLE public.items");
    expect(schema).not.toContain("INSERT INTO");
    // The volume copy stopped and started the server; it is healthy again with its dependent.
    expect(app.resource("db")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1 });

    // No secret value in any file of the snapshot's metadata or manifest.
    const secrets = Object.values(JSON.parse(await readFile(readdirSync(path.join(folder, "secrets")).map((f) => path.join(folder, "secrets", f))[0]!, "utf8")) as Record<string, string>);
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    const manifest = await readFile(path.join(taken.directory, "manifest.json"), "utf8");
    const metadata = await readFile(path.join(taken.directory, "snapshot.json"), "utf8");
    for (const secret of secrets) {
      expect(manifest).not.toContain(secret);
      expect(metadata).not.toContain(secret);
      expect(schema).not.toContain(secret);
    }
    expect(JSON.parse(manifest).resources.db).toMatchObject({ resolvedImage: "bosun-offline/postgres:15", imageId: expect.stringMatching(/^sha256:/) });

    await query(database, "DROP TABLE items; CREATE TABLE orders (id serial PRIMARY KEY, total numeric NOT NULL); ALTER TABLE orders ADD COLUMN placed_at timestamptz");
    const changed = new Redis(app.connectionString("cache"), { maxRetriesPerRequest: 1 });
    await changed.set("greeting", "after");
    changed.disconnect();

    // A damaged copy and an incomplete one are refused, and nothing was stopped for them.
    const containersBefore = await appContainerIds();
    expect(containersBefore).toHaveLength(1);
    const corrupt = path.join(snapshots, path.basename(path.dirname(taken.directory)), "corrupt");
    await cp(taken.directory, corrupt, { recursive: true });
    const archive = path.join(corrupt, taken.metadata.resources[0]!.volumes[0]!.file);
    const bytes = await readFile(archive);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(archive, bytes);
    await expect(app.restore("corrupt")).rejects.toMatchObject({ code: "SNAPSHOT_INVALID", message: expect.stringMatching(/nothing was stopped or changed: db\/volume-.*\.tar\.gz has sha256/) });
    const partial = path.join(path.dirname(corrupt), "partial");
    await cp(taken.directory, partial, { recursive: true });
    await rm(path.join(partial, "db", "schema-appdb.sql"));
    await expect(app.restore("partial")).rejects.toMatchObject({ code: "SNAPSHOT_INVALID", message: expect.stringContaining("db/schema-appdb.sql is missing") });
    // A snapshot of another image is refused, naming both images, unless forced.
    const otherImage = path.join(path.dirname(corrupt), "other-image");
    await cp(taken.directory, otherImage, { recursive: true });
    const recorded = JSON.parse(await readFile(path.join(otherImage, "snapshot.json"), "utf8")) as { resources: { imageId: string }[] };
    recorded.resources[0]!.imageId = `sha256:${"0".repeat(64)}`;
    await writeFile(path.join(otherImage, "snapshot.json"), JSON.stringify(recorded));
    await expect(app.restore("other-image")).rejects.toMatchObject({
      code: "SNAPSHOT_MISMATCH",
      message: expect.stringMatching(/nothing was stopped: 'db' was taken with image bosun-offline\/postgres:15 \(000000000000\), it runs bosun-offline\/postgres:15 \([0-9a-f]{12}\) now; restore --force puts it back anyway/),
    });
    expect(app.resource("db")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1 });
    expect(app.resource("reader")).toMatchObject({ state: "Running", restarts: 0 });
    expect(await appContainerIds()).toEqual(containersBefore);

    const restored = await app.restore("before-migration");
    expect(restored.stopped).toEqual(["reader", "db", "cache"]);
    expect(await query(database, "SELECT count(*)::int AS count FROM items")).toEqual([{ count: 500 }]);
    expect(await query(database, TABLES)).toEqual([{ name: "items" }]);
    const after = new Redis(app.connectionString("cache"), { maxRetriesPerRequest: 1 });
    expect(await after.get("greeting")).toBe("before");
    after.disconnect();
    expect(app.resource("reader")).toMatchObject({ state: "Running", health: "Healthy", restarts: 1 });
  });

  it("lists the snapshot, and restores it into fresh volumes after down --volumes while the app is not running", { timeout: 300_000 }, async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    try {
      await defineApp().run(["down", "--volumes"]);
      await defineApp().run(["snapshots"]);
      await defineApp().run(["restore", "other-image", "db", "--force"]);
    } finally {
      log.mockRestore();
    }
    expect(process.exitCode ?? 0).toBe(0);
    const text = printed.join("\n");
    expect(text).toMatch(/before-migration\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+db, cache\s+\d/);
    expect(text).toContain("no running AppHost answered; working on the volumes directly");
    expect(text).toMatch(/restored snapshot 'other-image' in \d+\.\d s: db \([\d.]+ MB: snapshot-test-.*-db-data\)/);
    expect(text).toContain("nothing was running; the volumes were restored directly");
    expect(text).toMatch(/restored despite \(--force\): 'db' was taken with image bosun-offline\/postgres:15 \(000000000000\)/);

    {
      await using app = await defineApp().start();
      await app.waitForHealthy("appdb");
      expect(await query(app.connectionString("appdb"), "SELECT count(*)::int AS count FROM items")).toEqual([{ count: 500 }]);
    }

    // With the app stopped, a snapshot copies the volume directly; the schema needs the server running.
    printed.length = 0;
    const again = vi.spyOn(console, "log").mockImplementation((line: string) => void printed.push(line));
    try {
      await defineApp().run(["snapshot", "db", "--name", "offline"]);
    } finally {
      again.mockRestore();
    }
    expect(printed.join("\n")).toMatch(/snapshot 'offline' taken in \d+\.\d s: .*offline\n {2}db: [\d.]+ MB \(volume-.*\.tar\.gz [\d.]+ MB\) \(no schema export: its container was not running\)/);
  });
});
