import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { PackageJson } from "./package-json.js";

/**
 * Left out of an app's folder: installed packages (staged separately), version control, build
 * caches, logs and local `.env` files, which hold secrets and must not end up in an image.
 */
const APP_EXCLUDES = [/^node_modules$/, /^\.git$/, /^\.next\/cache$/, /^\.next-dev$/, /^\.next-build\.lock$/, /^\.env(\..+)?$/, /\.log$/, /^coverage$/, /^test-results$/];
/** `.env.example` documents variables and holds no secret. */
const APP_KEEP = /^\.env\.example$/;

/** Files of a folder, relative to it with `/`, skipping what `skip` says (checked for folders too). */
export function listFiles(root: string, skip: (path: string) => boolean): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      const path = relative(root, full).split(sep).join("/");
      if (skip(path)) continue;
      if (entry.isDirectory()) walk(full);
      else files.push(path);
    }
  };
  walk(root);
  return files.sort();
}

/** An app's own files. */
export function appFiles(directory: string): string[] {
  return listFiles(directory, (path) => !APP_KEEP.test(path) && APP_EXCLUDES.some((pattern) => pattern.test(path)));
}

/** An installed package's files, without its nested node_modules (those are staged as packages of their own). */
export function installedPackageFiles(directory: string): string[] {
  return listFiles(directory, (path) => path === "node_modules");
}

/**
 * A workspace member's files as `npm pack` would take them: package.json, README and LICENSE, plus
 * what `files` lists (folders, globs with `*`, `!` exclusions); everything but node_modules and
 * .git when it has no `files`.
 */
export function workspacePackageFiles(directory: string, manifest: PackageJson): string[] {
  const all = listFiles(directory, (path) => path === "node_modules" || path === ".git");
  if (manifest.files === undefined) return all;
  const include = manifest.files.filter((f) => !f.startsWith("!")).map(pattern);
  const exclude = manifest.files.filter((f) => f.startsWith("!")).map((f) => pattern(f.slice(1)));
  const always = /^(package\.json|README(\..*)?|LICEN[CS]E(\..*)?)$/i;
  return all.filter((file) => always.test(file) || (include.some((p) => p.test(file)) && !exclude.some((p) => p.test(file))));
}

/** A `files` entry as a pattern matching the path itself and everything under it. */
function pattern(entry: string): RegExp {
  const cleaned = entry.replace(/^\.?\//, "").replace(/\/+$/, "");
  const body = cleaned
    .split("")
    .map((c) => (c === "*" ? "[^/]*" : /[.+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c))
    .join("")
    .replace(/\[\^\/\]\*\[\^\/\]\*/g, ".*");
  return new RegExp(`^${body}(/.*)?$`);
}
