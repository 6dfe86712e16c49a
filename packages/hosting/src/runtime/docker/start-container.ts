import { BosunError } from "../../errors/bosun-error.js";
import type { EngineClient } from "../../engine/engine-client.js";
import type { ImageSubstitution } from "../../images/image-substitution.js";
import { imageReferenceOf, type ContainerResource } from "../../model/container-resource.js";
import { describeError } from "../../errors/describe-error.js";
import type { SessionInfo, StartedResource, StartRequest } from "../resource-runtime.js";
import { defineContainer, lifetimeOf } from "./container-definition.js";
import { containerFilesDirectory, writeContainerFiles } from "./container-files.js";
import { ensureNamedVolumes } from "./container-mounts.js";
import { createContainer } from "./create-container.js";
import { appKeyOf } from "./docker-labels.js";
import { ensureImage } from "./image-availability.js";
import { judgeNameHolder } from "./name-holder.js";
import { reuseContainer } from "./reuse-container.js";
import type { IsAlive } from "./session-owner.js";

/** What every start in one session shares. */
export interface DockerSession {
  readonly engine: EngineClient;
  readonly session: SessionInfo;
  readonly substitution: ImageSubstitution;
  readonly network: string;
  /** Progress lines: image pulls, containers replaced. */
  readonly report: (resource: string, text: string) => void;
  readonly isAlive?: IsAlive;
  readonly host?: string;
  /** The app network persistent containers also join (created on first use). */
  readonly appNetwork: () => Promise<string>;
  /** Resolves once `network` exists; a container is attached to it only after that. */
  readonly networkReady: () => Promise<unknown>;
}

/**
 * Starts one container resource: reuses an unchanged persistent container, replaces what an ended
 * run or an older configuration left under the same name, otherwise pulls if needed and creates.
 */
export async function startContainer(context: DockerSession, request: StartRequest<ContainerResource>): Promise<StartedResource> {
  const { engine } = context;
  const resource = request.resource;
  const requested = imageReferenceOf(resource);
  const substituted = context.substitution.substitute(requested);
  const files = containerFilesDirectory(context.session, lifetimeOf(resource));
  const fileMounts = await writeContainerFiles(files, resource.name, request.files ?? []);
  const definition = defineContainer({ request, session: context.session, image: substituted.image, network: context.network, host: context.host, fileMounts });
  const name = definition.spec.name;

  const holder = await engine.containers.inspect(name);
  if (holder) {
    const verdict = judgeNameHolder({ isAlive: context.isAlive, host: context.host, resource: resource.name, holder, appKey: appKeyOf(context.session.appHost), ...definition });
    if (verdict.action === "refuse") throw verdict.error;
    if (verdict.action === "reuse") {
      await context.networkReady();
      try {
        return await reuseContainer({ engine, request, existing: holder, network: context.network, appNetwork: await context.appNetwork() });
      } catch (error) {
        context.report(resource.name, `cannot reuse container '${name}' (${describeError(error)}); recreating it`);
      }
    } else {
      context.report(resource.name, `replacing container '${name}': ${verdict.why}`);
    }
    await engine.containers.remove(holder.id, { force: true, removeVolumes: true });
  }

  await ensureImage({ engine, resource: resource.name, requested, substituted, onProgress: context.report });
  await ensureNamedVolumes(engine, definition.spec.mounts, appKeyOf(context.session.appHost));
  if (request.signal.aborted) throw new BosunError(`resource '${resource.name}': the app stopped while it was starting`, { code: "RUNTIME" });
  const appNetwork = definition.lifetime === "persistent" ? await context.appNetwork() : undefined;
  await context.networkReady();
  return createContainer({ engine, request, definition, ...(appNetwork ? { appNetwork } : {}) });
}
