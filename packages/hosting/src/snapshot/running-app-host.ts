import type { EngineClient } from "../engine/engine-client.js";
import { BosunError } from "../errors/bosun-error.js";
import type { ImageSubstitution } from "../images/image-substitution.js";
import { ContainerResource, imageReferenceOf } from "../model/container-resource.js";
import { ExecutableResource } from "../model/executable-resource.js";
import type { Resource } from "../model/resource.js";
import type { ResourceSnapshot, ResourceState } from "../orchestrator/resource-state.js";
import type { SessionInfo } from "../runtime/resource-runtime.js";
import type { SnapshotHost } from "./snapshot-host.js";

/** What snapshot and restore use of a started app (RunningApp): its session, states, and stopping and starting one resource. */
export interface StartedApp {
  readonly session: SessionInfo;
  resource(name: string): ResourceSnapshot;
  stopResource(name: string): Promise<void>;
  startResource(name: string): Promise<void>;
}

const RUNNING_STATES: ReadonlySet<ResourceState> = new Set(["Starting", "Running"]);

/** A started app: resources stop and start through its orchestrator, as `stopResource`/`startResource` do. */
export function runningAppHost(app: StartedApp, resources: readonly Resource[], engine: EngineClient, substitution: ImageSubstitution): SnapshotHost {
  return {
    engine,
    appHost: app.session.appHost,
    resources,
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
