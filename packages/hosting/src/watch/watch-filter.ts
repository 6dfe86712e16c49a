import path from "node:path";

/** Folders whose changes never restart an app: dependencies, build output, caches. */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(["node_modules", "dist", "build", "out", "coverage", "test-results"]);

/**
 * Whether a change at `relativePath` (relative to a watched folder) is ignored: anything under
 * `node_modules`, build output (`dist`, `.next`, …) or a dot-folder, dot-files, and editors'
 * temporary files (`index.ts~`, `.index.ts.swp`, `4913`).
 * @example isIgnoredChange("src/index.ts") // false
 */
export function isIgnoredChange(relativePath: string): boolean {
  const parts = relativePath.split(path.sep).filter((part) => part !== "");
  if (parts.length === 0) return true;
  const file = parts.at(-1)!;
  if (file.endsWith("~") || /^\d+$/.test(file)) return true;
  return parts.some((part) => part.startsWith(".") || IGNORED_FOLDERS.has(part));
}

/** Whether a folder met while walking a watched tree is left out (and everything below it). */
export function isIgnoredFolder(name: string): boolean {
  return name.startsWith(".") || IGNORED_FOLDERS.has(name);
}
