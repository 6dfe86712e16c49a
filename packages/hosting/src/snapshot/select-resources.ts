import { BosunError } from "../errors/bosun-error.js";
import type { ContainerResource } from "../model/container-resource.js";
import type { Resource } from "../model/resource.js";
import { volumeResourcesOf } from "./snapshot-host.js";

/**
 * The resources a snapshot or restore works on: those named (each must be a container with a named
 * volume), or every such container when none is named.
 */
export function selectVolumeResources(resources: readonly Resource[], names: readonly string[] | undefined, command: string): ContainerResource[] {
  const candidates = volumeResourcesOf(resources);
  const list = candidates.map((r) => r.name).join(", ") || "none";
  if (names === undefined || names.length === 0) {
    if (candidates.length > 0) return candidates;
    throw new BosunError(`${command}: no resource of this app has a data volume; add one with .withDataVolume() (e.g. builder.addPostgres("postgres").withDataVolume())`, {
      code: "CONFIGURATION",
    });
  }
  return [...new Set(names)].map((name) => {
    const found = candidates.find((r) => r.name === name);
    if (found) return found;
    const exists = resources.some((r) => r.name === name);
    const why = exists ? `'${name}' has no named data volume (add .withDataVolume() to it)` : `there is no resource '${name}'`;
    throw new BosunError(`${command}: ${why}; the resources with data volumes are: ${list}`, { code: "CONFIGURATION" });
  });
}
