import { callError, type CallContext } from "./argument-checks.js";
import { ConnectionStringResource } from "./connection-string-resource.js";
import { ContainerResource } from "./container-resource.js";
import { ExecutableResource } from "./executable-resource.js";
import { NodeAppResource } from "./node-app-resource.js";
import { ParameterResource } from "./parameter-resource.js";
import { hasEndpoints, hasEnvironment, hasWaitSupport, type Resource } from "./resource.js";

/** The resources a builder method applies to, for a JavaScript caller who reaches it anyway. */
export interface Capability {
  readonly applies: (resource: Resource) => boolean;
  readonly to: string;
}

const RUNNABLE = "containers and processes (addContainer, addExecutable, addNodeApp, …)";

export const CONTAINERS: Capability = { applies: (r) => r instanceof ContainerResource, to: "containers (addContainer, addPostgres, …)" };
export const DATA_CONTAINERS: Capability = {
  applies: (r) => r instanceof ContainerResource && "dataPath" in r,
  to: "containers that know their data folder (addPostgres, addRedis, addRabbitMQ; others take .withVolume(name, target))",
};
export const ENVIRONMENT: Capability = { applies: hasEnvironment, to: RUNNABLE };
export const ENDPOINTS: Capability = { applies: hasEndpoints, to: RUNNABLE };
export const ARGS: Capability = { applies: (r) => "supportsArgs" in r, to: RUNNABLE };
export const NODE_APPS: Capability = { applies: (r) => r instanceof NodeAppResource, to: "Node apps (addNodeApp; an npm app runs its framework's own dev server)" };
export const WAITS: Capability = { applies: hasWaitSupport, to: RUNNABLE };

/** Throws unless `resource` can take the call (a parameter has no image, a container no command). */
export function checkCapability(context: CallContext, resource: Resource, capability: Capability): void {
  if (!capability.applies(resource)) throw callError(context, `applies to ${capability.to}, and '${resource.name}' is ${kindOf(resource)}`);
}

function kindOf(resource: Resource): string {
  if (resource instanceof ParameterResource) return "a parameter";
  if (resource instanceof ConnectionStringResource) return "a connection string";
  if (resource instanceof ContainerResource) return "a container";
  if (resource instanceof ExecutableResource) return "a process";
  return `a resource of type '${resource.type}'`;
}
