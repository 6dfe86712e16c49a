import type { EngineClient } from "../engine/engine-client.js";
import { BosunError } from "../errors/bosun-error.js";
import type { ImageSubstitution } from "../images/image-substitution.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import { ContainerResource, imageReferenceOf } from "../model/container-resource.js";
import type { Resource } from "../model/resource.js";
import { LABEL, isPersistent } from "../runtime/docker/docker-labels.js";
import { isProcessAlive } from "../runtime/docker/session-owner.js";
import { runningContainerOf, type SnapshotHost } from "./snapshot-host.js";

/** How long a container gets to stop cleanly (PostgreSQL flushes, Redis saves) before it is killed. */
const STOP_TIMEOUT_SECONDS = 30;

/**
 * An app that is not running: its volumes are copied directly. A persistent container kept from an
 * earlier run is stopped for the copy and started again; a session container of an AppHost process
 * that is still alive (a `start()` in a test or a script, which takes no commands) is refused.
 */
export function offlineHost(appHost: AppHostInfo, resources: readonly Resource[], engine: EngineClient, substitution: ImageSubstitution): SnapshotHost {
  const stopped = new Map<string, string>();
  const host: SnapshotHost = {
    engine,
    appHost,
    resources,
    imageOf: (resource) => substitution.substitute(imageReferenceOf(resource)).image,
    async stop(resource) {
      if (!(resource instanceof ContainerResource)) return false;
      const container = await runningContainerOf(host, resource);
      if (!container) return false;
      const owner = Number(container.labels[LABEL.pid]);
      if (!isPersistent(container.labels) && Number.isInteger(owner) && isProcessAlive(owner)) {
        throw new BosunError(
          `resource '${resource.name}' runs in container '${container.name}' of process ${owner}, which takes no commands; stop that app first, or run it with 'run' so snapshot and restore can ask it`,
          { code: "CONFIGURATION" },
        );
      }
      await engine.containers.stop(container.id, { timeoutSeconds: STOP_TIMEOUT_SECONDS });
      stopped.set(resource.name, container.id);
      return true;
    },
    async start(resource) {
      const id = stopped.get(resource.name);
      if (id === undefined) return;
      stopped.delete(resource.name);
      await engine.containers.start(id);
    },
  };
  return host;
}
