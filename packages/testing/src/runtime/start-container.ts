import { BosunError, ImageNotAvailableError, imageReferenceOf, type AllocatedEndpoint, type ContainerResource } from "@bosun/hosting";
import type { EngineClient, ImageSubstitution, SessionInfo, StartedResource, StartRequest } from "@bosun/hosting/runtime";
import type { StartedTestContainer } from "testcontainers";
import { defineContainer, type DefinedContainer } from "./define-container.js";
import { followContainer } from "./follow-container.js";
import { isPortTaken, pickHostPorts, STABLE_PORT_ATTEMPTS } from "./stable-host-ports.js";

const LAST_LINES = 10;

/** What every container start of one test session shares. */
export interface TestSessionContext {
  readonly engine: EngineClient;
  readonly session: SessionInfo;
  readonly substitution: ImageSubstitution;
  readonly network: string;
  /** Resolves once `network` exists. */
  readonly networkReady: () => Promise<unknown>;
  /** Resource name → image reference used instead of the model's. */
  readonly images: Readonly<Record<string, string>>;
  readonly keepHostPorts: boolean;
  /** Pick host ports up front so a container stopped and started again keeps them. */
  readonly stableHostPorts: boolean;
  readonly stopTimeoutMs: number;
}

/** Starts one container resource through Testcontainers and follows its output and exit. */
export async function startResourceContainer(context: TestSessionContext, request: StartRequest<ContainerResource>): Promise<StartedResource> {
  const resource = request.resource;
  const requested = context.images[resource.name] ?? imageReferenceOf(resource);
  const image = context.substitution.substitute(requested).image;
  const present = await context.engine.images.exists(image);

  let defined: DefinedContainer;
  let started: StartedTestContainer;
  for (let attempt = 1; ; attempt++) {
    const hostPorts = context.stableHostPorts ? await pickHostPorts(resource, context.keepHostPorts) : undefined;
    defined = defineContainer({ request, session: context.session, image, network: context.network, networkReady: context.networkReady, keepHostPorts: context.keepHostPorts, hostPorts });
    try {
      started = await defined.container.start();
      break;
    } catch (error) {
      // A port picked up front can be taken before the engine binds it; pick again.
      if (hostPorts && attempt < STABLE_PORT_ATTEMPTS && isPortTaken(error)) {
        await context.engine.containers.remove(defined.name, { force: true, removeVolumes: true }).catch(() => {});
        continue;
      }
      throw await startFailure(context, defined, { resource: resource.name, requested, image, present }, error);
    }
  }
  if (request.signal.aborted) {
    await started.stop({ timeout: 0, removeVolumes: true }).catch(() => {});
    throw new BosunError(`resource '${resource.name}': the test app stopped while it was starting`, { code: "RUNTIME" });
  }
  const endpoints = new Map<string, AllocatedEndpoint>();
  for (const endpoint of resource.annotationsOf("endpoint")) {
    const targetPort = defined.containerPorts.get(endpoint.name)!;
    endpoints.set(endpoint.name, { scheme: endpoint.scheme, hostPort: started.getMappedPort(targetPort), targetPort, containerHost: resource.name });
  }
  return followContainer({ engine: context.engine, started, endpoints, onLog: request.onLog, stopTimeoutMs: context.stopTimeoutMs });
}

interface Attempt {
  readonly resource: string;
  readonly requested: string;
  readonly image: string;
  readonly present: boolean;
}

/** Removes what Testcontainers left of a failed start and says why, with the container's last lines. */
async function startFailure(context: TestSessionContext, defined: DefinedContainer, attempt: Attempt, error: unknown): Promise<BosunError> {
  const reason = error instanceof Error ? error.message : String(error);
  const { engine } = context;
  if (!attempt.present && (await engine.images.exists(attempt.image)) === false) {
    const shown = attempt.image === attempt.requested ? `'${attempt.image}'` : `'${attempt.image}' (for '${attempt.requested}')`;
    return new ImageNotAvailableError(
      `resource '${attempt.resource}': image ${shown} is not on the engine and could not be pulled (${reason}); ` +
        `map it to a local image with BOSUN_IMAGE_MAP, or pass startTestApp(defineApp, { images: { '${attempt.resource}': 'local/image:tag' } })`,
      error,
    );
  }
  const lines: string[] = [];
  const logs = await engine.containers.logs(defined.name, { follow: false, onLine: (_stream, line) => lines.push(line) }).catch(() => undefined);
  await logs?.ended.catch(() => {});
  await engine.containers.remove(defined.name, { force: true, removeVolumes: true }).catch(() => {});
  const tail = lines.slice(-LAST_LINES).map((line) => `\n    ${line}`).join("");
  return new BosunError(
    `resource '${attempt.resource}': container '${defined.name}' (image '${attempt.image}') did not start: ${reason}; ` +
      `check its command and environment${tail ? `. Its last output:${tail}` : ""}`,
    { code: "RUNTIME", cause: error },
  );
}
