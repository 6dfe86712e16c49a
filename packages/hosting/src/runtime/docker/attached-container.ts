import type { EngineClient } from "../../engine/engine-client.js";
import type { LogSubscription } from "../../engine/container-client.js";
import type { AllocatedEndpoint } from "../../model/value-resolver.js";
import type { LogStream, StartedResource } from "../resource-runtime.js";

/** How long a container gets to stop on its image's stop signal before the engine kills it. */
export const STOP_TIMEOUT_SECONDS = 10;

export interface AttachOptions {
  readonly engine: EngineClient;
  readonly id: string;
  readonly endpoints: ReadonlyMap<string, AllocatedEndpoint>;
  readonly persistent: boolean;
  /** The session network a persistent container leaves on stop; none when it is only on the app network. */
  readonly network?: string;
  readonly onLog: (stream: LogStream, line: string) => void;
  /** Only output written after this moment (a reused container's history is not replayed). */
  readonly logsSince?: Date;
}

/**
 * Follows a started container's output and exit. `stop()` stops and removes a session container
 * (named volumes stay); a persistent one keeps running and is only detached from the session
 * network, after which `exited` settles with 0 since bosun no longer watches it.
 */
export async function attachContainer(options: AttachOptions): Promise<StartedResource> {
  const { engine, id } = options;
  const logs = await engine.containers.logs(id, {
    follow: true,
    ...(options.logsSince ? { since: options.logsSince } : {}),
    onLine: options.onLog,
  });
  const watching = new AbortController();
  let detached: (code: number) => void = () => {};
  const exited = Promise.race([
    waitForExit(engine, id, watching.signal),
    new Promise<number>((resolve) => (detached = resolve)),
  ]);
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    if (options.persistent) await detach(options, logs, watching, () => detached(0));
    else await stopAndRemove(engine, id, logs);
  };
  return {
    endpoints: options.endpoints,
    exited,
    stop: () => (stopping ??= stop()),
  };
}

async function stopAndRemove(engine: EngineClient, id: string, logs: LogSubscription): Promise<void> {
  try {
    await engine.containers.stop(id, { timeoutSeconds: STOP_TIMEOUT_SECONDS });
    await engine.containers.remove(id, { force: true, removeVolumes: true });
  } finally {
    logs.stop();
  }
}

async function detach(options: AttachOptions, logs: LogSubscription, watching: AbortController, settle: () => void): Promise<void> {
  logs.stop();
  watching.abort();
  settle();
  if (options.network) await options.engine.networks.disconnect(options.network, options.id);
}

/** The exit code; never rejects, since nobody may be listening when the engine goes away. */
async function waitForExit(engine: EngineClient, id: string, signal: AbortSignal): Promise<number> {
  try {
    return await engine.containers.wait(id, { signal });
  } catch {
    if (signal.aborted) return new Promise<number>(() => {});
    const info = await engine.containers.inspect(id).catch(() => undefined);
    return info && !info.running ? info.exitCode : -1;
  }
}
