import { ConnectionStringResource } from "../model/connection-string-resource.js";
import { ContainerResource, imageReferenceOf } from "../model/container-resource.js";
import { ExecutableResource } from "../model/executable-resource.js";
import { NodeAppResource } from "../model/node-app-resource.js";
import { ParameterResource } from "../model/parameter-resource.js";
import { hasConnectionString, type Resource } from "../model/resource.js";
import type { ResourceKind } from "./protocol.js";

export function kindOf(resource: Resource): ResourceKind {
  if (resource instanceof ContainerResource) return "container";
  if (resource instanceof NodeAppResource) return "node-app";
  if (resource instanceof ExecutableResource) return "process";
  if (resource instanceof ParameterResource) return "parameter";
  if (resource instanceof ConnectionStringResource) return "connection-string";
  return hasConnectionString(resource) ? "database" : "value";
}

/** True when a process or container of its own runs (so start, stop and restart apply). */
export function runsOwnProcess(resource: Resource): boolean {
  return resource instanceof ContainerResource || resource instanceof ExecutableResource;
}

/** "image:tag" for a container, "command arg…" for a process (arguments that are not plain text shown as `{…}`). */
export function sourceOf(resource: Resource): string | undefined {
  if (resource instanceof ContainerResource) return resource.lastAnnotationOf("container-image") ? imageReferenceOf(resource) : undefined;
  if (!(resource instanceof ExecutableResource)) return undefined;
  const args = resource.annotationsOf("args").flatMap((a) => a.args.map((arg) => (typeof arg === "string" || typeof arg === "number" ? String(arg) : "{…}")));
  const script = resource instanceof NodeAppResource ? [resource.script] : [];
  return [resource.command, ...script, ...args].join(" ");
}
