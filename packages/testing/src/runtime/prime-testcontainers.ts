import { getContainerRuntimeClient, getReaper, type ContainerRuntimeClient } from "testcontainers";

/**
 * Testcontainers sets up its engine client and its reaper on a process's first container start,
 * under a file lock; a second start in the same moment waits for that lock in 0.5–1 s retries.
 * Done once before a test app's containers start, they all start at once. Later calls return at once.
 */
export async function primeTestcontainers(): Promise<void> {
  const client = await getContainerRuntimeClient();
  ignoreUnpublishedPortBindings(client);
  await getReaper(client);
}

type ContainerClient = ContainerRuntimeClient["container"];
const ADAPTED = Symbol("bosun.unpublishedPortBindingsIgnored");

/**
 * Podman lists every port the image EXPOSEs in an inspected container's `HostConfig.PortBindings`,
 * the unpublished ones with no binding (Docker lists only the published ones). Testcontainers waits
 * after a start until every listed port is bound on the host, so on Podman an image such as
 * RabbitMQ's (eight EXPOSEd ports, two published) timed out after 10 s. Inspect results given to
 * Testcontainers drop those empty entries; what is published is unchanged. The client's class is
 * adapted, not the one client: a start racing the first one can be given a client of its own.
 */
function ignoreUnpublishedPortBindings(client: ContainerRuntimeClient): void {
  const containers = Object.getPrototypeOf(client.container) as ContainerClient & { [ADAPTED]?: true };
  if (containers[ADAPTED]) return;
  const inspect = containers.inspect;
  containers.inspect = async function (this: ContainerClient, container) {
    const result = await inspect.call(this, container);
    const bindings = result.HostConfig?.PortBindings as Record<string, unknown> | undefined;
    for (const [port, binding] of Object.entries(bindings ?? {})) if (binding === null) delete bindings![port];
    return result;
  };
  containers[ADAPTED] = true;
}
