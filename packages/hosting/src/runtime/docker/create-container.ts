import { BosunError } from "../../errors/bosun-error.js";
import type { EngineClient } from "../../engine/engine-client.js";
import type { ContainerResource } from "../../model/container-resource.js";
import type { StartedResource, StartRequest } from "../resource-runtime.js";
import { attachContainer } from "./attached-container.js";
import type { ContainerDefinition } from "./container-definition.js";
import { publishedEndpoints } from "./container-ports.js";

const LAST_LINES = 10;

export interface CreateContainerOptions {
  readonly engine: EngineClient;
  readonly request: StartRequest<ContainerResource>;
  readonly definition: ContainerDefinition;
}

/**
 * Creates and starts the container, reads back its published ports and follows it. If anything
 * fails (or the app stops meanwhile), the container is removed before the error is rethrown.
 */
export async function createContainer(options: CreateContainerOptions): Promise<StartedResource> {
  const { engine, request, definition } = options;
  const id = await engine.containers.create(definition.spec);
  try {
    await engine.containers.start(id);
    const started = await attachContainer({
      engine,
      id,
      endpoints: await endpointsAfterStart(engine, request.resource, id),
      persistent: definition.lifetime === "persistent",
      network: definition.spec.network?.name ?? "",
      onLog: request.onLog,
    });
    if (request.signal.aborted) throw new BosunError(`resource '${request.resource.name}': the app stopped while it was starting`, { code: "RUNTIME" });
    return started;
  } catch (error) {
    await engine.containers.remove(id, { force: true, removeVolumes: true }).catch(() => {});
    throw error;
  }
}

/** The published endpoints; a container that exited at once has none, so say why with its last lines. */
export async function endpointsAfterStart(engine: EngineClient, resource: ContainerResource, id: string) {
  const info = await engine.containers.inspect(id);
  const endpoints = info ? publishedEndpoints(resource, info) : undefined;
  if (endpoints) return endpoints;
  const lines: string[] = [];
  await engine.containers.logs(id, { follow: false, onLine: (_stream, line) => lines.push(line) }).catch(() => {});
  const tail = lines.slice(-LAST_LINES).map((line) => `\n    ${line}`).join("");
  const state = info ? `${info.state}, exit code ${info.exitCode}` : "gone";
  throw new BosunError(
    `resource '${resource.name}': the container stopped right after starting (${state}), so its ports are not published; ` +
      `check its command and environment${tail ? `. Its last output:${tail}` : ""}`,
    { code: "RUNTIME" },
  );
}
