import { Resource, type ResourceWithArgs, type ResourceWithEndpoints, type ResourceWithEnvironment, type ResourceWithWaitSupport } from "./resource.js";

/** A container started from an image. */
export class ContainerResource
  extends Resource
  implements ResourceWithEnvironment, ResourceWithEndpoints, ResourceWithArgs, ResourceWithWaitSupport
{
  readonly type: string = "container.v0";
  /** Makes the type nominal: an executable has every other capability, but no image, mounts or lifetime. */
  readonly supportsImage = true;
  readonly supportsEnvironment = true;
  readonly supportsEndpoints = true;
  readonly supportsArgs = true;
  readonly supportsWaits = true;
}

/** The image reference a container resource runs, e.g. `docker.io/library/postgres:17.6`. */
export function imageReferenceOf(resource: ContainerResource): string {
  const image = resource.lastAnnotationOf("container-image");
  if (!image) throw new Error(`container resource '${resource.name}' has no image`);
  const registry = image.registry ? `${image.registry}/` : "";
  return `${registry}${image.image}:${image.tag}`;
}

/** Splits `name:tag` (a registry port's colon is not a tag). */
export function splitImageTag(image: string): { image: string; tag: string | undefined } {
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  if (colon > slash) return { image: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { image, tag: undefined };
}
