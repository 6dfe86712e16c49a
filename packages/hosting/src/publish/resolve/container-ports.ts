import { ContainerResource } from "../../model/container-resource.js";
import type { EndpointReference } from "../../model/endpoint-reference.js";
import type { Resource } from "../../model/resource.js";

/** First container port given to an app endpoint that names none (then 8081, …). */
export const DEFAULT_APP_PORT = 8080;

export interface PlannedPort {
  readonly scheme: string;
  readonly containerPort: number;
}

/** The port each endpoint's server listens on inside its container. */
export interface ContainerPorts {
  of(reference: EndpointReference): PlannedPort;
  forResource(resource: Resource): ReadonlyMap<string, PlannedPort>;
}

/**
 * Containers listen on their endpoint's target port (else its port); the app's own services on
 * the endpoint's target port, else its port, else 8080, 8081, … in declaration order.
 */
export function planContainerPorts(resources: readonly Resource[]): ContainerPorts {
  const plans = new Map<Resource, Map<string, PlannedPort>>();
  for (const resource of resources) {
    const plan = new Map<string, PlannedPort>();
    let next = DEFAULT_APP_PORT;
    for (const endpoint of resource.annotationsOf("endpoint")) {
      const given = endpoint.targetPort ?? endpoint.port;
      const containerPort = given ?? (resource instanceof ContainerResource ? 0 : next++);
      plan.set(endpoint.name, { scheme: endpoint.scheme, containerPort });
    }
    plans.set(resource, plan);
  }
  return {
    of: (reference) => {
      const port = plans.get(reference.resource)?.get(reference.endpointName);
      if (!port) throw new Error(`resource '${reference.resource.name}' has no endpoint '${reference.endpointName}'`);
      return port;
    },
    forResource: (resource) => plans.get(resource) ?? new Map(),
  };
}
