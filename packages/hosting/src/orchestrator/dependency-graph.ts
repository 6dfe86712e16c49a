import type { Resource } from "../model/resource.js";

/** For each resource, the resources that need it (wait for it, reference it, or live in it). */
export function dependentsOf(resources: readonly Resource[]): Map<Resource, Resource[]> {
  const dependents = new Map<Resource, Resource[]>();
  const add = (target: Resource, dependent: Resource) => {
    const list = dependents.get(target) ?? [];
    if (!list.includes(dependent)) list.push(dependent);
    dependents.set(target, list);
  };
  for (const resource of resources) {
    if (resource.parent) add(resource.parent, resource);
    for (const wait of resource.annotationsOf("wait")) add(wait.target, resource);
    for (const reference of resource.annotationsOf("reference")) add(reference.target, resource);
  }
  return dependents;
}
