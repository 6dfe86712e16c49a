import path from "node:path";
import ts from "typescript";
import type { WorkspacePackage } from "./workspace-files.js";

/** An import that reaches past another package's entry into its files. */
export interface DeepImport {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly reason: string;
}

/** The package a repository-relative path belongs to: the deepest folder with a package.json. */
export function packageOf(file: string, packages: readonly WorkspacePackage[]): WorkspacePackage {
  let owner: WorkspacePackage | undefined;
  for (const candidate of packages) {
    const inside = candidate.dir === "" || file === candidate.dir || file.startsWith(`${candidate.dir}/`);
    if (inside && (owner === undefined || candidate.dir.length > owner.dir.length)) owner = candidate;
  }
  if (owner === undefined) throw new Error(`${file} is outside every package; pass the repository root's package too`);
  return owner;
}

/**
 * The imports in `text` (the file `file`, relative to the repository root) that reach into another
 * package's src/ or dist/: by a relative path that leaves the file's package, or as
 * `<package>/src/…` / `<package>/dist/…`. Shared test support and the reference AppHost outside
 * any package's src/ may still be imported by path.
 */
export function findDeepImports(file: string, text: string, packages: readonly WorkspacePackage[]): DeepImport[] {
  const own = packageOf(file, packages);
  const found: DeepImport[] = [];
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    const specifier = imported.fileName;
    const line = text.slice(0, imported.pos).split("\n").length;
    const reason = specifier.startsWith(".") ? crossingReason(file, specifier, own, packages) : bareReason(specifier, packages);
    if (reason !== undefined) found.push({ file, line, specifier, reason });
  }
  return found;
}

function crossingReason(file: string, specifier: string, own: WorkspacePackage, packages: readonly WorkspacePackage[]): string | undefined {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  const owner = packageOf(target, packages);
  const inside = owner.dir === "" ? target : target.slice(owner.dir.length + 1);
  if (owner.dir === own.dir || !/^(src|dist)(\/|$)/.test(inside)) return undefined;
  return `reaches into ${owner.dir}/${inside.split("/")[0]}/; import '${owner.name}' (one of its package.json exports) instead`;
}

function bareReason(specifier: string, packages: readonly WorkspacePackage[]): string | undefined {
  for (const candidate of packages) {
    const rest = specifier.startsWith(`${candidate.name}/`) ? specifier.slice(candidate.name.length + 1) : undefined;
    if (rest !== undefined && /^(src|dist)(\/|$)/.test(rest)) return `reaches into ${candidate.name}'s ${rest.split("/")[0]}/; import '${candidate.name}' (one of its package.json exports) instead`;
  }
  return undefined;
}
