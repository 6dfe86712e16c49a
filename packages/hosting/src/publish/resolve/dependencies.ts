import { hasConnectionString, type Resource } from "../../model/resource.js";
import type { DependencyProbe, PublishDependency, PublishWarning } from "../publish-model.js";
import type { ContainerPorts } from "./container-ports.js";
import type { ValueRendering } from "./publish-values.js";

const STRENGTH = { started: 0, healthy: 1, completed: 2 } as const;

export interface DependencyContext {
  /** The service a resource runs in: itself, its parent's (a database's server), or none. */
  readonly serviceOf: (resource: Resource) => Resource | undefined;
  /** Whether the service publishes at least one health check. */
  readonly hasChecks: (service: Resource) => boolean;
  readonly ports: ContainerPorts;
  readonly values: ValueRendering;
  readonly warn: (warning: PublishWarning) => void;
}

/**
 * The waits of a resource as waits on services, one per service (the strongest kind), sorted.
 * `waitFor` a service without a published check becomes a wait for its start: as under `run`,
 * where a resource without checks is healthy once running.
 */
export function publishDependencies(resource: Resource, context: DependencyContext): PublishDependency[] {
  const byService = new Map<string, PublishDependency>();
  for (const wait of resource.annotationsOf("wait")) {
    const service = context.serviceOf(wait.target);
    if (!service) {
      context.warn({ code: "WAIT_TARGET_NOT_PUBLISHED", resource: resource.name, message: `'${resource.name}' waits for '${wait.target.name}', which is not published as a service; the wait is left out` });
      continue;
    }
    const kind = wait.kind === "healthy" && !context.hasChecks(service) ? "started" : wait.kind;
    const probe = kind === "completed" ? undefined : probeOf(wait.target, service, context);
    const dependency: PublishDependency = { service: service.name, kind, exitCode: wait.exitCode, ...(probe ? { probe } : {}) };
    const existing = byService.get(service.name);
    if (!existing || STRENGTH[kind] > STRENGTH[existing.kind]) byService.set(service.name, dependency);
  }
  return [...byService.values()].sort((a, b) => a.service.localeCompare(b.service));
}

function probeOf(target: Resource, service: Resource, context: DependencyContext): DependencyProbe | undefined {
  for (const member of [target, service]) {
    for (const { check } of member.annotationsOf("health-check")) {
      if (check.kind === "probe" && check.publishedCheck?.client && hasConnectionString(member)) {
        return { kind: check.publishedCheck.client, target: context.values.render(member.connectionStringExpression) };
      }
      if (check.kind === "http" || check.kind === "tcp") {
        const port = context.ports.forResource(member).get(check.endpointName);
        if (!port) continue;
        const address = `${member.name}:${port.containerPort}`;
        return check.kind === "http" ? { kind: "http", target: [`${port.scheme}://${address}${check.path}`] } : { kind: "tcp", target: [address] };
      }
    }
  }
  const firstPort = [...context.ports.forResource(service).values()][0];
  return firstPort ? { kind: "tcp", target: [`${service.name}:${firstPort.containerPort}`] } : undefined;
}
