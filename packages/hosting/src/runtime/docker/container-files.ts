import { createHash } from "node:crypto";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MountSpec } from "../../engine/container-spec.js";
import type { Lifetime } from "../../model/annotations.js";
import type { RenderedFile } from "../../model/environment.js";
import { processStateDirectory } from "../process/process-registry.js";
import type { SessionInfo } from "../resource-runtime.js";

/** Where generated container files live: the user's state folder, never the project. */
export function containerFilesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.dirname(processStateDirectory(env)), "files");
}

/**
 * The folder of one session's files; a persistent container's files are kept per AppHost instead,
 * so their paths (part of its configuration hash) stay the same from one run to the next.
 */
export function containerFilesDirectory(session: SessionInfo, lifetime: Lifetime, root: string = containerFilesRoot()): string {
  return path.join(root, lifetime === "persistent" ? `${session.appHost.name}-${session.appHost.id}` : session.id);
}

/**
 * Writes a resource's generated files and returns their read-only bind mounts. The folder is 0700
 * (the files may hold passwords); the files are 0644 so the container's own user, whatever its
 * uid, can read them through the mount.
 */
export async function writeContainerFiles(directory: string, resource: string, files: readonly RenderedFile[]): Promise<MountSpec[]> {
  if (files.length === 0) return [];
  const folder = path.join(directory, resource);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(directory, 0o700);
  await chmod(folder, 0o700);
  const mounts: MountSpec[] = [];
  for (const file of files) {
    // Two targets may share a base name: the path's hash keeps their sources apart.
    const source = path.join(folder, `${createHash("sha256").update(file.target).digest("hex").slice(0, 8)}-${path.posix.basename(file.target)}`);
    await writeFile(source, file.content, { mode: 0o644 });
    await chmod(source, 0o644);
    mounts.push({ type: "bind", source, target: file.target, readOnly: true });
  }
  return mounts;
}

/** Removes a session's generated files (they may hold passwords) once its containers are gone. */
export async function removeSessionFiles(session: SessionInfo, root: string = containerFilesRoot()): Promise<void> {
  await rm(containerFilesDirectory(session, "session", root), { recursive: true, force: true });
}
