import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BosunError } from "../../errors/bosun-error.js";

/** Lists the files publish wrote into a folder, with their digests. */
export const MANIFEST_FILE = ".bosun-publish";
const GENERATED_BY = "bosun publish";

interface OutputManifest {
  readonly generatedBy: string;
  /** Relative path → sha256 of the content publish wrote. */
  readonly files: Record<string, string>;
}

/** A file the user owns once written (`.env`, a secret): written only when publish computed new content. */
export interface UserFile {
  readonly content: string;
  readonly mode: number;
}

export interface OutputChanges {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Writes publish's files into `directory` safely: a file there that publish did not write, or
 * that was edited since, stops everything before any write (the folder is never emptied); files
 * of an earlier publish that are no longer produced are removed; `.bosun-publish` records the rest.
 */
export async function writeOutputFolder(directory: string, owned: ReadonlyMap<string, string>, userFiles: ReadonlyMap<string, UserFile>): Promise<OutputChanges> {
  const previous = readManifest(directory);
  const problems: string[] = [];
  for (const file of [...owned.keys()].sort()) {
    const current = readOptional(path.join(directory, file));
    if (current === undefined) continue;
    const recorded = previous.files[file];
    if (recorded === undefined) problems.push(`${file} was not written by bosun`);
    else if (recorded !== digest(current)) problems.push(`${file} was changed since bosun wrote it`);
  }
  if (problems.length > 0) {
    throw new BosunError(
      `publish stopped before writing into ${directory}:\n${problems.map((p) => `  - ${p}`).join("\n")}\nmove those files away (or delete them to let bosun write them again), or publish to another --output folder`,
      { code: "CONFIGURATION" },
    );
  }
  const removed: string[] = [];
  for (const file of Object.keys(previous.files).sort()) {
    if (owned.has(file)) continue;
    const current = readOptional(path.join(directory, file));
    if (current !== undefined && digest(current) === previous.files[file]) {
      rmSync(path.join(directory, file));
      removed.push(file);
    }
  }
  const written: string[] = [];
  const folders = new Set<string>();
  for (const [file, content] of [...owned].sort(([a], [b]) => (a < b ? -1 : 1))) {
    writeAt(directory, file, content, 0o644, folders);
    written.push(file);
  }
  for (const [file, { content, mode }] of userFiles) {
    writeAt(directory, file, content, mode, folders);
    written.push(file);
  }
  const manifest: OutputManifest = { generatedBy: GENERATED_BY, files: Object.fromEntries([...owned].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, c]) => [f, digest(c)])) };
  writeFileSync(path.join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { written, removed };
}

function readManifest(directory: string): OutputManifest {
  const text = readOptional(path.join(directory, MANIFEST_FILE));
  if (text === undefined) return { generatedBy: GENERATED_BY, files: {} };
  try {
    const parsed = JSON.parse(text) as OutputManifest;
    if (parsed.generatedBy === GENERATED_BY && typeof parsed.files === "object") return parsed;
  } catch {
    // reported below
  }
  throw new BosunError(`${path.join(directory, MANIFEST_FILE)} is not a bosun publish manifest; publish to another --output folder`, { code: "CONFIGURATION" });
}

/** The text of a file, or undefined when it does not exist. Synchronous: publish reads and writes many small files. */
export function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function writeAt(directory: string, file: string, content: string, mode: number, folders: Set<string>): void {
  const target = path.join(directory, file);
  const folder = path.dirname(target);
  if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
  folders.add(folder);
  writeFileSync(target, content, { mode });
  chmodSync(target, mode);
}

function digest(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}
