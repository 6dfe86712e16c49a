import { BosunError, type ContainerResource, type EndpointAnnotation } from "@bosun/hosting";
import { HOST_FROM_CONTAINER, type SessionInfo, type StartRequest } from "@bosun/hosting/runtime";
import { ResourceContainer } from "./resource-container.js";
import { testSessionLabels } from "./test-labels.js";

export interface DefineContainerOptions {
  readonly request: StartRequest<ContainerResource>;
  readonly session: SessionInfo;
  /** The image to run, after overrides and substitution. */
  readonly image: string;
  readonly network: string;
  /** Resolves once `network` exists; the container is created only then. */
  readonly networkReady?: () => Promise<unknown>;
  /** Publish on the endpoint's fixed `withHostPort` instead of a random port. */
  readonly keepHostPorts: boolean;
  /** Endpoint name → host port picked up front (`stableHostPorts`); the others get one from the engine. */
  readonly hostPorts?: ReadonlyMap<string, number>;
}

export interface DefinedContainer {
  readonly container: ResourceContainer;
  readonly name: string;
  /** Endpoint name → the port the server listens on inside the container. */
  readonly containerPorts: ReadonlyMap<string, number>;
}

/**
 * A test app's container for one resource: unique name, random host ports on 127.0.0.1, named
 * volumes swapped for anonymous ones, on the session network under the resource's name.
 * `withContainerName` is ignored on purpose: a fixed name would collide between parallel test files.
 */
export function defineContainer(options: DefineContainerOptions): DefinedContainer {
  const { request, session } = options;
  const resource = request.resource;
  const name = `${session.appHost.name}-${resource.name}`;
  const container = new ResourceContainer(options.image)
    .withName(name)
    .withHostname(resource.name)
    .withLabels(testSessionLabels(session, resource.name))
    .withEnvironment({ ...request.env })
    .withNetworkAndAliases(options.network, [resource.name])
    .withExtraHosts([{ host: HOST_FROM_CONTAINER, ipAddress: "host-gateway" }]);
  if (request.args.length > 0) container.withCommand([...request.args]);
  if (options.networkReady) container.waitingFor(options.networkReady);

  const containerPorts = new Map<string, number>();
  for (const endpoint of resource.annotationsOf("endpoint")) {
    const containerPort = containerPortOf(resource, endpoint);
    containerPorts.set(endpoint.name, containerPort);
    const fixed = (options.keepHostPorts ? endpoint.port : undefined) ?? options.hostPorts?.get(endpoint.name);
    container.withExposedPorts(fixed === undefined ? containerPort : { container: containerPort, host: fixed });
    if (endpoint.hostIp !== undefined) container.withHostIp(containerPort, endpoint.hostIp);
  }

  const mounts = resource.annotationsOf("mount");
  const binds = mounts.filter((m) => m.kind === "bind" && m.source !== undefined);
  if (binds.length > 0) container.withBindMounts(binds.map((m) => ({ source: m.source!, target: m.target, mode: m.readOnly ? "ro" : "rw" })));
  for (const volume of mounts.filter((m) => m.kind === "volume")) container.withAnonymousVolume(volume.target);
  // Generated files are copied in before the container starts (nothing left on the host to clean up).
  const files = request.files ?? [];
  if (files.length > 0) container.withCopyContentToContainer(files.map((f) => ({ content: f.content, target: f.target, mode: 0o644 })));

  return { container, name, containerPorts };
}

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
