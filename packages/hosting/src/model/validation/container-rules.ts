import path from "node:path";
import { splitImageReference } from "../../images/image-reference.js";
import { ContainerResource, imageReferenceOf } from "../container-resource.js";
import type { Resource } from "../resource.js";
import { finding, type Finding } from "./finding.js";
import { isDnsLabel } from "./name-rules.js";
import { DOCKER_NAME } from "./value-formats.js";

/** Image references Docker accepts, container names unique and well formed, mounts that can coexist. */
export function checkContainers(resources: readonly Resource[]): Finding[] {
  const containers = resources.filter((r): r is ContainerResource => r instanceof ContainerResource);
  return [...containers.flatMap((c) => [...checkImage(c), ...checkMounts(c)]), ...checkContainerNames(containers)];
}

function checkImage(resource: ContainerResource): Finding[] {
  const image = resource.lastAnnotationOf("container-image");
  if (!image) return [finding(`resource '${resource.name}' has no image; give it one with .withImage("name:tag")`, resource)];
  const reference = imageReferenceOf(resource);
  try {
    splitImageReference(reference);
    return [];
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^invalid image reference '[^']*': /, "") : String(error);
    return [finding(`resource '${resource.name}' runs image '${reference}', which is not a valid reference (${why}); fix the name, tag or registry given to ${resource.name}`, image)];
  }
}

function checkContainerNames(containers: readonly ContainerResource[]): Finding[] {
  const findings: Finding[] = [];
  const owners = new Map<string, string>();
  for (const resource of containers) {
    const annotation = resource.lastAnnotationOf("container-name");
    if (!annotation) continue;
    const { name } = annotation;
    if (!DOCKER_NAME.test(name)) {
      findings.push(finding(`resource '${resource.name}' has container name '${name}'; use at least two letters, digits, '_', '.' or '-', starting with a letter or digit`, annotation));
      continue;
    }
    const owner = owners.get(name);
    if (owner === undefined) owners.set(name, resource.name);
    else findings.push(finding(`resources '${owner}' and '${resource.name}' both want the container name '${name}'; give one of them another with .withContainerName(…)`, annotation));
  }
  return findings;
}

function checkMounts(resource: ContainerResource): Finding[] {
  const findings: Finding[] = [];
  const targets = new Set<string>();
  for (const mount of resource.annotationsOf("mount")) {
    const target = path.posix.resolve("/", mount.target);
    if (!path.posix.isAbsolute(mount.target)) {
      findings.push(finding(`resource '${resource.name}' mounts at '${mount.target}', which is not an absolute path in the container; use e.g. '/data'`, mount));
    } else if (targets.has(target)) {
      findings.push(finding(`resource '${resource.name}' mounts two things at '${mount.target}'; keep one of them or mount the other elsewhere`, mount));
    }
    targets.add(target);
    // A volume named after a resource whose name is wrong is fixed with that name, reported once.
    if (mount.kind === "volume" && mount.source !== undefined && !DOCKER_NAME.test(mount.source) && isDnsLabel(resource.name)) {
      findings.push(finding(`resource '${resource.name}' mounts volume '${mount.source}'; use at least two letters, digits, '_', '.' or '-', starting with a letter or digit`, mount));
    }
  }
  return findings;
}
