import path from "node:path";
import type { Lifetime } from "./annotations.js";
import type { AppHostInfo } from "./app-host-info.js";
import { NodeAppMethods } from "./node-app-methods.js";
import { callError, checkCall, checkOptions, type CallContext } from "./argument-checks.js";
import { CONTAINERS, DATA_CONTAINERS } from "./builder-capabilities.js";
import { recordCallSite } from "./call-site.js";
import { ContainerResource, splitImageTag } from "./container-resource.js";
import type { Resource, ResourceWithDataPath } from "./resource.js";
import type { ResourceBuilder } from "./resource-builder.js";

const LIFETIMES: readonly Lifetime[] = ["session", "persistent"];
const MOUNT_OPTIONS = { readOnly: "boolean?" } as const;

/**
 * The methods that apply to containers only (image, name, mounts, lifetime). `ResourceBuilder`
 * adds the rest; the split only keeps files small.
 */
export abstract class ContainerMethods<R extends Resource> extends NodeAppMethods<R> {
  /**
   * Runs a different image.
   * @example builder.addContainer("cache", "redis").withImage("valkey/valkey", "8")
   */
  withImage<B extends ResourceBuilder<ContainerResource>>(this: B, image: string, tag?: string): B {
    checkCall(this.checked("withImage", '.withImage("valkey/valkey", "8")', CONTAINERS), { "the image": [image, "string"], "the tag": [tag, "string?"] });
    const parsed = splitImageTag(image);
    this.resource.addAnnotation({ type: "container-image", registry: undefined, image: parsed.image, tag: tag ?? parsed.tag ?? "latest" });
    return this;
  }

  /**
   * Keeps the image, changes its tag.
   * @example builder.addPostgres("pg").withImageTag("15-alpine")
   */
  withImageTag<B extends ResourceBuilder<ContainerResource>>(this: B, tag: string): B {
    const context = this.checked("withImageTag", '.withImageTag("15-alpine")', CONTAINERS);
    checkCall(context, { "the tag": [tag, "string"] });
    imageAnnotation(this.resource, context).tag = tag;
    return this;
  }

  /**
   * Pulls the image from another registry.
   * @example builder.addRedis("cache").withImageRegistry("mirror.example.com")
   */
  withImageRegistry<B extends ResourceBuilder<ContainerResource>>(this: B, registry: string): B {
    const context = this.checked("withImageRegistry", '.withImageRegistry("mirror.example.com")', CONTAINERS);
    checkCall(context, { "the registry": [registry, "string"] });
    imageAnnotation(this.resource, context).registry = registry;
    return this;
  }

  /**
   * Names the container instead of `<resource>-<session>`.
   * @example postgres.withContainerName("ecommerce-postgres")
   */
  withContainerName<B extends ResourceBuilder<ContainerResource>>(this: B, name: string): B {
    checkCall(this.checked("withContainerName", '.withContainerName("ecommerce-postgres")', CONTAINERS), { "the name": [name, "string"] });
    this.resource.addAnnotation({ type: "container-name", name });
    return this;
  }

  /**
   * Mounts a named volume (kept across runs) or an anonymous one (no name).
   * @example builder.addContainer("db", "postgres").withVolume("pgdata", "/var/lib/postgresql/data")
   */
  withVolume<B extends ResourceBuilder<ContainerResource>>(this: B, name: string | undefined, target: string, options: { readOnly?: boolean } = {}): B {
    const context = this.checked("withVolume", '.withVolume("pgdata", "/var/lib/postgresql/data")', CONTAINERS);
    checkCall(context, { "the volume name": [name, "string?"], "the target path": [target, "string"] });
    checkOptions(context, options, MOUNT_OPTIONS);
    this.resource.addAnnotation({ type: "mount", kind: "volume", source: name, target, readOnly: options.readOnly ?? false });
    return this;
  }

  /**
   * Mounts a host folder or file; relative paths resolve against the AppHost's folder.
   * @example postgres.withBindMount("./init", "/docker-entrypoint-initdb.d", { readOnly: true })
   */
  withBindMount<B extends ResourceBuilder<ContainerResource>>(this: B, source: string, target: string, options: { readOnly?: boolean } = {}): B {
    const context = this.checked("withBindMount", '.withBindMount("./init", "/docker-entrypoint-initdb.d")', CONTAINERS);
    checkCall(context, { "the host path": [source, "string"], "the target path": [target, "string"] });
    checkOptions(context, options, MOUNT_OPTIONS);
    const absolute = path.resolve(this.appHost.directory, source);
    this.resource.addAnnotation({ type: "mount", kind: "bind", source: absolute, target, readOnly: options.readOnly ?? false });
    return this;
  }

  /**
   * Keeps the resource's data in a named volume that survives runs (default `<app>-<id>-<resource>-data`).
   * @example builder.addPostgres("postgres").withDataVolume()
   */
  withDataVolume<B extends ResourceBuilder<ContainerResource & ResourceWithDataPath>>(this: B, name?: string): B {
    checkCall(this.checked("withDataVolume", '.withDataVolume("pgdata")', DATA_CONTAINERS), { "the volume name": [name, "string?"] });
    return this.withVolume(name ?? defaultVolumeName(this.appHost, this.name), this.resource.dataPath);
  }

  /**
   * `persistent` keeps the container across runs and reuses it while its configuration is unchanged.
   * @example postgres.withLifetime("persistent")
   */
  withLifetime<B extends ResourceBuilder<ContainerResource>>(this: B, lifetime: Lifetime): B {
    checkCall(this.checked("withLifetime", '.withLifetime("persistent")', CONTAINERS), { "the lifetime": [lifetime, LIFETIMES] });
    this.resource.addAnnotation({ type: "lifetime", lifetime });
    return this;
  }
}

/** The image annotation a tag or registry change applies to; the change counts as the user's call. */
function imageAnnotation(resource: ContainerResource, context: CallContext) {
  const image = resource.lastAnnotationOf("container-image");
  if (!image) throw callError({ ...context, example: '.withImage("redis", "7")' }, `needs an image to change, and '${resource.name}' has none; give it one first`);
  recordCallSite(image);
  return image;
}

/** `<app>-<id>-<resource>-data`: readable, and distinct for two AppHosts of the same name. */
export function defaultVolumeName(appHost: AppHostInfo, resourceName: string): string {
  return `${appHost.name}-${appHost.id}-${resourceName}-data`;
}
