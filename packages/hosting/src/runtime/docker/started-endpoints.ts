import { BosunError } from "../../errors/bosun-error.js";
import type { EngineClient } from "../../engine/engine-client.js";
import type { ContainerResource } from "../../model/container-resource.js";
import type { AllocatedEndpoint } from "../../model/value-resolver.js";
import { publishedEndpoints } from "./container-ports.js";

const LAST_LINES = 10;

/**
 * The published endpoints of a just-started container. One that already stopped has none: say
 * so with its exit code and last output, so the reason is not lost when it is removed.
 */
export async function endpointsAfterStart(engine: EngineClient, resource: ContainerResource, id: string): Promise<Map<string, AllocatedEndpoint>> {
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
