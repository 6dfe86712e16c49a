import { lstatSync, realpathSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { readPackageJson, runtimeDependencyNames } from "./package-json.js";

/** One installed package the app needs at run time, where it sits relative to the workspace root. */
export interface ClosurePackage {
  readonly name: string;
  /** Its real folder on this machine. */
  readonly source: string;
  /** Where it goes under the image's /app (the same place as in the workspace). */
  readonly path: string;
  /** True for a workspace member (reached through a node_modules symlink). */
  readonly workspace: boolean;
}

/** A node_modules symlink to a workspace member, kept as a symlink in the image. */
export interface ClosureLink {
  readonly path: string;
  readonly target: string;
}

export interface DependencyClosure {
  readonly packages: readonly ClosurePackage[];
  readonly links: readonly ClosureLink[];
}

/**
 * Every package the app at `appDirectory` loads at run time (dependencies, optional and peer
 * dependencies, transitively; never devDependencies), found the way Node resolves them: in the
 * `node_modules` of the requiring package's folder, then of each folder above it up to `root`.
 * `extra` names packages the image's command needs besides the app's own (e.g. tsx).
 * Throws naming the package and who needs it when a required one is not installed.
 */
export function dependencyClosure(root: string, appDirectory: string, extra: readonly string[] = []): DependencyClosure {
  const packages = new Map<string, ClosurePackage>();
  const links = new Map<string, ClosureLink>();
  const queue: { folder: string; names: string[]; optional: string[]; who: string }[] = [];
  const enqueue = (folder: string, who: string, more: readonly string[] = []) => {
    const manifest = readPackageJson(folder) ?? {};
    const { required, optional } = runtimeDependencyNames(manifest);
    queue.push({ folder, names: [...new Set([...required, ...more])], optional, who });
  };
  enqueue(appDirectory, "the app", extra);

  for (let item = queue.shift(); item; item = queue.shift()) {
    for (const [name, optional] of [...item.names.map((n) => [n, false] as const), ...item.optional.map((n) => [n, true] as const)]) {
      const found = resolvePackage(root, item.folder, name);
      if (!found) {
        if (optional) continue;
        throw new Error(
          `'${name}', a dependency of ${item.who}, is not installed under ${root}; run npm install (or npm ci) in the workspace and publish again`,
        );
      }
      const real = realpathSync(found);
      if (!isInside(root, real)) throw new Error(`'${name}' (needed by ${item.who}) is installed outside the workspace at ${real}; the image can only hold packages under ${root}`);
      const isLink = lstatSync(found).isSymbolicLink();
      if (isLink) links.set(relative(root, found), { path: relative(root, found), target: relative(dirname(found), real) });
      const path = relative(root, real);
      if (packages.has(path) || real === appDirectory) continue;
      packages.set(path, { name, source: real, path, workspace: isLink && !path.split(sep).includes("node_modules") });
      enqueue(real, `'${name}'`);
    }
  }
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { packages: [...packages.values()].sort(byPath), links: [...links.values()].sort(byPath) };
}

/** Node's lookup: `<folder>/node_modules/<name>`, then each parent folder's, stopping at root. */
function resolvePackage(root: string, from: string, name: string): string | undefined {
  for (let folder = from; isInside(root, folder); folder = dirname(folder)) {
    if (folder.endsWith(`${sep}node_modules`)) continue;
    const candidate = join(folder, "node_modules", name);
    if (exists(candidate)) return candidate;
    if (folder === root) break;
  }
  return undefined;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep));
}
