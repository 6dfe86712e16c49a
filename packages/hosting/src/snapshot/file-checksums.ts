import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { FileChecksum } from "./snapshot-metadata.js";

/** Size and sha256 of one file, read as a stream (volume copies can be large). */
export async function checksumOf(file: string): Promise<FileChecksum> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const { size } = await stat(file);
  return { bytes: size, sha256: hash.digest("hex") };
}

/** The checksums of the given files, relative to `folder`, keyed by that relative path. */
export async function checksumsOf(folder: string, files: readonly string[]): Promise<Record<string, FileChecksum>> {
  const entries = await Promise.all(files.map(async (file) => [file, await checksumOf(path.join(folder, file))] as const));
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}
