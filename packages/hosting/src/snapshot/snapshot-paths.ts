import path from "node:path";
import type { AppHostInfo } from "../model/app-host-info.js";
import { appKeyOf } from "../runtime/docker/docker-labels.js";
import { processStateDirectory } from "../runtime/process/process-registry.js";
import { BosunError } from "../errors/bosun-error.js";

/** The file in each snapshot folder that lists its resources, files, sizes and checksums. */
export const SNAPSHOT_METADATA_FILE = "snapshot.json";
/** The resolved model, with image ids and no secret value. */
export const SNAPSHOT_MANIFEST_FILE = "manifest.json";

/**
 * Where an app's snapshots live: beside the session files and the control sockets, outside the
 * repo: `$BOSUN_STATE_DIR` or `$XDG_STATE_HOME/bosun` (default `~/.local/state/bosun`), then
 * `snapshots/<app>-<id>/`. `BOSUN_SNAPSHOTS_DIR` moves the `snapshots` folder itself.
 */
export function snapshotsDirectory(appHost: AppHostInfo, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.BOSUN_SNAPSHOTS_DIR ?? path.join(path.dirname(processStateDirectory(env)), "snapshots");
  return path.join(root, appKeyOf(appHost));
}

/** Whether what `restore` was given is a snapshot folder's path (it has a `/`) rather than a name. */
export function isSnapshotFolderPath(snapshot: string): boolean {
  return snapshot.includes("/") || snapshot.includes(path.sep);
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** A snapshot name is one folder name: letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export function checkSnapshotName(name: string): string {
  if (NAME_PATTERN.test(name)) return name;
  throw new BosunError(`snapshot name '${name}' is not usable as a folder name; use letters, digits, '.', '_' and '-', e.g. --name before-migration`, {
    code: "CONFIGURATION",
  });
}

/** The default name: the time in UTC, sortable, e.g. `2026-11-29T13-05-00Z`. */
export function defaultSnapshotName(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
}
