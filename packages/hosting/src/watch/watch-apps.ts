import path from "node:path";
import { describeError } from "../errors/describe-error.js";
import type { NodeAppResource } from "../model/node-app-resource.js";
import { TERMINAL_STATES, type ResourceEvent } from "../orchestrator/resource-state.js";
import { batchChanges, type ChangeBatcher } from "./debounce.js";
import { watchedFoldersOf } from "./watched-folders.js";
import { watchTree, type TreeWatch } from "./watch-tree.js";

/** What the watcher needs of a running app. */
export interface RestartableApp {
  restartResource(name: string, why: string): Promise<void>;
  events(signal?: AbortSignal): AsyncGenerator<ResourceEvent>;
}

export interface WatchAppsOptions {
  readonly app: RestartableApp;
  readonly resources: readonly NodeAppResource[];
  readonly onMessage: (text: string) => void;
  /** Quiet time after the last change before the restart; default 150 ms. */
  readonly quietMs?: number;
}

const DEFAULT_QUIET_MS = 150;

/**
 * Restarts each watched Node app when its sources change (its folder and the workspace packages it
 * depends on), one restart per burst of changes. An app that fails after a change is left as it
 * is, with its error in the log and the status, until the next change: no restart loop.
 * @example const watching = await watchApps({ app, resources, onMessage: console.log }); …; watching.close()
 */
export async function watchApps(options: WatchAppsOptions): Promise<TreeWatch> {
  const batchers: ChangeBatcher[] = [];
  const watches = await Promise.all(
    options.resources.map((resource) => {
      const batcher = batchChanges(options.quietMs ?? DEFAULT_QUIET_MS, (paths) => void restart(options, resource, paths));
      batchers.push(batcher);
      return watchTree(watchedFoldersOf(resource.workingDirectory), (root, relative) => batcher.add(displayPath(resource, root, relative)));
    }),
  );
  const ended = new AbortController();
  void reportFailures(options, ended.signal);
  return {
    close() {
      ended.abort();
      for (const batcher of batchers) batcher.cancel();
      for (const watch of watches) watch.close();
    },
  };
}

/** Relative to the app's folder (`src/index.ts`), or to the workspace package's (`service-defaults/src/index.ts`). */
function displayPath(resource: NodeAppResource, root: string, relative: string): string {
  return root === path.resolve(resource.workingDirectory) ? relative : path.join(path.basename(root), relative);
}

async function restart(options: WatchAppsOptions, resource: NodeAppResource, paths: readonly string[]): Promise<void> {
  const why = paths.length === 1 ? `${paths[0]} changed` : `${paths[0]} and ${paths.length - 1} more changed`;
  options.onMessage(`${resource.name}: restarting: ${why}`);
  await options.app.restartResource(resource.name, why).catch((error: unknown) => {
    options.onMessage(`${resource.name}: could not restart: ${describeError(error)}`);
  });
}

/** A watched app that crashes or fails to start says so once, and waits for the next change. */
async function reportFailures(options: WatchAppsOptions, signal: AbortSignal): Promise<void> {
  const watched = new Set(options.resources.map((r) => r.name));
  for await (const { snapshot, previous } of options.app.events(signal)) {
    if (!watched.has(snapshot.name) || !TERMINAL_STATES.has(snapshot.state) || TERMINAL_STATES.has(previous.state)) continue;
    if (snapshot.state === "Finished") continue;
    options.onMessage(`${snapshot.name}: ${snapshot.reason ?? snapshot.state}; its output above shows why; it restarts on the next change`);
  }
}
