import { hostname } from "node:os";
import type { EngineClient } from "../../engine/engine-client.js";
import type { ImageSubstitution } from "../../images/image-substitution.js";
import { ContainerResource } from "../../model/container-resource.js";
import type { Resource } from "../../model/resource.js";
import type { ResourceRuntime, SessionInfo } from "../resource-runtime.js";
import { lifetimeOf } from "./container-definition.js";
import { appKeyOf } from "./docker-labels.js";
import { appNetworkName, ensureAppNetwork } from "./app-network.js";
import { preflightContainers } from "./docker-preflight.js";
import { createSessionNetwork, removeNetworkAndLeftovers, sessionNetworkName } from "./session-network.js";
import { removeSessionFiles } from "./container-files.js";
import type { IsAlive } from "./session-owner.js";
import { startContainer, type DockerSession } from "./start-container.js";

export interface DockerRuntimeOptions {
  readonly engine: EngineClient;
  readonly session: SessionInfo;
  readonly substitution: ImageSubstitution;
  /** Progress for humans: image pulls (`docker.io/library/redis:8.6: 2/7 layers, …`), containers replaced. */
  readonly onImageProgress?: (resource: string, text: string) => void;
  /** Whether an earlier session's AppHost process still runs; default `process.kill(pid, 0)`. */
  readonly isAlive?: IsAlive;
  /** This machine's name in `bosun.host` labels; default `os.hostname()`. */
  readonly host?: string;
  /**
   * The app's resources. When every container among them is persistent, they meet by name on the
   * app network they stay on anyway, and no session network is made: reusing them then costs no
   * network creation and no attaching on every run.
   */
  readonly resources?: readonly Resource[];
}

/**
 * Runs container resources on a Docker engine, on one bridge network per session where each
 * container answers to its resource name.
 * @example createDockerRuntime({ engine: await connectEngine(), session, substitution: loadImageSubstitution({ env: process.env, cwd: process.cwd() }) })
 */
export function createDockerRuntime(options: DockerRuntimeOptions): ResourceRuntime {
  const { engine, session } = options;
  const host = options.host ?? hostname();
  const appKey = appKeyOf(session.appHost);
  const persistentOnly = options.resources !== undefined && everyContainerIsPersistent(options.resources);
  const appNetwork = memoize(() => ensureAppNetwork(engine, appKey));
  let opened: Promise<unknown> | undefined;
  const open = async () => {
    opened ??= persistentOnly ? appNetwork() : createSessionNetwork(engine, session, host);
    await opened;
  };
  const context: DockerSession = {
    engine,
    session,
    substitution: options.substitution,
    network: persistentOnly ? appNetworkName(appKey) : sessionNetworkName(session),
    report: (resource, text) => options.onImageProgress?.(resource, text),
    isAlive: options.isAlive,
    host,
    appNetwork,
    networkReady: () => open(),
  };

  return {
    name: "docker",
    target: "container",
    supports: (resource) => resource instanceof ContainerResource,
    preflight: (resources) => preflightContainers(context, resources),
    open,
    start: (request) => {
      // The network is made meanwhile; the container waits for it only where it needs it.
      open().catch(() => {});
      return startContainer(context, { ...request, resource: request.resource as ContainerResource });
    },
    close: async () => {
      await removeSessionFiles(session);
      const pending = opened;
      opened = undefined;
      // The app network outlives the session; `down` removes it.
      if (!pending || persistentOnly) return;
      // A network still being created (preflight failed meanwhile) is removed once it exists.
      await pending.catch(() => {});
      await removeNetworkAndLeftovers(engine, context.network, appKey);
    },
  };
}

function everyContainerIsPersistent(resources: readonly Resource[]): boolean {
  return resources.filter((r): r is ContainerResource => r instanceof ContainerResource).every((r) => lifetimeOf(r) === "persistent");
}

/** Runs `create` once; later calls share its promise (a failed attempt is retried next time). */
function memoize<T>(create: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= create().catch((error) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
