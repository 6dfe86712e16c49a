import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { SnapshotMetadata } from "./snapshot-metadata.js";
import { SNAPSHOT_METADATA_FILE } from "./snapshot-paths.js";

/** One row of `snapshots`: a snapshot's metadata, or why its folder could not be read. */
export type SnapshotListing = { readonly name: string; readonly metadata: SnapshotMetadata } | { readonly name: string; readonly problem: string };

/**
 * The snapshots in an app's folder, oldest first. Half-written ones (hidden `.name.partial`
 * folders) are not listed; a folder whose snapshot.json cannot be read is listed with the reason.
 * Only reads snapshot.json: `restore` checks the files themselves.
 */
export async function listSnapshots(directory: string): Promise<SnapshotListing[]> {
  if (!existsSync(directory)) return [];
  const names = (await readdir(directory, { withFileTypes: true })).filter((entry) => entry.isDirectory() && !entry.name.startsWith(".")).map((entry) => entry.name);
  const listings = await Promise.all(names.map((name) => readListing(directory, name)));
  const time = (listing: SnapshotListing) => ("metadata" in listing ? listing.metadata.createdAt : "");
  return listings.sort((a, b) => time(a).localeCompare(time(b)) || a.name.localeCompare(b.name));
}

async function readListing(directory: string, name: string): Promise<SnapshotListing> {
  try {
    const metadata = JSON.parse(await readFile(path.join(directory, name, SNAPSHOT_METADATA_FILE), "utf8")) as SnapshotMetadata;
    return { name, metadata };
  } catch (error) {
    return { name, problem: `${SNAPSHOT_METADATA_FILE} unreadable: ${(error as Error).message}` };
  }
}
