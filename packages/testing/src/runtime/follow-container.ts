import type { AllocatedEndpoint, EngineClient, LogStream, StartedResource } from "@bosun/hosting/runtime";
import type { StartedTestContainer } from "testcontainers";

export interface FollowContainerOptions {
  readonly engine: EngineClient;
  readonly started: StartedTestContainer;
  readonly endpoints: ReadonlyMap<string, AllocatedEndpoint>;
  readonly onLog: (stream: LogStream, line: string) => void;
  /** How long the container gets to stop before it is killed; its data is thrown away anyway. */
  readonly stopTimeoutMs: number;
}

/**
 * Follows a started container line by line (bosun's engine client keeps stdout and stderr apart;
 * Testcontainers' log stream merges them) and reports its exit. `stop()` stops and removes it
 * with its anonymous volumes, through Testcontainers.
 */
export async function followContainer(options: FollowContainerOptions): Promise<StartedResource> {
  const { engine, started } = options;
  const id = started.getId();
  const logs = await engine.containers.logs(id, { follow: true, onLine: options.onLog });
  const exited = waitForExit(engine, id);
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    try {
      await started.stop({ timeout: options.stopTimeoutMs, remove: true, removeVolumes: true });
    } finally {
      logs.stop();
    }
  };
  return { endpoints: options.endpoints, exited, stop: () => (stopping ??= stop()) };
}

/** The exit code; never rejects, since nobody may be listening when the engine goes away. */
async function waitForExit(engine: EngineClient, id: string): Promise<number> {
  try {
    return await engine.containers.wait(id);
  } catch {
    const info = await engine.containers.inspect(id).catch(() => undefined);
    return info && !info.running ? info.exitCode : -1;
  }
}
