import { hostname } from "node:os";
import type { EngineClient } from "../../engine/engine-client.js";
import type { ImageSubstitution } from "../../images/image-substitution.js";
import { ContainerResource } from "../../model/container-resource.js";
import type { ResourceRuntime, SessionInfo } from "../resource-runtime.js";
import { appKeyOf } from "./docker-labels.js";
import { ensureAppNetwork } from "./app-network.js";
import { preflightContainers } from "./docker-preflight.js";
import { createSessionNetwork, removeNetworkAndLeftovers, sessionNetworkName } from "./session-network.js";
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
}

/**
 * Runs container resources on a Docker engine, on one bridge network per session where each
 * container answers to its resource name.
 * @example createDockerRuntime({ engine: await connectEngine(), session, substitution: loadImageSubstitution({ env: process.env, cwd: process.cwd() }) })
 */
export function createDockerRuntime(options: DockerRuntimeOptions): ResourceRuntime {
  const { engine, session } = options;
  const host = options.host ?? hostname();
  const context: DockerSession = {
    engine,
    session,
    substitution: options.substitution,
    network: sessionNetworkName(session),
    report: (resource, text) => options.onImageProgress?.(resource, text),
    isAlive: options.isAlive,
    host,
    appNetwork: memoize(() => ensureAppNetwork(engine, appKeyOf(session.appHost))),
  };
  let opened: Promise<unknown> | undefined;
  const open = async () => {
    opened ??= createSessionNetwork(engine, session, host);
    await opened;
  };

  return {
    name: "docker",
    target: "container",
    supports: (resource) => resource instanceof ContainerResource,
    preflight: (resources) => preflightContainers(context, resources),
    open,
    start: async (request) => {
      await open();
      return startContainer(context, { ...request, resource: request.resource as ContainerResource });
    },
    close: async () => {
      if (!opened) return;
      opened = undefined;
      await removeNetworkAndLeftovers(engine, context.network, appKeyOf(session.appHost));
    },
  };
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
