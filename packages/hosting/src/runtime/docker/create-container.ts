import { BosunError, PortInUseError } from "../../errors/bosun-error.js";
import type { EngineClient } from "../../engine/engine-client.js";
import type { ContainerResource } from "../../model/container-resource.js";
import type { StartedResource, StartRequest } from "../resource-runtime.js";
import { attachContainer } from "./attached-container.js";
import type { ContainerDefinition } from "./container-definition.js";
import { endpointsAfterStart } from "./started-endpoints.js";

export interface CreateContainerOptions {
  readonly engine: EngineClient;
  readonly request: StartRequest<ContainerResource>;
  readonly definition: ContainerDefinition;
  /** For persistent containers: the app network they stay on between runs. */
  readonly appNetwork?: string;
}

/**
 * Creates and starts the container, reads back its published ports and follows it. If anything
 * fails (or the app stops meanwhile), the container is removed before the error is rethrown.
 */
export async function createContainer(options: CreateContainerOptions): Promise<StartedResource> {
  const { engine, request, definition } = options;
  const id = await engine.containers.create(definition.spec);
  const network = definition.spec.network?.name;
  try {
    if (options.appNetwork && options.appNetwork !== network) await engine.networks.connect(options.appNetwork, id, [request.resource.name]);
    await engine.containers.start(id);
    const started = await attachContainer({
      engine,
      id,
      endpoints: await endpointsAfterStart(engine, request.resource, id),
      persistent: definition.lifetime === "persistent",
      ...(network && network !== options.appNetwork ? { network } : {}),
      onLog: request.onLog,
    });
    if (request.signal.aborted) throw new BosunError(`resource '${request.resource.name}': the app stopped while it was starting`, { code: "RUNTIME" });
    return started;
  } catch (error) {
    await engine.containers.remove(id, { force: true, removeVolumes: true }).catch(() => {});
    throw namingResource(request.resource.name, id, definition.spec.name, error);
  }
}

/** The engine layer names the container by its id; name the resource and the container instead. */
function namingResource(resource: string, id: string, name: string, error: unknown): unknown {
  if (!(error instanceof BosunError) || error.message.startsWith(`resource '${resource}'`)) return error;
  const message = `resource '${resource}': ${error.message.replaceAll(id, name)}`;
  if (error instanceof PortInUseError) return new PortInUseError(message, error);
  return new BosunError(message, { code: error.code, cause: error });
}
