import { BosunError } from "../../errors/bosun-error.js";
import { DEFAULT_HOST_IP, type PortSpec } from "../../engine/container-spec.js";
import type { ContainerInfo } from "../../engine/container-info.js";
import type { EndpointAnnotation } from "../../model/annotations.js";
import type { ContainerResource } from "../../model/container-resource.js";
import type { AllocatedEndpoint } from "../../model/value-resolver.js";

/** The port the server listens on inside the container. */
function containerPortOf(resource: ContainerResource, endpoint: EndpointAnnotation): number {
  const port = endpoint.targetPort ?? endpoint.port;
  if (port === undefined || port <= 0) {
    throw new BosunError(
      `resource '${resource.name}': endpoint '${endpoint.name}' has no container port; give it one with .withEndpoint({ targetPort: … })`,
      { code: "VALIDATION" },
    );
  }
  return port;
}

/**
 * One published port per endpoint: the fixed host port when given, else the one `planned` carries
 * (a restart keeps the port it had), else the engine picks; on 127.0.0.1 unless asked.
 */
export function portSpecsOf(resource: ContainerResource, planned?: ReadonlyMap<string, AllocatedEndpoint>): PortSpec[] {
  return resource.annotationsOf("endpoint").map((endpoint) => {
    const hostPort = endpoint.port ?? (planned?.get(endpoint.name)?.hostPort || undefined);
    return {
      containerPort: containerPortOf(resource, endpoint),
      ...(hostPort !== undefined ? { hostPort } : {}),
      hostIp: endpoint.hostIp ?? DEFAULT_HOST_IP,
    };
  });
}

/**
 * Where each endpoint ended up, read back from the engine. Undefined when a port is not published
 * (the container is not running, so the engine reports no bindings).
 */
export function publishedEndpoints(resource: ContainerResource, info: ContainerInfo): Map<string, AllocatedEndpoint> | undefined {
  const endpoints = new Map<string, AllocatedEndpoint>();
  for (const endpoint of resource.annotationsOf("endpoint")) {
    const targetPort = containerPortOf(resource, endpoint);
    const binding = info.ports.find((p) => p.containerPort === targetPort && p.protocol === "tcp");
    if (!binding) return undefined;
    endpoints.set(endpoint.name, { scheme: endpoint.scheme, hostPort: binding.hostPort, targetPort, containerHost: resource.name });
  }
  return endpoints;
}
