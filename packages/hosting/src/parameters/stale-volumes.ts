import type { EngineClient } from "../engine/engine-client.js";
import { ContainerResource } from "../model/container-resource.js";
import type { Resource } from "../model/resource.js";
import { resourcesIn } from "../model/value-resolver.js";
import type { ResolvedParameters } from "./resolve-parameters.js";

/**
 * Warnings for containers that get a password generated just now while their named data volume
 * already exists: a database initialised with the old password will refuse the new one. Nothing
 * is changed; the message says how to get the old value back or start afresh.
 */
export async function volumesOlderThanTheirPassword(engine: EngineClient, resources: readonly Resource[], parameters: ResolvedParameters): Promise<string[]> {
  const warnings: string[] = [];
  for (const container of resources.filter((r): r is ContainerResource => r instanceof ContainerResource)) {
    const used = new Set(container.annotationsOf("environment").flatMap((e) => resourcesIn(e.value)));
    const fresh = parameters.generated.filter((p) => used.has(p));
    if (fresh.length === 0) continue;
    for (const mount of container.annotationsOf("mount")) {
      if (mount.kind !== "volume" || !mount.source || !(await engine.volumes.inspect(mount.source))) continue;
      const names = fresh.map((p) => `'${p.name}'`).join(", ");
      warnings.push(
        `resource '${container.name}': volume '${mount.source}' already holds data, but ${names} was generated just now (it was not in ${parameters.secretsFile}); ` +
          `if the server keeps its password in that data it will refuse the new one: put the old value back in that file or set ${fresh.map((p) => p.configKey).join(", ")}, ` +
          `or start afresh with \`down --volumes\``,
      );
    }
  }
  return warnings;
}
