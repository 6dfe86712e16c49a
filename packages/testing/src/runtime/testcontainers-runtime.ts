import { ContainerResource } from "@bosun/hosting";
import { loadImageSubstitution, type EngineClient, type ImageSubstitution, type ResourceRuntime, type SessionInfo } from "@bosun/hosting/runtime";
import { applyTestcontainersDefaults } from "../testcontainers-environment.js";
import { primeTestcontainers } from "./prime-testcontainers.js";
import { startResourceContainer, type TestSessionContext } from "./start-container.js";
import { TEST_LABEL, testSessionLabels } from "./test-labels.js";

export interface TestcontainersRuntimeOptions {
  readonly engine: EngineClient;
  readonly session: SessionInfo;
  /** Image substitution (`BOSUN_IMAGE_MAP`, `BOSUN_REGISTRY_MIRROR`); default: read from `process.env`. */
  readonly substitution?: ImageSubstitution;
  /** Resource name → image to run instead of the model's (substitution still applies to it). */
  readonly images?: Readonly<Record<string, string>>;
  /** Publish on the model's fixed host ports (`withHostPort`) instead of random ones. */
  readonly keepHostPorts?: boolean;
  /** Pick the random host ports up front, so a container stopped and started again through the engine keeps them. */
  readonly stableHostPorts?: boolean;
  /** How long a container gets to stop before it is killed; default 0, its data is thrown away. */
  readonly stopTimeoutMs?: number;
}

/** `bosun-<app>-<session>`: the test session's own bridge network. */
export function testNetworkName(session: SessionInfo): string {
  return `bosun-${session.appHost.name}-${session.id}`;
}

/**
 * Runs container resources through Testcontainers for integration tests: random host ports on
 * 127.0.0.1, throw-away volumes, one labelled network per session on which each container answers
 * to its resource name.
 * @example createTestcontainersRuntime({ engine: await connectEngine(), session })
 */
export function createTestcontainersRuntime(options: TestcontainersRuntimeOptions): ResourceRuntime {
  applyTestcontainersDefaults();
  const { engine, session } = options;
  let opened: Promise<unknown> | undefined;
  const open = async () => {
    opened ??= Promise.all([engine.networks.create({ name: testNetworkName(session), labels: testSessionLabels(session) }), primeTestcontainers()]);
    await opened;
  };
  const context: TestSessionContext = {
    engine,
    session,
    substitution: options.substitution ?? loadImageSubstitution({ env: process.env, cwd: process.cwd() }),
    network: testNetworkName(session),
    networkReady: () => open(),
    images: options.images ?? {},
    keepHostPorts: options.keepHostPorts ?? false,
    stableHostPorts: options.stableHostPorts ?? false,
    stopTimeoutMs: options.stopTimeoutMs ?? 0,
  };
  return {
    name: "testcontainers",
    target: "container",
    supports: (resource) => resource instanceof ContainerResource,
    open,
    start: (request) => {
      // The network is made meanwhile; the container is created once it exists.
      open().catch(() => {});
      return startResourceContainer(context, { ...request, resource: request.resource as ContainerResource });
    },
    close: async () => {
      const pending = opened;
      if (!pending) return;
      opened = undefined;
      // A network still being created (preflight failed meanwhile) is removed once it exists.
      await pending.catch(() => {});
      await removeTestNetwork(engine, context.network, session);
    },
  };
}

/** Removes the network and any of this session's containers still on it (a stop that failed). */
async function removeTestNetwork(engine: EngineClient, network: string, session: SessionInfo): Promise<void> {
  const info = await engine.networks.inspect(network);
  if (!info) return;
  for (const attached of info.containers) {
    const container = await engine.containers.inspect(attached.id);
    if (container?.labels[TEST_LABEL.session] === session.id) await engine.containers.remove(attached.id, { force: true, removeVolumes: true });
    else await engine.networks.disconnect(info.id, attached.id);
  }
  await removeWhenEmpty(engine, info.id);
}

const ACTIVE_ENDPOINTS = /active endpoints/i;

/** The engine may keep a just-removed container's endpoint for a moment; retry for up to 3 s. */
async function removeWhenEmpty(engine: EngineClient, network: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await engine.networks.remove(network);
    } catch (error) {
      if (attempt >= 30 || !ACTIVE_ENDPOINTS.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
