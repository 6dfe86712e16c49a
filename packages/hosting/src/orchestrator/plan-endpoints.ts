import type { Resource } from "../model/resource.js";
import type { AllocatedEndpoint } from "../model/value-resolver.js";

/**
 * Endpoints as known before start. Host processes get their port now (fixed, or a free one), since
 * bosun runs no proxy: the port they listen on is the port consumers are told. Containers' host
 * ports are filled in by the engine; until then `hostPort` is the requested one or 0.
 */
export async function planEndpoints(
  resource: Resource,
  target: "host" | "container" | undefined,
  allocatePort: () => Promise<number>,
): Promise<Map<string, AllocatedEndpoint>> {
  const planned = new Map<string, AllocatedEndpoint>();
  for (const endpoint of resource.annotationsOf("endpoint")) {
    if (target === "container") {
      const targetPort = endpoint.targetPort ?? endpoint.port ?? 0;
      planned.set(endpoint.name, { scheme: endpoint.scheme, hostPort: endpoint.port ?? 0, targetPort, containerHost: resource.name });
    } else {
      const port = endpoint.port ?? endpoint.targetPort ?? (await allocatePort());
      planned.set(endpoint.name, { scheme: endpoint.scheme, hostPort: port, targetPort: port, containerHost: undefined });
    }
  }
  return planned;
}
