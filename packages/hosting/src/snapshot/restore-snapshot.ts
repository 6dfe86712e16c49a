import path from "node:path";
import { BosunError } from "../errors/bosun-error.js";
import type { Manifest } from "../manifest/manifest-types.js";
import { writeManifest } from "../manifest/write-manifest.js";
import type { ContainerResource } from "../model/container-resource.js";
import { appKeyOf } from "../runtime/docker/docker-labels.js";
import { restoreOrder } from "./restore-order.js";
import { differencesOf, resourceModelOf } from "./model-record.js";
import { findSnapshot, readValidSnapshot } from "./read-snapshot.js";
import { imageOfResource } from "./resolved-manifest.js";
import { selectVolumeResources } from "./select-resources.js";
import { bytesOf, type SnapshotMetadata, type SnapshotResource } from "./snapshot-metadata.js";
import { snapshotsDirectory } from "./snapshot-paths.js";
import { namedVolumesOf, type SnapshotHost } from "./snapshot-host.js";
import { loadVolume } from "./volume-copy.js";

/** What `restore` is asked for (RunningApp.restore, the `restore` command). */
export interface RestoreOptions {
  /** The resources to put back; default every resource in the snapshot. */
  readonly resources?: readonly string[];
  /** Restore even when the snapshot's image or model differs from the app's (the differences are reported). */
  readonly force?: boolean;
  /** The app's snapshots folder; default as for `snapshot`. */
  readonly directory?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly onProgress?: (line: string) => void;
}

/** What a restore did: the resources put back, those stopped and started again, and how long it took. */
export interface RestoreReport {
  readonly name: string;
  readonly directory: string;
  readonly restored: readonly { readonly name: string; readonly volumes: readonly string[]; readonly bytes: number }[];
  /** Stopped for the restore (the resources and their dependents), in the order they were stopped. */
  readonly stopped: readonly string[];
  /** Differences accepted with `force`. */
  readonly mismatches: readonly string[];
  readonly ms: number;
}

/**
 * Puts a snapshot back: checks it completely and compares its images and model with the app's
 * before anything stops, then stops the resources and their dependents, replaces the volumes'
 * contents, and starts them again (the resources first).
 */
export async function restoreSnapshot(host: SnapshotHost, snapshot: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const started = Date.now();
  const folder = await findSnapshot(snapshot, options.directory ?? snapshotsDirectory(host.appHost, options.env));
  const metadata = await readValidSnapshot(folder);
  const chosen = chooseResources(host, metadata, options.resources, path.basename(folder));
  const manifest = writeManifest(host.resources, host.appHost);
  const mismatches = (await Promise.all(chosen.map(({ resource, recorded }) => mismatchesOf(host, manifest, resource, recorded)))).flat();
  if (mismatches.length > 0 && options.force !== true) {
    throw new BosunError(`restore: snapshot '${path.basename(folder)}' does not match the app, so nothing was stopped: ${mismatches.join("; ")}; restore --force puts it back anyway`, {
      code: "SNAPSHOT_MISMATCH",
    });
  }
  for (const mismatch of mismatches) options.onProgress?.(`--force: ${mismatch}`);
  const order = restoreOrder(host.resources, chosen.map((c) => c.resource));
  const stopped: string[] = [];
  try {
    for (const resource of order) {
      if (await host.stop(resource)) stopped.push(resource.name);
    }
    if (stopped.length > 0) options.onProgress?.(`stopped ${stopped.join(", ")}`);
    for (const { resource, copies } of chosen) {
      options.onProgress?.(`${resource.name}: putting back ${copies.map((c) => c.volume).join(", ")}`);
      for (const copy of copies) {
        await loadVolume({ engine: host.engine, appKey: appKeyOf(host.appHost), image: host.imageOf(resource), volume: copy.volume, folder, file: copy.file });
      }
    }
  } finally {
    await startAgain(host, stopped);
  }
  const restored = chosen.map(({ resource, copies }) => ({ name: resource.name, volumes: copies.map((c) => c.volume), bytes: bytesOf(metadata, resource.name) }));
  return { name: path.basename(folder), directory: folder, restored, stopped, mismatches, ms: Date.now() - started };
}

/** Starts what was stopped, the restored resources first; every one is tried, the first failure is thrown. */
async function startAgain(host: SnapshotHost, stopped: readonly string[]): Promise<void> {
  const failures: unknown[] = [];
  for (const name of [...stopped].reverse()) {
    const resource = host.resources.find((r) => r.name === name);
    if (resource) await host.start(resource).catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
}

interface ChosenResource {
  readonly resource: ContainerResource;
  readonly recorded: SnapshotResource;
  /** Each recorded volume copy with the volume it goes into now (matched by mount path). */
  readonly copies: readonly { readonly volume: string; readonly file: string }[];
}

function chooseResources(host: SnapshotHost, metadata: SnapshotMetadata, names: readonly string[] | undefined, snapshot: string): ChosenResource[] {
  const recordedNames = metadata.resources.map((r) => r.name);
  for (const name of names ?? []) {
    if (!recordedNames.includes(name)) {
      throw new BosunError(`restore: snapshot '${snapshot}' has no '${name}'; it holds ${recordedNames.join(", ")}`, { code: "CONFIGURATION" });
    }
  }
  const resources = selectVolumeResources(host.resources, names && names.length > 0 ? names : recordedNames, "restore");
  return resources.map((resource) => {
    const recorded = metadata.resources.find((r) => r.name === resource.name) as SnapshotResource;
    const volumes = namedVolumesOf(resource);
    const copies = recorded.volumes.map((copy) => {
      const target = volumes.find((v) => v.target === copy.target);
      if (!target) {
        throw new BosunError(`restore: '${resource.name}' has no volume at ${copy.target} any more, where the snapshot's '${copy.volume}' was mounted; add it back with .withDataVolume()`, {
          code: "SNAPSHOT_MISMATCH",
        });
      }
      return { volume: target.volume, file: copy.file };
    });
    return { resource, recorded, copies };
  });
}

async function mismatchesOf(host: SnapshotHost, manifest: Manifest, resource: ContainerResource, recorded: SnapshotResource): Promise<string[]> {
  const found: string[] = [];
  const { image, imageId } = await imageOfResource(host, resource);
  if (imageId !== recorded.imageId) {
    found.push(`'${resource.name}' was taken with image ${recorded.image} (${shortId(recorded.imageId)}), it runs ${image} (${shortId(imageId)}) now`);
  }
  const differences = differencesOf(recorded.model, resourceModelOf(manifest, resource.name));
  if (differences.length > 0) found.push(`the model of '${resource.name}' differs in ${differences.join(", ")}`);
  return found;
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, "").slice(0, 12);
}
