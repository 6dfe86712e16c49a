import { connectEngine } from "../engine/connect-engine.js";
import { loadImageSubstitution } from "../images/image-substitution.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import type { Resource } from "../model/resource.js";
import { offlineHost } from "./offline-host.js";
import { findSnapshot } from "./read-snapshot.js";
import { selectVolumeResources } from "./select-resources.js";
import { snapshotsDirectory } from "./snapshot-paths.js";
import { restoreSnapshot, type RestoreOptions, type RestoreReport } from "./restore-snapshot.js";
import { runningAppHost, type StartedApp } from "./running-app-host.js";
import type { SnapshotHost } from "./snapshot-host.js";
import { takeSnapshot, type SnapshotOptions, type SnapshotReport } from "./take-snapshot.js";

/** The snapshot host of a started app or of one that is not running; engine and image substitution read as `start()` reads them. */
async function hostFor(target: StartedApp | AppHostInfo, resources: readonly Resource[], env: NodeJS.ProcessEnv): Promise<SnapshotHost> {
  const substitution = loadImageSubstitution({ env, cwd: process.cwd() });
  const engine = await connectEngine({ env });
  return "session" in target ? runningAppHost(target, resources, engine, substitution) : offlineHost(target, resources, engine, substitution);
}

/** A snapshot of a running app (through its orchestrator) or of an app that is not running (its AppHostInfo). */
export async function snapshotApp(target: StartedApp | AppHostInfo, resources: readonly Resource[], options: SnapshotOptions = {}): Promise<SnapshotReport> {
  // A resource named wrongly is told before the engine is looked for.
  selectVolumeResources(resources, options.resources, "snapshot");
  return takeSnapshot(await hostFor(target, resources, options.env ?? process.env), options);
}

/** A restore into a running app (through its orchestrator) or into an app that is not running. */
export async function restoreApp(target: StartedApp | AppHostInfo, resources: readonly Resource[], snapshot: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  // A snapshot that is not there is told before the engine is looked for.
  const appHost = "session" in target ? target.session.appHost : target;
  await findSnapshot(snapshot, options.directory ?? snapshotsDirectory(appHost, options.env));
  return restoreSnapshot(await hostFor(target, resources, options.env ?? process.env), snapshot, options);
}
