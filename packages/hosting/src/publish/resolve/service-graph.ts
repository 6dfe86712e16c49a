import type { Resource } from "../../model/resource.js";
import { serviceKindOf } from "./publish-service.js";

/** Which resources become services, and which service each resource runs in. */
export interface ServiceGraph {
  /** Top-level containers and apps, in the order the AppHost added them. */
  readonly services: readonly Resource[];
  /** The service a resource runs in: itself, an ancestor's (a database's server), or none. */
  serviceOf(resource: Resource): Resource | undefined;
  /** A service and the resources that live in it (its databases), service first. */
  membersOf(service: Resource): readonly Resource[];
}

export function serviceGraph(resources: readonly Resource[]): ServiceGraph {
  const services = resources.filter((r) => !r.parent && serviceKindOf(r) !== undefined);
  const isService = new Set<Resource>(services);
  const serviceOf = (resource: Resource): Resource | undefined => {
    for (let current: Resource | undefined = resource; current; current = current.parent) if (isService.has(current)) return current;
    return undefined;
  };
  const members = new Map<Resource, Resource[]>(services.map((service) => [service, []]));
  for (const resource of resources) {
    const service = serviceOf(resource);
    if (service) members.get(service)!.push(resource);
  }
  return { services, serviceOf, membersOf: (service) => members.get(service) ?? [] };
}
