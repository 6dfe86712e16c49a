import type { Resource } from "./resource.js";

/** Resources an integration creates on behalf of one the user names, e.g. `cache-password` for `cache`. */
const owners = new WeakMap<Resource, string>();

/** Marks `resource` as made for the resource named `ownerName`: its name problems are reported there. */
export function markDerived(resource: Resource, ownerName: string): void {
  owners.set(resource, ownerName);
}

/** The name of the resource `resource` was made for, if an integration derived it from one. */
export function ownerNameOf(resource: Resource): string | undefined {
  return owners.get(resource);
}
