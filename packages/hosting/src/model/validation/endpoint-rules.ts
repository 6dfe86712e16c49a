import { ContainerResource } from "../container-resource.js";
import type { Resource } from "../resource.js";

const MIN_PORT = 1;
const MAX_PORT = 65535;

/** Ports in range, endpoint names unique per resource, and no host port claimed twice. */
export function checkEndpoints(resources: readonly Resource[]): string[] {
  const problems: string[] = [];
  const claimed = new Map<number, string>();
  for (const resource of resources) {
    problems.push(...checkHealthCheckEndpoints(resource));
    const names = new Set<string>();
    for (const endpoint of resource.annotationsOf("endpoint")) {
      const where = `resource '${resource.name}' endpoint '${endpoint.name}'`;
      if (names.has(endpoint.name)) {
        problems.push(`resource '${resource.name}' has two endpoints named '${endpoint.name}'; give one of them another name with { name: "…" }`);
      }
      names.add(endpoint.name);
      for (const [label, port] of [["port", endpoint.port], ["targetPort", endpoint.targetPort]] as const) {
        if (port !== undefined && !(Number.isInteger(port) && port >= MIN_PORT && port <= MAX_PORT)) {
          problems.push(`${where} has ${label} ${port}, outside ${MIN_PORT}–${MAX_PORT}; choose a port in that range`);
        }
      }
      if (resource instanceof ContainerResource && endpoint.targetPort === undefined && endpoint.port === undefined) {
        problems.push(`${where} has no targetPort; say which port the container listens on with { targetPort: … }`);
      }
      if (endpoint.port !== undefined) {
        const owner = claimed.get(endpoint.port);
        if (owner !== undefined) {
          problems.push(`resources '${owner}' and '${resource.name}' both claim host port ${endpoint.port}; give one of them another port with .withHostPort(…)`);
        } else {
          claimed.set(endpoint.port, resource.name);
        }
      }
    }
  }
  return problems;
}

/** An HTTP or TCP health check must name an endpoint the resource has. */
function checkHealthCheckEndpoints(resource: Resource): string[] {
  const endpoints = new Set(resource.annotationsOf("endpoint").map((e) => e.name));
  return resource
    .annotationsOf("health-check")
    .map((a) => a.check)
    .filter((check) => check.kind !== "probe" && !endpoints.has(check.endpointName))
    .map((check) => {
      const endpointName = check.kind === "probe" ? "" : check.endpointName;
      return `resource '${resource.name}' has health check '${check.name}' on endpoint '${endpointName}', which it does not have; add .withHttpEndpoint() first or pass { endpointName }`;
    });
}
