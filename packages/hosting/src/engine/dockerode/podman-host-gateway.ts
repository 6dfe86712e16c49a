import type Docker from "dockerode";
import type { ContainerSpec } from "../container-spec.js";

const HOST_GATEWAY = "host-gateway";
/** The network a Podman container joins when none is named. */
const PODMAN_DEFAULT_NETWORK = "podman";

/**
 * Podman 4 does not know Docker's `host-gateway` in extra hosts (its containers get
 * `host.containers.internal` instead), so such an entry is rewritten to the gateway address of the
 * network the container joins: the same host, as Docker would resolve it. Other entries, and a
 * network without a gateway, are left as they are.
 */
export async function withPodmanHostGateway(docker: Docker, spec: ContainerSpec): Promise<ContainerSpec> {
  const extraHosts = spec.extraHosts ?? [];
  if (!extraHosts.some((entry) => entry.endsWith(`:${HOST_GATEWAY}`))) return spec;
  const gateway = await networkGateway(docker, spec.network?.name ?? PODMAN_DEFAULT_NETWORK);
  if (gateway === undefined) return spec;
  return { ...spec, extraHosts: extraHosts.map((entry) => (entry.endsWith(`:${HOST_GATEWAY}`) ? `${entry.slice(0, -HOST_GATEWAY.length)}${gateway}` : entry)) };
}

async function networkGateway(docker: Docker, network: string): Promise<string | undefined> {
  const inspect = (await docker.getNetwork(network).inspect()) as { IPAM?: { Config?: { Gateway?: string }[] | null } };
  return inspect.IPAM?.Config?.find((config) => config.Gateway)?.Gateway;
}
