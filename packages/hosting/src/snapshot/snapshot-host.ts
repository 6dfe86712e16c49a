import type { ContainerInfo } from "../engine/container-info.js";
import type { EngineClient } from "../engine/engine-client.js";
import type { AppHostInfo } from "../model/app-host-info.js";
import type { Resource } from "../model/resource.js";
import { ContainerResource } from "../model/container-resource.js";
import { LABEL, appKeyOf } from "../runtime/docker/docker-labels.js";

/**
 * What snapshot and restore need of an app: its model, its engine, and a way to stop and start a
 * resource. A running app stops and starts through its orchestrator (its status and dependents see
 * it); an app that is not running has at most persistent containers to stop (see offline-host.ts).
 */
export interface SnapshotHost {
  readonly engine: EngineClient;
  readonly appHost: AppHostInfo;
  readonly resources: readonly Resource[];
  /** The image a container of the resource runs when none runs now (after BOSUN_IMAGE_MAP). */
  imageOf(resource: ContainerResource): string;
  /** Stops the resource's process or container when it runs; true when it did. */
  stop(resource: Resource): Promise<boolean>;
  /** Starts again what `stop` stopped; resolves once it is healthy, or rejects naming why not. */
  start(resource: Resource): Promise<void>;
}

/** The resource's running container on the engine (session or persistent), if one runs. */
export async function runningContainerOf(host: SnapshotHost, resource: ContainerResource): Promise<ContainerInfo | undefined> {
  const labels = { [LABEL.app]: appKeyOf(host.appHost), [LABEL.resource]: resource.name };
  const [found] = await host.engine.containers.list({ labels, all: false });
  return found ? host.engine.containers.inspect(found.id) : undefined;
}

/** The resources snapshot takes by default: containers with at least one named volume. */
export function volumeResourcesOf(resources: readonly Resource[]): ContainerResource[] {
  return resources.filter((r): r is ContainerResource => r instanceof ContainerResource && namedVolumesOf(r).length > 0);
}

/** The resource's named volumes (anonymous ones go with their container and are not kept). */
export function namedVolumesOf(resource: ContainerResource): { volume: string; target: string }[] {
  return resource
    .annotationsOf("mount")
    .filter((mount) => mount.kind === "volume" && mount.source !== undefined && mount.source !== "")
    .map((mount) => ({ volume: mount.source as string, target: mount.target }));
}
