import { BosunError, environmentOf, hasConnectionString, type Resource } from "@bosun/hosting";
import { resourcesIn } from "@bosun/hosting/runtime";

/**
 * The named resources and everything they need to run: their parents, what they wait for and
 * reference, and every resource their environment, arguments or connection string names
 * (parameters included). Order follows the model. Without names, the whole model.
 */
export function selectResources(all: readonly Resource[], names: readonly string[] | undefined): Resource[] {
  if (names === undefined) return [...all];
  const byName = new Map(all.map((r) => [r.name, r]));
  const unknown = names.filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `'${name}'`).join(", ");
    throw new BosunError(`startTestApp: no resource named ${list} in the model; it has ${all.map((r) => `'${r.name}'`).join(", ")}`, {
      code: "CONFIGURATION",
    });
  }
  const selected = new Set<Resource>();
  const visit = (resource: Resource) => {
    if (selected.has(resource)) return;
    selected.add(resource);
    for (const needed of dependenciesOf(resource)) visit(needed);
  };
  for (const name of names) visit(byName.get(name)!);
  return all.filter((r) => selected.has(r));
}

/** What one resource needs before it can start or render its values. */
export function dependenciesOf(resource: Resource): Resource[] {
  const needed: Resource[] = [];
  if (resource.parent) needed.push(resource.parent);
  for (const wait of resource.annotationsOf("wait")) needed.push(wait.target);
  for (const reference of resource.annotationsOf("reference")) needed.push(reference.target);
  for (const value of environmentOf(resource, "container").values()) needed.push(...resourcesIn(value));
  for (const args of resource.annotationsOf("args")) needed.push(...args.args.flatMap(resourcesIn));
  if (hasConnectionString(resource)) needed.push(...resourcesIn(resource.connectionStringExpression));
  return needed.filter((r) => r !== resource);
}
