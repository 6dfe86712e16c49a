import { ContainerResource, imageReferenceOf } from "../../model/container-resource.js";
import { environmentOf } from "../../model/environment.js";
import { ExecutableResource } from "../../model/executable-resource.js";
import { NodeAppResource } from "../../model/node-app-resource.js";
import type { Resource } from "../../model/resource.js";
import type { AppSource, PublishEnvironmentEntry, PublishMount, PublishPort, PublishServiceKind, PublishService, PublishValue, PublishWarning } from "../publish-model.js";
import type { AppHostInfo } from "../../model/app-host-info.js";
import type { ContainerPorts } from "./container-ports.js";
import { publishedVolumeName } from "./volumes.js";
import { holdsSecret, type ValueRendering } from "./publish-values.js";

/** How a resource is published: as a container, as one of the app's own services, or not at all. */
export function serviceKindOf(resource: Resource): PublishServiceKind | undefined {
  if (resource instanceof ContainerResource) return "container";
  if (resource instanceof NodeAppResource) return "node-app";
  if (resource instanceof ExecutableResource && resource.command === "npm") return "npm-app";
  return undefined;
}

/** For node and npm apps: the folder, and the script or npm script the image runs. */
export function appSourceOf(resource: ExecutableResource): AppSource {
  if (resource instanceof NodeAppResource) return { directory: resource.workingDirectory, script: resource.script };
  const args = resource.annotationsOf("args")[0]?.args ?? [];
  return { directory: resource.workingDirectory, npmScript: String(args[1] ?? "start") };
}

/** The arguments an app's own image does not already run (beyond the script or `run <script>`). */
export function extraAppArgs(resource: ExecutableResource): number {
  const given = resource.annotationsOf("args").reduce((count, a) => count + a.args.length, 0);
  return given - (resource instanceof NodeAppResource ? 1 : 2);
}

/** The image a container runs, after the image map (`BOSUN_IMAGE_MAP`) when one applies. */
export function containerImage(resource: ContainerResource, substitute: (reference: string) => string): string {
  return substitute(imageReferenceOf(resource));
}

/**
 * The environment as `run` gives a container, plus what its children need (a database's name);
 * two children needing one variable are reported, the first one wins.
 */
export function publishEnvironment(resource: Resource, children: readonly Resource[], values: ValueRendering, warn: (warning: PublishWarning) => void): PublishEnvironmentEntry[] {
  const env = environmentOf(resource, "container");
  for (const file of resource.annotationsOf("container-file")) {
    warn({
      code: "CONTAINER_FILE_NOT_PUBLISHED",
      resource: resource.name,
      message: `'${resource.name}' gets a generated file at ${file.target} under \`run\`, not when published; mount one yourself (a bind mount, a config) if the service needs it`,
    });
  }
  const setBy = new Map<string, Resource>();
  for (const child of children) {
    for (const hints of child.annotationsOf("publish-hints")) {
      for (const [name, value] of Object.entries(hints.parentEnvironment ?? {})) {
        const first = setBy.get(name);
        if (first) {
          warn({
            code: "CHILD_SETTING_CONFLICT",
            resource: child.name,
            message: `'${first.name}' and '${child.name}' both need ${name} on '${resource.name}'; only '${first.name}' gets it, so '${child.name}' is not set up on first start (for a database: create it with an init script, withInitFiles)`,
          });
          continue;
        }
        setBy.set(name, child);
        env.set(name, value);
      }
    }
  }
  return [...env]
    .map(([name, raw]) => {
      const value = values.render(raw);
      return { name, value, secret: holdsSecret(value, values.parameters) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A container's `withArgs` as its command; the app's own services run what their image runs. */
export function publishCommand(resource: Resource, kind: PublishServiceKind, values: ValueRendering): PublishValue[] {
  if (kind !== "container") return [];
  return resource.annotationsOf("args").flatMap((a) => a.args.map((arg) => values.render(arg)));
}

/**
 * Host ports only where the model fixed one or the endpoint is external (then on every interface,
 * on the fixed port or the container port); fixed ones stay on the interface `run` uses.
 */
export function publishPorts(resource: Resource, ports: ContainerPorts): PublishPort[] {
  const planned = ports.forResource(resource);
  return resource.annotationsOf("endpoint").map((endpoint) => {
    const containerPort = planned.get(endpoint.name)!.containerPort;
    const external = endpoint.external === true;
    const base = { name: endpoint.name, scheme: endpoint.scheme, protocol: "tcp" as const, containerPort, external };
    if (external) return { ...base, ...(endpoint.port !== undefined ? { hostPort: endpoint.port } : {}), ...(endpoint.hostIp ? { hostIp: endpoint.hostIp } : {}) };
    if (endpoint.port !== undefined) return { ...base, hostPort: endpoint.port, hostIp: endpoint.hostIp ?? "127.0.0.1" };
    return base;
  });
}

/**
 * External endpoints without a fixed port get their container port on the host, in service order,
 * unless a fixed port or an earlier service has it: then the engine picks one (reported).
 */
export function assignExternalHostPorts(services: readonly PublishService[], warn: (warning: PublishWarning) => void): PublishService[] {
  const taken = new Set(services.flatMap((s) => s.ports.flatMap((p) => (p.hostPort !== undefined ? [p.hostPort] : []))));
  return services.map((service) => ({
    ...service,
    ports: service.ports.map((port) => {
      if (!port.external || port.hostPort !== undefined) return port;
      if (!taken.has(port.containerPort)) {
        taken.add(port.containerPort);
        return { ...port, hostPort: port.containerPort };
      }
      warn({
        code: "HOST_PORT_TAKEN",
        resource: service.name,
        message: `external endpoint '${port.name}' of '${service.name}' cannot have host port ${port.containerPort} (already published); the engine picks one: fix it with withHttpEndpoint({ port })`,
      });
      return port;
    }),
  }));
}

export function publishMounts(resource: Resource, appHost: AppHostInfo): PublishMount[] {
  return resource.annotationsOf("mount").map((mount) => ({
    kind: mount.kind,
    ...(mount.source !== undefined ? { source: mount.kind === "volume" ? publishedVolumeName(mount.source, appHost) : mount.source } : {}),
    target: mount.target,
    readOnly: mount.readOnly,
  }));
}
