import { createProcessRuntime, type AllocatedEndpoint, type EngineClient } from "@bosun/hosting";
import type { ResourceRuntime, SessionInfo, StartedResource, StartRequest } from "@bosun/hosting/runtime";
import { createTestcontainersRuntime } from "../runtime/testcontainers-runtime.js";

/** Resource name → where its endpoints ended up, filled in as each resource starts. */
export type EndpointRecord = Map<string, ReadonlyMap<string, AllocatedEndpoint>>;

/** Resource name → its running process or container, filled in as each resource starts. */
export type StartedRecord = Map<string, StartedResource>;

export interface TestRuntimesOptions {
  readonly engine: EngineClient;
  readonly session: SessionInfo;
  readonly substitution: Parameters<typeof createTestcontainersRuntime>[0]["substitution"];
  readonly images: Readonly<Record<string, string>>;
  readonly keepHostPorts: boolean;
  readonly stableHostPorts: boolean;
  /** Extra environment for Node apps and executables; wins over what the model sets. */
  readonly env: Readonly<Record<string, string>>;
  readonly endpoints: EndpointRecord;
  readonly started: StartedRecord;
}

/** Containers through Testcontainers, Node apps as child processes; both record their endpoints and handles. */
export function createTestRuntimes(options: TestRuntimesOptions): ResourceRuntime[] {
  const containers = createTestcontainersRuntime(options);
  const processes = createProcessRuntime({ session: options.session });
  const record = (runtime: ResourceRuntime, adjust: (request: StartRequest) => StartRequest = (r) => r) =>
    withStart(runtime, async (request) => {
      const started = await runtime.start(adjust(request));
      options.endpoints.set(request.resource.name, started.endpoints);
      options.started.set(request.resource.name, started);
      return started;
    });
  return [record(containers), record(processes, (request) => ({ ...request, env: { ...request.env, ...options.env } }))];
}

function withStart(runtime: ResourceRuntime, start: (request: StartRequest) => Promise<StartedResource>): ResourceRuntime {
  return {
    name: runtime.name,
    target: runtime.target,
    supports: (resource) => runtime.supports(resource),
    ...(runtime.preflight ? { preflight: (resources) => runtime.preflight!(resources) } : {}),
    ...(runtime.open ? { open: () => runtime.open!() } : {}),
    start,
    ...(runtime.close ? { close: () => runtime.close!() } : {}),
  };
}
