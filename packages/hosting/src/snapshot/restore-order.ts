import { dependentsOf } from "../orchestrator/dependency-graph.js";
import type { Resource } from "../model/resource.js";

/**
 * The resources to stop for a restore, dependents before what they depend on: the restored
 * resources and everything that needs them, directly or not (a service using a database of the
 * server). Starting them again goes the other way.
 */
export function restoreOrder(resources: readonly Resource[], restored: readonly Resource[]): Resource[] {
  const dependents = dependentsOf(resources);
  const order: Resource[] = [];
  const visiting = new Set<Resource>();
  const visit = (resource: Resource) => {
    if (order.includes(resource) || visiting.has(resource)) return;
    visiting.add(resource);
    for (const dependent of dependents.get(resource) ?? []) visit(dependent);
    visiting.delete(resource);
    order.push(resource);
  };
  for (const resource of restored) visit(resource);
  return order;
}
