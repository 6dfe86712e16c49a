import type { RunningApp } from "../app/running-app.js";
import type { EngineClient } from "../engine/engine-client.js";
import { BosunError } from "../errors/bosun-error.js";
import type { ImageSubstitution } from "../images/image-substitution.js";
import { ContainerResource, imageReferenceOf } from "../model/container-resource.js";
import { ExecutableResource } from "../model/executable-resource.js";
import type { Resource } from "../model/resource.js";
import type { ResourceState } from "../orchestrator/resource-state.js";
import type { SnapshotHost } from "./snapshot-host.js";

const RUNNING_STATES: ReadonlySet<ResourceState> = new Set(["Starting", "Running"]);

/** A started app: resources stop and start through its orchestrator, as `stopResource`/`startResource` do. */
export function runningAppHost(app: RunningApp, resources: readonly Resource[], engine: EngineClient, substitution: ImageSubstitution): SnapshotHost {
  return {
    engine,
    appHost: app.session.appHost,
    resources,
    mode: "running",
    imageOf: (resource) => substitution.substitute(imageReferenceOf(resource)).image,
    async stop(resource) {
      if (!(resource instanceof ContainerResource || resource instanceof ExecutableResource)) return false;
      // Only what runs has a process or container to stop; one still waiting for its dependencies has none yet.
      if (!RUNNING_STATES.has(app.resource(resource.name).state)) return false;
      await app.stopResource(resource.name);
      return true;
    },
    async start(resource) {
      await app.startResource(resource.name);
      const { state, health, reason } = app.resource(resource.name);
      if (state === "Running" && health !== "Unhealthy") return;
      throw new BosunError(`resource '${resource.name}' did not come back after the restore: ${state}/${health}${reason ? `: ${reason}` : ""}`, { code: "RUNTIME" });
    },
  };
}
