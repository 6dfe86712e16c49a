import type { WaitAnnotation } from "../annotations.js";
import { hasConnectionString, hasEndpoints, type Resource } from "../resource.js";
import { ParameterResource } from "../parameter-resource.js";
import { resourcesIn } from "../value-resolver.js";
import { findCycles } from "./find-cycles.js";
import { finding, type Finding } from "./finding.js";

/** Every wait, reference, value and parent must point at a resource of this same model. */
export function checkEdges(resources: readonly Resource[]): Finding[] {
  const known = new Set(resources);
  const problems: Finding[] = [];
  for (const resource of resources) {
    const parent = resource.parent;
    if (parent && !known.has(parent)) {
      problems.push(finding(`resource '${resource.name}' belongs to '${parent.name}', which is not part of this app; create both with the same builder`, resource));
    }
    for (const wait of resource.annotationsOf("wait")) problems.push(...checkWait(resource, wait, known).map((m) => finding(m, wait)));
    for (const reference of resource.annotationsOf("reference")) {
      problems.push(...checkReference(resource, reference.target, known).map((m) => finding(m, reference)));
    }
    for (const env of resource.annotationsOf("environment")) {
      for (const used of resourcesIn(env.value)) {
        if (!known.has(used) && !isInternalParameter(used)) {
          problems.push(finding(`resource '${resource.name}' uses '${used.name}' in ${env.name}, which is not part of this app; add it with the same builder`, env));
        }
      }
    }
  }
  return problems;
}

/** Wait edges (and a child's implicit wait on its parent) must not loop. */
export function checkCycles(resources: readonly Resource[]): Finding[] {
  // A resource waiting on itself is reported by checkWait with a plainer message.
  return findCycles(resources, waitTargets)
    .filter((cycle) => cycle.length > 2)
    .map((cycle) => finding(`resources wait for each other in a cycle: ${cycle.map((r) => r.name).join(" → ")}; remove one of these waits`, closingWait(cycle)));
}

/** The wait that closes a cycle (its last edge), or the resource when the edge is a child's wait on its parent. */
function closingWait(cycle: readonly Resource[]): object {
  const from = cycle.at(-2);
  const to = cycle.at(-1);
  return from?.annotationsOf("wait").find((w) => w.target === to) ?? from ?? cycle[0] ?? {};
}

function waitTargets(resource: Resource): Resource[] {
  const targets = resource.annotationsOf("wait").map((w) => w.target);
  return resource.parent ? [resource.parent, ...targets] : targets;
}

const WAIT_METHODS: Readonly<Record<string, string>> = { healthy: "waitFor", started: "waitForStart", completed: "waitForCompletion" };

function checkWait(resource: Resource, wait: WaitAnnotation, known: Set<Resource>): string[] {
  const target = wait.target;
  const method = `.${WAIT_METHODS[wait.kind] ?? "waitFor"}(${target.name})`;
  if (target === resource) return [`resource '${resource.name}' waits for itself; remove ${method}`];
  if (!known.has(target)) return [notInApp(resource, "waits for", target, method)];
  if (target instanceof ParameterResource) {
    return [`resource '${resource.name}' waits for '${target.name}', a parameter, which never runs; remove ${method}`];
  }
  return [];
}

function checkReference(resource: Resource, target: Resource, known: Set<Resource>): string[] {
  const method = `.withReference(${target.name})`;
  if (target === resource) return [`resource '${resource.name}' references itself; remove ${method}`];
  if (!known.has(target)) return [notInApp(resource, "references", target, method)];
  if (hasConnectionString(target)) return [];
  if (!hasEndpoints(target)) {
    return [
      `resource '${resource.name}' references '${target.name}', which has neither a connection string nor endpoints; pass its value with .withEnvironment("NAME", ${target.name}) instead`,
    ];
  }
  if (target.annotationsOf("endpoint").length === 0) {
    return [`resource '${resource.name}' references '${target.name}', which declares no endpoint; add one to '${target.name}' with .withHttpEndpoint(…) or remove ${method}`];
  }
  return [];
}

function notInApp(resource: Resource, verb: string, target: Resource, method: string): string {
  return `resource '${resource.name}' ${verb} '${target.name}', which is not part of this app; add it with this builder (builder.add…("${target.name}")) or remove ${method}`;
}

/** Parameters that integrations create inside a resource (e.g. a connection string's value). */
function isInternalParameter(resource: Resource): boolean {
  return resource instanceof ParameterResource && resource.configKey.startsWith("ConnectionStrings__");
}
