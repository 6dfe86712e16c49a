import type { ContainerSpec, MountSpec } from "../../engine/container-spec.js";
import type { Lifetime } from "../../model/annotations.js";
import type { ContainerResource } from "../../model/container-resource.js";
import { HOST_FROM_CONTAINER } from "../../model/value-resolver.js";
import type { SessionInfo, StartRequest } from "../resource-runtime.js";
import { configHashOf } from "./config-hash.js";
import { LABEL, sessionLabels } from "./docker-labels.js";
import { mountSpecsOf } from "./container-mounts.js";
import { portSpecsOf } from "./container-ports.js";

/** Lets containers reach processes on the host (bosun's own Node apps) by a fixed name. */
export const HOST_GATEWAY_ENTRY = `${HOST_FROM_CONTAINER}:host-gateway`;

export interface ContainerDefinition {
  readonly spec: ContainerSpec;
  readonly lifetime: Lifetime;
  readonly configHash: string;
}

export function lifetimeOf(resource: ContainerResource): Lifetime {
  return resource.lastAnnotationOf("lifetime")?.lifetime ?? "session";
}

/** `withContainerName`, else `<resource>-<app id>` for persistent containers, else `<resource>-<session id>`. */
export function containerNameOf(resource: ContainerResource, session: SessionInfo): string {
  const named = resource.lastAnnotationOf("container-name")?.name;
  if (named !== undefined) return named;
  const suffix = lifetimeOf(resource) === "persistent" ? session.appHost.id : session.id;
  return `${resource.name}-${suffix}`;
}

export interface DefineContainerOptions {
  readonly request: StartRequest<ContainerResource>;
  readonly session: SessionInfo;
  /** The image after substitution. */
  readonly image: string;
  readonly network: string;
  readonly host?: string;
  /** Bind mounts of the resource's generated files (see container-files.ts). */
  readonly fileMounts?: readonly MountSpec[];
}

/** Everything the engine is asked for, with the `bosun.*` labels and the configuration hash. */
export function defineContainer(options: DefineContainerOptions): ContainerDefinition {
  const { request, session } = options;
  const resource = request.resource;
  const lifetime = lifetimeOf(resource);
  const unlabelled: ContainerSpec = {
    name: containerNameOf(resource, session),
    image: options.image,
    env: request.env,
    ...(request.args.length > 0 ? { cmd: request.args } : {}),
    labels: {},
    hostname: resource.name,
    // A persistent container keeps its configuration hash: only session containers take a restart's port.
    ports: portSpecsOf(resource, lifetime === "session" ? request.endpoints : undefined),
    mounts: [...mountSpecsOf(resource), ...(options.fileMounts ?? [])],
    network: { name: options.network, aliases: [resource.name] },
    extraHosts: [HOST_GATEWAY_ENTRY],
  };
  const configHash = configHashOf(unlabelled);
  const labels = {
    ...sessionLabels(session, options.host),
    [LABEL.resource]: resource.name,
    [LABEL.lifetime]: lifetime,
    [LABEL.configHash]: configHash,
  };
  return { spec: { ...unlabelled, labels }, lifetime, configHash };
}
