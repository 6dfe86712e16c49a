import { existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { BosunError } from "../errors/bosun-error.js";
import { writeManifest } from "../manifest/write-manifest.js";
import type { ContainerResource } from "../model/container-resource.js";
import { appKeyOf } from "../runtime/docker/docker-labels.js";
import { checksumsOf } from "./file-checksums.js";
import { resourceModelOf } from "./model-record.js";
import { selectVolumeResources } from "./select-resources.js";
import { imageOfContainer, resolvedManifest } from "./resolved-manifest.js";
import { SNAPSHOT_FORMAT, type SnapshotMetadata, type SnapshotResource } from "./snapshot-metadata.js";
import { SNAPSHOT_MANIFEST_FILE, SNAPSHOT_METADATA_FILE, checkSnapshotName, defaultSnapshotName, snapshotsDirectory } from "./snapshot-paths.js";
import { namedVolumesOf, runningContainerOf, type SnapshotHost } from "./snapshot-host.js";
import { saveVolume } from "./volume-copy.js";

/** What `snapshot` is asked for (RunningApp.snapshot, the `snapshot` command). */
export interface SnapshotOptions {
  /** The resources to take; default every container with a named data volume. */
  readonly resources?: readonly string[];
  /** The snapshot's name (a folder name); default the time in UTC, e.g. `2026-11-29T13-05-00Z`. */
  readonly name?: string;
  /** The app's snapshots folder; default `~/.local/state/bosun/snapshots/<app>-<id>` (see docs/backup-restore.md). */
  readonly directory?: string;
  /** Where `BOSUN_STATE_DIR`, `XDG_STATE_HOME` and `BOSUN_SNAPSHOTS_DIR` are read; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** A line per step, for humans. */
  readonly onProgress?: (line: string) => void;
}

/** What a snapshot wrote: its folder and metadata (files with sizes and checksums), and how long it took. */
export interface SnapshotReport {
  readonly directory: string;
  readonly metadata: SnapshotMetadata;
  readonly ms: number;
}

/**
 * Takes a snapshot: for each resource, the exports its integration declares (PostgreSQL: a
 * schema-only dump per database) while it runs, then a copy of each named volume while its
 * container is stopped, then starts it again. Written to a hidden folder first and renamed at the
 * end, so a snapshot that failed half-way is never listed or restored.
 */
export async function takeSnapshot(host: SnapshotHost, options: SnapshotOptions = {}): Promise<SnapshotReport> {
  const started = Date.now();
  const chosen = selectVolumeResources(host.resources, options.resources, "snapshot");
  const name = checkSnapshotName(options.name ?? defaultSnapshotName(new Date()));
  const root = options.directory ?? snapshotsDirectory(host.appHost, options.env);
  const folder = path.join(root, name);
  if (existsSync(folder)) throw new BosunError(`snapshot '${name}' already exists in ${root}; choose another --name or remove that folder`, { code: "CONFIGURATION" });
  const partial = path.join(root, `.${name}.partial`);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true, mode: 0o700 });
  try {
    const manifest = writeManifest(host.resources, host.appHost);
    const recorded: SnapshotResource[] = [];
    for (const resource of chosen) recorded.push(await takeResource(host, resource, partial, resourceModelOf(manifest, resource.name), options.onProgress));
    await writeFile(path.join(partial, SNAPSHOT_MANIFEST_FILE), `${JSON.stringify(await resolvedManifest(host, manifest, recorded), null, 2)}\n`);
    const files = [SNAPSHOT_MANIFEST_FILE, ...recorded.flatMap((r) => [...r.volumes.map((v) => v.file), ...r.exports.map((e) => e.file)])];
    const metadata: SnapshotMetadata = {
      format: SNAPSHOT_FORMAT,
      name,
      app: appKeyOf(host.appHost),
      createdAt: new Date().toISOString(),
      resources: recorded,
      files: await checksumsOf(partial, files),
    };
    await writeFile(path.join(partial, SNAPSHOT_METADATA_FILE), `${JSON.stringify(metadata, null, 2)}\n`);
    await rename(partial, folder);
    return { directory: folder, metadata, ms: Date.now() - started };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function takeResource(
  host: SnapshotHost,
  resource: ContainerResource,
  folder: string,
  model: SnapshotResource["model"],
  onProgress?: (line: string) => void,
): Promise<SnapshotResource> {
  await mkdir(path.join(folder, resource.name));
  const container = await runningContainerOf(host, resource);
  const { image, imageId } = await imageOfContainer(host, resource, container);
  const exports = [];
  for (const exported of resource.annotationsOf("snapshot-export")) {
    if (!container) break;
    onProgress?.(`${resource.name}: ${exported.description}`);
    const result = await host.engine.containers.exec(container.id, exported.command);
    if (result.exitCode !== 0) {
      throw new BosunError(`snapshot: '${resource.name}' could not export ${exported.description} (exit code ${result.exitCode}): ${result.stderr.trim() || result.output.trim()}`, { code: "RUNTIME" });
    }
    const file = `${resource.name}/${exported.file}`;
    await writeFile(path.join(folder, file), result.stdout);
    exports.push({ file, description: exported.description });
  }
  onProgress?.(`${resource.name}: stopping it to copy its volumes`);
  const stopped = await host.stop(resource);
  const volumes = namedVolumesOf(resource).map(({ volume, target }) => ({ volume, target, file: `${resource.name}/volume-${volume}.tar.gz` }));
  try {
    const owner = process.getuid && process.getgid ? { uid: process.getuid(), gid: process.getgid() } : undefined;
    for (const copy of volumes) await saveVolume({ engine: host.engine, appKey: appKeyOf(host.appHost), image, volume: copy.volume, folder, file: copy.file, ...(owner ? { owner } : {}) });
  } finally {
    if (stopped) {
      onProgress?.(`${resource.name}: starting it again`);
      await host.start(resource);
    }
  }
  const skipped = container || resource.annotationsOf("snapshot-export").length === 0 ? {} : { exportsSkipped: "its container was not running" };
  return { name: resource.name, image, imageId, model, volumes, exports, ...skipped };
}
