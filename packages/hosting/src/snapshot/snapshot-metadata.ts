import type { ManifestResource } from "../manifest/manifest-types.js";

/** The version of the snapshot folder's layout; restore refuses another one. */
export const SNAPSHOT_FORMAT = 1;

/** One named volume of a resource, copied while its container was stopped. */
export interface VolumeCopy {
  readonly volume: string;
  /** Where the container mounts it, e.g. `/var/lib/postgresql/data`. */
  readonly target: string;
  /** The gzip'd tar file, relative to the snapshot folder: `postgres/volume-<volume>.tar.gz`. */
  readonly file: string;
}

/** A file taken from the running container (a schema export), relative to the snapshot folder. */
export interface ExportedFile {
  readonly file: string;
  readonly description: string;
}

/** What a snapshot recorded of one resource. */
export interface SnapshotResource {
  readonly name: string;
  /** The image the container ran, after BOSUN_IMAGE_MAP or a mirror, e.g. `bosun-offline/postgres:15`. */
  readonly image: string;
  /** The engine's id of that image (`sha256:…`); restore compares it. */
  readonly imageId: string;
  /** The resource's manifest entry (placeholders, no secret; volumes by mount path); restore compares it. */
  readonly model: ManifestResource;
  readonly volumes: readonly VolumeCopy[];
  readonly exports: readonly ExportedFile[];
  /** Why exports were not taken, e.g. the container was not running. */
  readonly exportsSkipped?: string;
}

/** Size and sha256 of one file of the snapshot. */
export interface FileChecksum {
  readonly bytes: number;
  readonly sha256: string;
}

/** `snapshot.json`: everything restore checks before it stops anything. */
export interface SnapshotMetadata {
  readonly format: number;
  readonly name: string;
  /** The app's key (`<name>-<id>`), as on its containers' `bosun.app` label. */
  readonly app: string;
  /** ISO time the snapshot was finished. */
  readonly createdAt: string;
  readonly resources: readonly SnapshotResource[];
  /** Every other file of the folder (manifest, volume copies, exports), by relative path. */
  readonly files: Readonly<Record<string, FileChecksum>>;
}

/** The total size of a snapshot's files, or of those that belong to one resource. */
export function bytesOf(metadata: SnapshotMetadata, resource?: string): number {
  return Object.entries(metadata.files)
    .filter(([file]) => resource === undefined || file.startsWith(`${resource}/`))
    .reduce((sum, [, checksum]) => sum + checksum.bytes, 0);
}

/** `1.2 MB`, `640 kB`, `12 B`: decimal units, as `df -H` and `docker system df` print them. */
export function formatBytes(bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
