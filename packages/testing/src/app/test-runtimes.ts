import { createProcessRuntime, type EngineClient, type ImageSubstitution, type ResourceRuntime, type SessionInfo } from "@bosun/hosting/runtime";
import { createTestcontainersRuntime } from "../runtime/testcontainers-runtime.js";

export interface TestRuntimesOptions {
  readonly engine: EngineClient;
  readonly session: SessionInfo;
  readonly substitution: ImageSubstitution;
  readonly images: Readonly<Record<string, string>>;
  readonly keepHostPorts: boolean;
  readonly stableHostPorts: boolean;
  /** Extra environment for Node apps and executables; wins over what the model sets. */
  readonly env: Readonly<Record<string, string>>;
}

/** Containers through Testcontainers; Node apps and executables as child processes, with the test's extra environment. */
export function createTestRuntimes(options: TestRuntimesOptions): ResourceRuntime[] {
  const processes = createProcessRuntime({ session: options.session });
  return [
    createTestcontainersRuntime(options),
    // The core's `env` option only feeds parameters and image substitution, not the processes' environment.
    { ...processes, start: (request) => processes.start({ ...request, env: { ...request.env, ...options.env } }) },
  ];
}
