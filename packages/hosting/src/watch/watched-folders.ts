import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

interface PackageJson {
  readonly name?: string;
  readonly workspaces?: readonly string[] | { readonly packages?: readonly string[] };
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

function readPackage(folder: string): PackageJson | undefined {
  try {
    return JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as PackageJson;
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `from` whose package.json declares workspaces. */
function workspaceRootOf(from: string): string | undefined {
  for (let folder = path.resolve(from); ; folder = path.dirname(folder)) {
    if (readPackage(folder)?.workspaces) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** Workspace package name → folder, for `packages/*`-style and exact workspace entries. */
function workspacePackages(root: string): Map<string, string> {
  const declared = readPackage(root)?.workspaces;
  const patterns = Array.isArray(declared) ? declared : ((declared as { packages?: readonly string[] } | undefined)?.packages ?? []);
  const folders = patterns.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [path.join(root, pattern)];
    const parent = path.join(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(parent, e.name));
  });
  const byName = new Map<string, string>();
  for (const folder of folders) {
    const name = readPackage(folder)?.name;
    if (name) byName.set(name, folder);
  }
  return byName;
}

/**
 * The folders whose changes restart a Node app: its own, and those of the workspace packages it
 * depends on (directly or through another workspace package), so editing a shared library restarts
 * the apps that use it. Outside a workspace, only its own.
 * @example watchedFoldersOf("examples/ecommerce/auth-api") // [auth-api, packages/service-defaults]
 */
export function watchedFoldersOf(appDirectory: string): string[] {
  const own = path.resolve(appDirectory);
  const root = workspaceRootOf(own);
  if (!root) return [own];
  const packages = workspacePackages(root);
  const found = [own];
  for (let index = 0; index < found.length; index += 1) {
    const manifest = readPackage(found[index]!);
    for (const name of Object.keys({ ...manifest?.dependencies })) {
      const folder = packages.get(name);
      if (folder && !found.includes(folder)) found.push(folder);
    }
  }
  return found;
}
