import type { ContainerInfo } from "../../engine/container-info.js";
import type { EngineClient } from "../../engine/engine-client.js";
import type { ContainerResource } from "../../model/container-resource.js";
import type { StartedResource, StartRequest } from "../resource-runtime.js";
import { attachContainer } from "./attached-container.js";
import { endpointsAfterStart } from "./started-endpoints.js";

export interface ReuseContainerOptions {
  readonly engine: EngineClient;
  readonly request: StartRequest<ContainerResource>;
  readonly existing: ContainerInfo;
  /** The network the session's containers meet on: the session's own, or the app network. */
  readonly network: string;
  /** The app network it stays on between runs (joined here too, for containers made before it existed). */
  readonly appNetwork: string;
}

/**
 * Takes over an unchanged persistent container: joins it to this session's network under the
 * resource's name, starts it if it was stopped, and follows only its new output.
 */
export async function reuseContainer(options: ReuseContainerOptions): Promise<StartedResource> {
  const { engine, request, existing, network } = options;
  const since = new Date();
  // Connect first: a stopped container starts fine on the new network even when its old one is gone.
  const networks = new Set([network, options.appNetwork]);
  await Promise.all([...networks].map((name) => engine.networks.connect(name, existing.id, [request.resource.name])));
  if (!existing.running) await engine.containers.start(existing.id);
  return attachContainer({
    engine,
    id: existing.id,
    endpoints: await endpointsAfterStart(engine, request.resource, existing.id),
    persistent: true,
    ...(network !== options.appNetwork ? { network } : {}),
    onLog: request.onLog,
    logsSince: since,
  });
}
