import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The fields of a package.json the images step reads. */
export interface PackageJson {
  readonly name?: string;
  readonly workspaces?: readonly string[] | { readonly packages?: readonly string[] };
  readonly scripts?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly files?: readonly string[];
}

/** Reads `<directory>/package.json`; undefined when there is none. */
export function readPackageJson(directory: string): PackageJson | undefined {
  let text: string;
  try {
    text = readFileSync(join(directory, "package.json"), "utf8");
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as PackageJson;
  } catch (error) {
    throw new Error(`${join(directory, "package.json")} is not valid JSON (${(error as Error).message}); fix it and publish again`);
  }
}

/** Names a package needs at run time: dependencies, optional and peer dependencies (sorted). */
export function runtimeDependencyNames(manifest: PackageJson): { required: string[]; optional: string[] } {
  const required = Object.keys(manifest.dependencies ?? {});
  const optional = [...Object.keys(manifest.optionalDependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})].filter(
    (name) => !required.includes(name),
  );
  return { required: [...new Set(required)].sort(), optional: [...new Set(optional)].sort() };
}

/**
 * The npm workspace root an app belongs to: the nearest folder above it whose package.json declares
 * `workspaces`; the app's own folder when there is none.
 */
export function findWorkspaceRoot(appDirectory: string): string {
  for (let folder = dirname(appDirectory); ; folder = dirname(folder)) {
    if (readPackageJson(folder)?.workspaces !== undefined) return folder;
    if (dirname(folder) === folder) return appDirectory;
  }
}
