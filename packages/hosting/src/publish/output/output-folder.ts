import { createHash } from "node:crypto";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
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
  const previous = await readManifest(directory);
  const problems: string[] = [];
  for (const file of [...owned.keys()].sort()) {
    const current = await readOptional(path.join(directory, file));
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
    const current = await readOptional(path.join(directory, file));
    if (current !== undefined && digest(current) === previous.files[file]) {
      await rm(path.join(directory, file));
      removed.push(file);
    }
  }
  const written: string[] = [];
  for (const [file, content] of [...owned].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await writeAt(directory, file, content, 0o644);
    written.push(file);
  }
  for (const [file, { content, mode }] of userFiles) {
    await writeAt(directory, file, content, mode);
    written.push(file);
  }
  const manifest: OutputManifest = { generatedBy: GENERATED_BY, files: Object.fromEntries([...owned].sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, c]) => [f, digest(c)])) };
  await writeFile(path.join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { written, removed };
}

async function readManifest(directory: string): Promise<OutputManifest> {
  const text = await readOptional(path.join(directory, MANIFEST_FILE));
  if (text === undefined) return { generatedBy: GENERATED_BY, files: {} };
  try {
    const parsed = JSON.parse(text) as OutputManifest;
    if (parsed.generatedBy === GENERATED_BY && typeof parsed.files === "object") return parsed;
  } catch {
    // reported below
  }
  throw new BosunError(`${path.join(directory, MANIFEST_FILE)} is not a bosun publish manifest; publish to another --output folder`, { code: "CONFIGURATION" });
}

/** The text of a file, or undefined when it does not exist. */
export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

async function writeAt(directory: string, file: string, content: string, mode: number): Promise<void> {
  const target = path.join(directory, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content, { mode });
  await chmod(target, mode);
}

function digest(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}
