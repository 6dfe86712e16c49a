import { DEFAULT_HOST_IP } from "../../engine/container-spec.js";
import { imageReferenceOf, ContainerResource } from "../../model/container-resource.js";
import type { Resource } from "../../model/resource.js";
import type { PreflightProblem } from "../resource-runtime.js";
import { containerNameOf, lifetimeOf } from "./container-definition.js";
import { appKeyOf, LABEL } from "./docker-labels.js";
import { containerPublishing, isHostPortFree } from "./host-port.js";
import { describeImage, imageNotAvailable } from "./image-availability.js";
import { judgeNameHolder } from "./name-holder.js";
import type { DockerSession } from "./start-container.js";

/** How long preflight waits for a registry to answer about one image. */
export const REGISTRY_CHECK_TIMEOUT_MS = 3_000;

/**
 * Everything about the containers that can fail before any starts: an image neither on the engine
 * nor reachable in a registry, a fixed host port already taken, a container name held by a
 * container bosun may not replace. Returns one line per problem, each naming the resource and the fix.
 */
export async function preflightContainers(context: DockerSession, resources: readonly Resource[]): Promise<PreflightProblem[]> {
  const containers = resources.filter((r): r is ContainerResource => r instanceof ContainerResource);
  const problems = await Promise.all(
    containers.map(async (resource) => {
      const problem = (kind: PreflightProblem["kind"]) => (message: string) => ({ resource: resource.name, kind, message });
      return [
        ...(await imageProblems(context, resource)).map(problem("image")),
        ...(await portProblems(context, resource)).map(problem("port")),
        ...(await nameProblems(context, resource)).map(problem("name")),
      ];
    }),
  );
  return problems.flat();
}

async function imageProblems(context: DockerSession, resource: ContainerResource): Promise<string[]> {
  const requested = imageReferenceOf(resource);
  const substituted = context.substitution.substitute(requested);
  if (await context.engine.images.exists(substituted.image)) return [];
  // Asking for the manifest is cheap; the pull itself waits for start.
  const registry = await context.engine.images.distributionReachable(substituted.image, REGISTRY_CHECK_TIMEOUT_MS);
  if (registry.reachable) return [];
  const reason = `it is not on the engine and its registry cannot be reached (${registry.detail})`;
  return [imageNotAvailable(resource.name, describeImage(requested, substituted), reason).message];
}

async function portProblems(context: DockerSession, resource: ContainerResource): Promise<string[]> {
  const problems: string[] = [];
  const ownName = containerNameOf(resource, context.session);
  for (const endpoint of resource.annotationsOf("endpoint")) {
    if (endpoint.port === undefined) continue;
    const hostIp = endpoint.hostIp ?? DEFAULT_HOST_IP;
    if (await isHostPortFree(hostIp, endpoint.port)) continue;
    const holder = await containerPublishing(context.engine, hostIp, endpoint.port);
    // This resource's own container (to be reused or replaced) may hold it.
    if (holder?.name === ownName && holder.labels[LABEL.app] === appKeyOf(context.session.appHost)) continue;
    const by = holder ? `is used by container '${holder.name}'` : "is already in use by another program";
    problems.push(`resource '${resource.name}': host port ${endpoint.port} on ${hostIp} ${by}; stop it or choose another port with .withHostPort(…)`);
  }
  return problems;
}

async function nameProblems(context: DockerSession, resource: ContainerResource): Promise<string[]> {
  const holder = await context.engine.containers.inspect(containerNameOf(resource, context.session));
  if (!holder) return [];
  // Whether a persistent container will be reused depends on values rendered at start; only refusals matter here.
  const verdict = judgeNameHolder({
    resource: resource.name,
    holder,
    appKey: appKeyOf(context.session.appHost),
    lifetime: lifetimeOf(resource),
    configHash: "",
    isAlive: context.isAlive,
    host: context.host,
  });
  return verdict.action === "refuse" ? [verdict.error.message] : [];
}
