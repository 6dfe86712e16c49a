import type { EngineClient } from "../../engine/engine-client.js";
import type { MountSpec } from "../../engine/container-spec.js";
import type { ContainerResource } from "../../model/container-resource.js";
import { LABEL } from "./docker-labels.js";

/** Named volumes, anonymous volumes (empty source: removed with the container) and bind mounts, as declared. */
export function mountSpecsOf(resource: ContainerResource): MountSpec[] {
  return resource.annotationsOf("mount").map((mount) => ({
    type: mount.kind,
    source: mount.source ?? "",
    target: mount.target,
    readOnly: mount.readOnly,
  }));
}

/**
 * Creates the named volumes that do not exist yet, labelled with the app so `down --volumes` finds
 * them. Existing volumes are used as they are; bosun never removes one on its own.
 */
export async function ensureNamedVolumes(engine: EngineClient, mounts: readonly MountSpec[], appKey: string): Promise<void> {
  const names = new Set(mounts.filter((m) => m.type === "volume" && m.source !== "").map((m) => m.source));
  for (const name of names) {
    if ((await engine.volumes.inspect(name)) === undefined) {
      await engine.volumes.create({ name, labels: { [LABEL.app]: appKey } });
    }
  }
}
