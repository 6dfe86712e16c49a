import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A folder with a package.json: the repository root or one of its workspaces. */
export interface WorkspacePackage {
  /** Path relative to the repository root; "" for the root itself. */
  readonly dir: string;
  readonly name: string;
}

const SKIPPED_FOLDERS = new Set(["node_modules", "dist"]);

/** Every file under `root` (relative paths), skipping node_modules, dist and dot folders. */
export function listRepoFiles(root = REPO_ROOT): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith(".")) visit(relative);
      } else if (entry.isFile()) {
        files.push(relative);
      }
    }
  };
  visit("");
  return files;
}

/** The repository root and every folder below it that has a package.json. */
export function listPackages(files: readonly string[], root = REPO_ROOT): WorkspacePackage[] {
  return files
    .filter((file) => path.posix.basename(file) === "package.json")
    .map((file) => {
      const dir = path.posix.dirname(file);
      const { name } = JSON.parse(readFileSync(path.join(root, file), "utf8")) as { name: string };
      return { dir: dir === "." ? "" : dir, name };
    });
}
