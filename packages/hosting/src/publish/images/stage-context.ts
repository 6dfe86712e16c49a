import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { appFiles, installedPackageFiles, workspacePackageFiles } from "./context-files.js";
import { dependencyClosure, type DependencyClosure } from "./dependency-closure.js";
import { readPackageJson } from "./package-json.js";
import { CONTEXT_FOLDERS } from "./render-dockerfile.js";

export interface StageOptions {
  /** The service's build folder (holds the Dockerfile); the context folders are (re)made in it. */
  readonly contextDirectory: string;
  readonly workspaceRoot: string;
  readonly appDirectory: string;
  /** Packages the image's command needs besides the app's dependencies (tsx). */
  readonly extraPackages: readonly string[];
  /** Copy node_modules/.bin links (an npm script's commands) of the staged packages. */
  readonly includeBinLinks: boolean;
  /** The app's dependency closure when the caller already walked it; walked here otherwise. */
  readonly closure?: DependencyClosure;
}

export interface StagedContext {
  /** Fingerprint of every staged file (path, size, modification time): equal means nothing changed. */
  readonly fingerprint: string;
  readonly files: number;
  readonly closure: DependencyClosure;
}

/**
 * Stages a node app's build context next to its Dockerfile: `deps/` (the installed production
 * dependency closure from the workspace's node_modules, symlinks to workspace members kept),
 * `workspace/` (the members it uses: package.json and their `files`, i.e. built dist/) and `app/`
 * (the app's own files), each laid out as in the workspace. Files are hard-linked when possible
 * (no copy, no space), else copied. Nothing is downloaded: the image gets exactly what `run` used.
 */
export function stageBuildContext(options: StageOptions): StagedContext {
  const closure = options.closure ?? dependencyClosure(options.workspaceRoot, options.appDirectory, options.extraPackages);
  const target = (folder: string, path: string) => join(options.contextDirectory, folder, path);
  for (const folder of Object.values(CONTEXT_FOLDERS)) {
    rmSync(join(options.contextDirectory, folder), { recursive: true, force: true });
    mkdirSync(join(options.contextDirectory, folder), { recursive: true });
  }

  const hash = createHash("sha256");
  let files = 0;
  const place = (source: string, folder: string, path: string) => {
    const stat = statSync(source);
    hash.update(`${folder}/${path}\0${stat.size}\0${stat.mtimeMs}\0${stat.mode}\n`);
    linkOrCopy(source, target(folder, path));
    files++;
  };
  const appPath = relative(options.workspaceRoot, options.appDirectory);
  for (const file of appFiles(options.appDirectory)) place(join(options.appDirectory, file), CONTEXT_FOLDERS.app, join(appPath, file));
  for (const pkg of closure.packages) {
    const folder = pkg.workspace ? CONTEXT_FOLDERS.workspace : CONTEXT_FOLDERS.dependencies;
    const list = pkg.workspace ? workspacePackageFiles(pkg.source, readPackageJson(pkg.source) ?? {}) : installedPackageFiles(pkg.source);
    for (const file of list) place(join(pkg.source, file), folder, join(pkg.path, file));
  }
  const links = [...closure.links, ...(options.includeBinLinks ? binLinks(options, closure) : [])];
  for (const link of links) {
    hash.update(`link ${link.path} ${link.target}\n`);
    const at = target(CONTEXT_FOLDERS.dependencies, link.path);
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(link.target, at);
  }
  return { fingerprint: hash.digest("hex"), files, closure };
}

function linkOrCopy(source: string, destination: string): void {
  mkdirSync(dirname(destination), { recursive: true });
  try {
    linkSync(source, destination);
  } catch {
    // Another file system, or hard links not allowed: a copy does the same.
    copyFileSync(source, destination);
  }
}

/** `node_modules/.bin` entries (in the app's and the root's node_modules) that point into a staged package. */
function binLinks(options: StageOptions, closure: DependencyClosure): { path: string; target: string }[] {
  const staged = new Set(closure.packages.map((pkg) => pkg.path));
  const folders = [join(options.appDirectory, "node_modules", ".bin"), join(options.workspaceRoot, "node_modules", ".bin")];
  const links: { path: string; target: string }[] = [];
  for (const folder of folders.filter((f, i) => existsSync(f) && folders.indexOf(f) === i)) {
    for (const name of readdirSync(folder)) {
      const at = join(folder, name);
      if (!lstatSync(at).isSymbolicLink()) continue;
      const real = relative(options.workspaceRoot, realpathSync(at));
      if (![...staged].some((pkg) => real.startsWith(`${pkg}${sep}`))) continue;
      links.push({ path: relative(options.workspaceRoot, at), target: readlinkSync(at) });
    }
  }
  return links;
}

/** True when the folder's Dockerfile was written by bosun, so its context folders may be replaced. */
export function isBosunBuildFolder(directory: string): boolean {
  try {
    return readFileSync(join(directory, "Dockerfile"), "utf8").startsWith("# Generated by bosun publish");
  } catch {
    return false;
  }
}
