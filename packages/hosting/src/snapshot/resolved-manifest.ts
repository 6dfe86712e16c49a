import type { ContainerInfo } from "../engine/container-info.js";
import { BosunError } from "../errors/bosun-error.js";
import type { Manifest } from "../manifest/manifest-types.js";
import { ContainerResource } from "../model/container-resource.js";
import { runningContainerOf, type SnapshotHost } from "./snapshot-host.js";

/** The image a resource's container runs now (or would run) and the engine's id of it. */
export async function imageOfResource(host: SnapshotHost, resource: ContainerResource): Promise<{ image: string; imageId: string }> {
  return imageOfContainer(host, resource, await runningContainerOf(host, resource));
}

/** As imageOfResource, for the resource's running `container` already looked up (undefined: none runs). */
export async function imageOfContainer(host: SnapshotHost, resource: ContainerResource, container: ContainerInfo | undefined): Promise<{ image: string; imageId: string }> {
  const image = container?.image ?? host.imageOf(resource);
  const info = await host.engine.images.inspect(image);
  if (!info) {
    throw new BosunError(`resource '${resource.name}': image '${image}' is not present on the engine; run the app once (it pulls the image), then try again`, {
      code: "IMAGE_NOT_AVAILABLE",
    });
  }
  return { image, imageId: info.id };
}

/**
 * The manifest with what the engine resolved: per container, the image it runs (after
 * BOSUN_IMAGE_MAP or a mirror) and that image's id: the record of the container configurations.
 * Like the manifest, it holds placeholders where secrets go, never a value. `known`: resources
 * whose image was looked up already (those the snapshot took), not asked of the engine again.
 */
export async function resolvedManifest(
  host: SnapshotHost,
  manifest: Manifest,
  known: readonly { readonly name: string; readonly image: string; readonly imageId: string }[] = [],
): Promise<Manifest> {
  const resources = { ...manifest.resources };
  for (const resource of host.resources) {
    if (!(resource instanceof ContainerResource)) continue;
    const resolved = known.find((k) => k.name === resource.name) ?? (await imageOfResource(host, resource).catch(() => ({ image: host.imageOf(resource), imageId: "not present" })));
    resources[resource.name] = { ...resources[resource.name], resolvedImage: resolved.image, imageId: resolved.imageId } as Manifest["resources"][string];
  }
  return { ...manifest, resources };
}
