import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { BosunError } from "../errors/bosun-error.js";
import { checksumOf } from "./file-checksums.js";
import { SNAPSHOT_FORMAT, type SnapshotMetadata } from "./snapshot-metadata.js";
import { SNAPSHOT_METADATA_FILE, isSnapshotFolderPath } from "./snapshot-paths.js";

/** A snapshot's folder: `name` in the app's snapshots folder, or a path (it has a `/`) to one elsewhere. */
export async function findSnapshot(name: string, directory: string): Promise<string> {
  const folder = isSnapshotFolderPath(name) ? path.resolve(name) : path.join(directory, name);
  if (existsSync(path.join(folder, SNAPSHOT_METADATA_FILE))) return folder;
  const names = existsSync(directory) ? (await readdir(directory)).filter((entry) => !entry.startsWith(".")).sort() : [];
  const known = names.length > 0 ? `the snapshots of this app are: ${names.join(", ")}` : `this app has no snapshots in ${directory}; take one with 'snapshot'`;
  throw new BosunError(`restore: no snapshot '${name}' (no ${SNAPSHOT_METADATA_FILE} in ${folder}); ${known}`, { code: "CONFIGURATION" });
}

/**
 * Reads `snapshot.json` and checks the whole snapshot against it: the format, every file present
 * with its size and sha256, every volume copy and export listed. Throws one SNAPSHOT_INVALID error
 * naming every problem; restore calls this before it stops anything.
 */
export async function readValidSnapshot(folder: string): Promise<SnapshotMetadata> {
  const name = path.basename(folder);
  const metadata = await readMetadata(folder, name);
  const problems: string[] = [];
  for (const [file, expected] of Object.entries(metadata.files)) {
    const absolute = path.join(folder, file);
    if (!isInside(folder, absolute)) problems.push(`${file} lies outside the snapshot folder`);
    else if (!existsSync(absolute)) problems.push(`${file} is missing`);
    else {
      const actual = await checksumOf(absolute);
      if (actual.bytes !== expected.bytes) problems.push(`${file} has ${actual.bytes} bytes, ${expected.bytes} were written`);
      else if (actual.sha256 !== expected.sha256) problems.push(`${file} has sha256 ${actual.sha256.slice(0, 12)}…, ${expected.sha256.slice(0, 12)}… was written`);
    }
  }
  for (const resource of metadata.resources) {
    for (const { file } of [...resource.volumes, ...resource.exports]) {
      if (!(file in metadata.files)) problems.push(`${file} (of '${resource.name}') has no checksum in ${SNAPSHOT_METADATA_FILE}`);
    }
  }
  if (problems.length > 0) throw invalid(name, folder, problems.join("; "));
  return metadata;
}

async function readMetadata(folder: string, name: string): Promise<SnapshotMetadata> {
  let metadata: Partial<SnapshotMetadata>;
  try {
    metadata = JSON.parse(await readFile(path.join(folder, SNAPSHOT_METADATA_FILE), "utf8")) as Partial<SnapshotMetadata>;
  } catch (error) {
    throw invalid(name, folder, `${SNAPSHOT_METADATA_FILE} cannot be read as JSON (${(error as Error).message})`);
  }
  if (metadata.format !== SNAPSHOT_FORMAT) throw invalid(name, folder, `${SNAPSHOT_METADATA_FILE} has format ${String(metadata.format)}; this bosun reads format ${SNAPSHOT_FORMAT}`);
  if (!Array.isArray(metadata.resources) || typeof metadata.files !== "object" || metadata.files === null) {
    throw invalid(name, folder, `${SNAPSHOT_METADATA_FILE} lacks its resources or files`);
  }
  return metadata as SnapshotMetadata;
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

function invalid(name: string, folder: string, problems: string): BosunError {
  return new BosunError(`restore: snapshot '${name}' is damaged or incomplete, so nothing was stopped or changed: ${problems}; take a new snapshot, or restore another one (${folder})`, {
    code: "SNAPSHOT_INVALID",
  });
}
