import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { isIgnoredChange, isIgnoredFolder } from "./watch-filter.js";

/** A running watch over folders; `close` ends every watcher. */
export interface TreeWatch {
  close(): void;
}

/**
 * Watches every folder below `roots` except ignored ones (`node_modules`, `dist`, dot-folders),
 * one non-recursive watcher per folder, so a large `node_modules` costs nothing; folders created
 * later are picked up. Calls `onChange` with the changed file's path relative to its root.
 */
export async function watchTree(roots: readonly string[], onChange: (root: string, relativePath: string) => void): Promise<TreeWatch> {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const add = async (root: string, folder: string): Promise<void> => {
    if (closed || watchers.has(folder)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, (_event, name) => {
        if (!name) return;
        const changed = path.join(folder, name.toString());
        const relative = path.relative(root, changed);
        if (isIgnoredChange(relative)) return;
        onChange(root, relative);
        // A new folder (or one renamed into place) gets its own watcher; adding twice is a no-op.
        void stat(changed)
          .then((found) => (found.isDirectory() ? add(root, changed) : undefined))
          .catch(() => {});
      });
    } catch {
      return; // Not a folder, or gone already.
    }
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(folder);
    });
    watchers.set(folder, watcher);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    await Promise.all(entries.filter((e) => e.isDirectory() && !isIgnoredFolder(e.name)).map((e) => add(root, path.join(folder, e.name))));
  };
  await Promise.all(roots.map((root) => add(root, root)));
  return {
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
