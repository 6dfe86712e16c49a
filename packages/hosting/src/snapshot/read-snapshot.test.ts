import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checksumsOf } from "./file-checksums.js";
import { findSnapshot, readValidSnapshot } from "./read-snapshot.js";
import { SNAPSHOT_FORMAT, type SnapshotMetadata } from "./snapshot-metadata.js";

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A snapshot folder with one resource's volume copy and schema export, and its snapshot.json. */
async function writeSnapshot(edit: (metadata: SnapshotMetadata) => SnapshotMetadata = (m) => m): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), "bosun-read-snapshot-"));
  folders.push(root);
  const folder = path.join(root, "before");
  mkdirSync(path.join(folder, "db"), { recursive: true });
  writeFileSync(path.join(folder, "manifest.json"), "{}\n");
  writeFileSync(path.join(folder, "db", "volume-data.tar.gz"), "volume bytes");
  writeFileSync(path.join(folder, "db", "schema-appdb.sql"), "CREATE TABLE items ();\n");
  const files = await checksumsOf(folder, ["manifest.json", "db/volume-data.tar.gz", "db/schema-appdb.sql"]);
  const metadata: SnapshotMetadata = {
    format: SNAPSHOT_FORMAT,
    name: "before",
    app: "shop-1234",
    createdAt: "2026-11-29T13:00:00.000Z",
    resources: [
      {
        name: "db",
        image: "postgres:17.6",
        imageId: "sha256:abc",
        model: { type: "postgres.server.v0" },
        volumes: [{ volume: "data", target: "/var/lib/postgresql/data", file: "db/volume-data.tar.gz" }],
        exports: [{ file: "db/schema-appdb.sql", description: "schema of database 'appdb'" }],
      },
    ],
    files,
  };
  writeFileSync(path.join(folder, "snapshot.json"), JSON.stringify(edit(metadata)));
  return folder;
}

describe("readValidSnapshot", () => {
  it("reads a complete snapshot whose files match their sizes and checksums", async () => {
    const folder = await writeSnapshot();
    expect((await readValidSnapshot(folder)).resources.map((r) => r.name)).toEqual(["db"]);
  });

  it("refuses an altered file, naming it and both checksums", async () => {
    const folder = await writeSnapshot();
    writeFileSync(path.join(folder, "db", "volume-data.tar.gz"), "volume bytez");
    await expect(readValidSnapshot(folder)).rejects.toMatchObject({
      code: "SNAPSHOT_INVALID",
      message: expect.stringMatching(/^restore: snapshot 'before' is damaged or incomplete, so nothing was stopped or changed: db\/volume-data\.tar\.gz has sha256 [0-9a-f]{12}…, [0-9a-f]{12}… was written;/),
    });
  });

  it("refuses a snapshot with a missing file, a truncated one, and a copy without a checksum, listing each", async () => {
    const folder = await writeSnapshot((metadata) => {
      const { ["db/schema-appdb.sql"]: _dropped, ...files } = metadata.files;
      return { ...metadata, files };
    });
    rmSync(path.join(folder, "manifest.json"));
    writeFileSync(path.join(folder, "db", "volume-data.tar.gz"), "volume");
    const error = (await readValidSnapshot(folder).then(() => new Error("it was accepted"), (e: Error) => e));
    expect(error.message).toContain("manifest.json is missing");
    expect(error.message).toContain("db/volume-data.tar.gz has 6 bytes, 12 were written");
    expect(error.message).toContain("db/schema-appdb.sql (of 'db') has no checksum in snapshot.json");
  });

  it("refuses another format, unreadable metadata, and a file outside the folder", async () => {
    await expect(readValidSnapshot(await writeSnapshot((m) => ({ ...m, format: 2 })))).rejects.toThrow("snapshot.json has format 2; this bosun reads format 1");
    const unreadable = await writeSnapshot();
    writeFileSync(path.join(unreadable, "snapshot.json"), "{");
    await expect(readValidSnapshot(unreadable)).rejects.toThrow("snapshot.json cannot be read as JSON");
    const escaping = await writeSnapshot((m) => ({ ...m, files: { ...m.files, "../secrets.json": { bytes: 1, sha256: "0" } } }));
    await expect(readValidSnapshot(escaping)).rejects.toThrow("../secrets.json lies outside the snapshot folder");
  });
});

describe("findSnapshot", () => {
  it("finds a snapshot by name in the app's folder or by path, and names the ones there are otherwise", async () => {
    const folder = await writeSnapshot();
    const root = path.dirname(folder);
    expect(await findSnapshot("before", root)).toBe(folder);
    expect(await findSnapshot(folder, "/nowhere")).toBe(folder);
    await expect(findSnapshot("after", root)).rejects.toThrow(`restore: no snapshot 'after' (no snapshot.json in ${path.join(root, "after")}); the snapshots of this app are: before`);
    await expect(findSnapshot("after", path.join(root, "none"))).rejects.toThrow("this app has no snapshots in");
  });
});
