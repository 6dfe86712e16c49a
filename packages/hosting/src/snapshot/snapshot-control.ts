import { describeError } from "../errors/describe-error.js";
import type { RestoreOptions, RestoreReport } from "./restore-snapshot.js";
import type { SnapshotOptions, SnapshotReport } from "./take-snapshot.js";

/** What the running AppHost does for `snapshot` and `restore` from another terminal (RunningApp does it). */
export interface SnapshotCapableApp {
  snapshot(options: SnapshotOptions): Promise<SnapshotReport>;
  restore(name: string, options: RestoreOptions): Promise<RestoreReport>;
}

/** `{"snapshot":{…}}` or `{"restore":{…}}` on the control socket: the options a command line can give. */
export interface SnapshotRequest {
  readonly snapshot?: { readonly resources?: readonly string[]; readonly name?: string };
  readonly restore?: { readonly snapshot: string; readonly resources?: readonly string[]; readonly force?: boolean };
}

export type SnapshotReply<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: string; readonly code?: string };

/** Runs a snapshot or restore request in the running AppHost; undefined when the request is neither. */
export async function handleSnapshotRequest(app: SnapshotCapableApp, request: SnapshotRequest): Promise<SnapshotReply<SnapshotReport | RestoreReport> | undefined> {
  try {
    if (request.snapshot) return { ok: true, result: await app.snapshot({ ...request.snapshot }) };
    if (request.restore) {
      const { snapshot, ...options } = request.restore;
      return { ok: true, result: await app.restore(snapshot, options) };
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, error: describeError(error), ...(typeof code === "string" ? { code } : {}) };
  }
  return undefined;
}
