import path from "node:path";
import type { DistributedApplication } from "../app/distributed-application.js";
import { controlSocketPath, sendControl } from "../control/control-socket.js";
import { BosunError, type BosunErrorCode } from "../errors/bosun-error.js";
import { restoreApp, snapshotApp } from "../snapshot/app-snapshots.js";
import { listSnapshots } from "../snapshot/list-snapshots.js";
import type { RestoreReport } from "../snapshot/restore-snapshot.js";
import type { SnapshotReply, SnapshotRequest } from "../snapshot/snapshot-control.js";
import { isSnapshotFolderPath, snapshotsDirectory } from "../snapshot/snapshot-paths.js";
import type { SnapshotReport } from "../snapshot/take-snapshot.js";
import { formatRestoreReport, formatSnapshotList, formatSnapshotReport } from "./snapshot-output.js";

type Print = (line: string) => void;

/**
 * `snapshot [resource…] [--name N]`: asks this AppHost's running `run` over its control socket,
 * which stops and starts the resources through its orchestrator; with no run answering, copies the
 * volumes directly (stopping a persistent container for the copy).
 */
export async function snapshotCommand(application: DistributedApplication, options: { resources: string[]; name?: string }, print: Print = console.log): Promise<void> {
  const answered = await askRunningApp<SnapshotReport>(application, { snapshot: options });
  const report = answered ?? (await offline(print, () => snapshotApp(application.appHost, application.resources, { ...options, onProgress: print })));
  formatSnapshotReport(report).forEach((line) => print(line));
}

/** `restore <snapshot> [resource…] [--force]`: like `snapshot`, through the running app when there is one. */
export async function restoreCommand(
  application: DistributedApplication,
  options: { snapshot: string; resources: string[]; force: boolean },
  print: Print = console.log,
): Promise<void> {
  // A folder path is this terminal's: the running AppHost may have another working folder.
  const snapshot = isSnapshotFolderPath(options.snapshot) ? path.resolve(options.snapshot) : options.snapshot;
  const answered = await askRunningApp<RestoreReport>(application, { restore: { ...options, snapshot } });
  const { resources, force } = options;
  const report = answered ?? (await offline(print, () => restoreApp(application.appHost, application.resources, snapshot, { resources, force, onProgress: print })));
  formatRestoreReport(report).forEach((line) => print(line));
}

/** `snapshots`: lists this app's snapshots (reads only their snapshot.json; no engine). */
export async function snapshotsCommand(application: DistributedApplication, print: Print = console.log): Promise<void> {
  const directory = snapshotsDirectory(application.appHost);
  formatSnapshotList(await listSnapshots(directory), directory).forEach((line) => print(line));
}

/** The running AppHost's answer, or undefined when none runs (no socket, or nobody listening on it). */
async function askRunningApp<R>(application: DistributedApplication, request: SnapshotRequest): Promise<R | undefined> {
  let reply: SnapshotReply<R>;
  try {
    reply = await sendControl<SnapshotReply<R>>(controlSocketPath(application.appHost), request);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ECONNREFUSED") return undefined;
    throw error;
  }
  if (!reply.ok) throw new BosunError(reply.error, { code: (reply.code ?? "RUNTIME") as BosunErrorCode });
  return reply.result;
}

function offline<R>(print: Print, work: () => Promise<R>): Promise<R> {
  print("no running AppHost answered; working on the volumes directly");
  return work();
}
