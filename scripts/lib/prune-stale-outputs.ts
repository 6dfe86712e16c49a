import { existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";

const OUTPUT = /\.(d\.ts\.map|d\.ts|js\.map|js)$/;

/**
 * Removes the files of `packageDir`/dist whose source in src/ no longer exists (tsc -b never
 * deletes the output of a moved or deleted file, and npm pack would ship it). Returns their paths.
 */
export function pruneStaleOutputs(packageDir: string): string[] {
  const dist = join(packageDir, "dist");
  if (!existsSync(dist)) return [];
  const stale = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && OUTPUT.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => {
      const stem = relative(dist, file).replace(OUTPUT, "");
      return ![".ts", ".tsx", ".mts", ".js", ".mjs"].some((extension) => existsSync(join(packageDir, "src", `${stem}${extension}`)));
    });
  for (const file of stale) rmSync(file);
  return stale;
}
